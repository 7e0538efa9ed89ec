/**
 * Answers that stress the PDF: every script the font must draw, characters it cannot (emoji, Chinese),
 * a 5,000-word answer and a table longer than a page. For the coalition map (text, table, checklist,
 * long text, ranked list and a map chart).
 */
import type { Answers } from '../../src/worksheets/answers';

export const NON_ASCII = 'Łódź, Čeština, İstanbul, Tiếng Việt, Ελληνικά, Кириллица, “curly” — dashes, €42';
export const NOT_IN_FONT = 'Celebrate 🎉👍🏽 with 中文 friends';
/** What NOT_IN_FONT reads as in the PDF: one placeholder per character the font lacks. */
export const NOT_IN_FONT_DRAWN = 'Celebrate \uFFFD\uFFFD with \uFFFD\uFFFD friends';

const WORDS = [
  'trust',
  'budget',
  'district',
  'teachers',
  'evidence',
  'inspectors',
  'parents',
  'reform',
  'learning',
  'meeting',
  'support',
  'change',
];

/** `count` words, numbered so the order can be checked: "w1-trust w2-budget ...". */
export function longAnswer(count = 5000): string {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(`w${i}-${WORDS[i % WORDS.length]}${i % 17 === 0 ? '.' : ''}`);
  // Paragraphs every 250 words, as people write them.
  return out.map((w, i) => (i > 0 && i % 250 === 0 ? `\n\n${w}` : w)).join(' ');
}

export const TABLE_ROWS = 45;

export function richAnswers(): Answers {
  return {
    'the-change': NON_ASCII,
    'shared-goal': NOT_IN_FONT,
    actors: Array.from({ length: TABLE_ROWS }, (_, i) => ({
      id: `r${i + 1}`,
      cells: {
        name: `Actor ${i + 1}`,
        interest: `Wants outcome ${i + 1}`,
        influence: (i % 5) + 1,
        support: ((i + 2) % 5) + 1,
        'long-term': `Interest ${i + 1}`,
        bargain: `Offer ${i + 1}`,
      },
    })),
    'coalition-gaps': ['users-missing', 'no-broker'],
    brokers: longAnswer(),
    'first-conversations': ['First: the chief inspector', 'Second: the union secretary', 'Third: the retired deputy director'],
  };
}
