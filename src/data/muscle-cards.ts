/**
 * The one-page muscle cards at /muscles/cards/: for each of the seven muscles, its essence, three
 * questions and one action that takes ten minutes. The gaps it answers come from `GAPS` (the guide's
 * reading of the sources) and its worksheets from the worksheet files, so neither is repeated here.
 * Drawn from the muscle pages in content/muscles/ and JustSystems' "Key Takeaways" (September 2024).
 * The Record type makes a missing muscle a type error; the tuple makes it exactly three questions.
 */
import type { MuscleId } from './frameworks';

export interface MuscleCard {
  /** One sentence: what the muscle is, in plain words. */
  essence: string;
  /** Three questions to reflect on, from the muscle's page. */
  questions: readonly [string, string, string];
  /** One thing a reader can do in ten minutes, today. */
  action: string;
}

export const MUSCLE_CARDS: Readonly<Record<MuscleId, MuscleCard>> = {
  'state-capability': {
    essence: 'Help government sort ideas, choose what fits and deliver it well, instead of selling it your own solution.',
    questions: [
      "What are the government's own top priorities this year, in its own words? How do you know?",
      'Which of your ideas could you stop pushing, so there is less noise around the people you want to help?',
      'If you left tomorrow, what could the institution do that it could not do before you arrived?',
    ],
    action:
      "Write down the government team's three top priorities for this year, in their words. Cross out one idea of yours that serves none of them, and decide not to raise it at your next meeting.",
  },
  trust: {
    essence:
      'Be an ally that leaders can confide in, who listens closely and can still say the hard thing, and treat accountability as a shared goal.',
    questions: [
      'Which people in the system would call you first if something went wrong? Which would avoid you?',
      'When did you last tell a senior partner a hard truth? How did you say it, and what happened to the relationship?',
      'Where does your approach to accountability assume bad faith? What would change if it assumed good faith?',
    ],
    action:
      'List the five people your work depends on most. Mark the one whose trust is weakest, and book a short conversation with them whose only purpose is to listen.',
  },
  'people-and-relationships': {
    essence:
      "Judge the work by the change in people's lives, and give frontline workers and groups left out in the past real influence over it.",
    questions: [
      "If you described last quarter's progress to a family that uses the service, what would they recognise as a change in their own lives?",
      'For women and other groups historically left out, who is present in your process, who participates, who has real agency, and who leads?',
      'When did a frontline worker last change a decision you made? What made that possible, or what stopped it?',
    ],
    action:
      "Pick one measure you report. In one line, write the change in someone's life it should lead to. If you cannot, mark it as a measure to review.",
  },
  coalitions: {
    essence:
      'Deep change needs a winning coalition of the people it affects and the people who can make or block it, held together by a bargain each side gains from.',
    questions: [
      'Which group that is not yet on board could undermine the reform later, and what would it take to bring them in?',
      'What would a shared bargain look like: what does each side give, and what does each side get?',
      'Who is trusted by more than one side and could hold a safe space between them?',
    ],
    action:
      'Name one actor who could block your change and whom you have never asked what they want. Write the first question you will ask them.',
  },
  reflection: {
    essence:
      'Step back from urgent demands to think, connect and focus on purpose, alone and with others, and help the leaders you work with do the same.',
    questions: [
      'What took most of your attention last week? How much of it was urgent but not important?',
      'When did you last have an unbroken hour to think about purpose rather than tasks?',
      "What would your next retreat need, in goal, organisation and facilitation, to be worth everyone's time?",
    ],
    action:
      'Open your calendar. Book one unbroken hour in the next two weeks to think about purpose, and give it a title that tells others it is work.',
  },
  purpose: {
    essence:
      'Agree what matters and what good looks like, choose a few priorities, and use a method that keeps asking the right questions.',
    questions: [
      'If you asked the people your work serves what it is for, what would they say? How close is that to your own words?',
      'How many priorities are you carrying today? If you could keep only three, which would they be?',
      "Whose agenda are you working to: your own, the government's, or a funder's? How can you tell?",
    ],
    action:
      'Write the purpose of your work in one sentence, as someone it serves would say it. Ask one colleague to do the same without seeing yours, then compare.',
  },
  resourcing: {
    essence:
      'Small sums of flexible, patient money, and reporting that helps people learn rather than only look good, make deep change possible.',
    questions: [
      'If you had a few hundred thousand dollars of flexible money for the next two or three years, what would you spend it on first?',
      'How much of what you report does anyone use to make a decision?',
      'What would you report if the report were only for learning?',
    ],
    action:
      'Write one thing a restriction on your money stopped you doing last year, and what a small flexible sum would have made possible. Keep it for your next conversation with a funder.',
  },
};
