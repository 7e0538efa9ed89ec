/**
 * The routes of /start/how-to-use/ as data: which worksheet comes after which, and why. The finder
 * lists them; each worksheet page shows what comes next in every route it belongs to. The steps and
 * reasons follow that page's text; change both together.
 */
import type { WorksheetId } from './frameworks';

export interface RouteStep {
  /** The worksheet of this step, or none for a step that is not a worksheet. */
  worksheet?: WorksheetId;
  /** Where a step without a worksheet is done. */
  href?: string;
  /** What the step is, for steps without a worksheet. */
  title?: string;
  /** When the step comes in the route, such as "Week 3". */
  when: string;
  /** Why this step comes here. */
  why: string;
  /** The route suggests it only for some readers. */
  optional?: boolean;
}

export interface Route {
  id: string;
  title: string;
  /** The section of /start/how-to-use/ that explains it. */
  href: string;
  steps: RouteStep[];
}

export const ROUTES: readonly Route[] = [
  {
    id: 'six-weeks',
    title: 'The six-week route on your own',
    href: '/start/how-to-use/#a-six-week-route-on-your-own',
    steps: [
      { worksheet: 'muscles-check', when: 'Week 1', why: 'Take stock: rate each muscle today and where it needs to be.' },
      { worksheet: 'gaps-scan', when: 'Week 1', why: 'See which gaps show up in your system, then note your two weakest muscles.' },
      { worksheet: 'meet-government', when: 'Week 2', why: 'Meet government where it is: its priorities, limits and motives.' },
      { worksheet: 'politics-map', when: 'Week 2', why: 'Map who can move or stop a decision, and what politics rewards.' },
      {
        worksheet: 'trust-inventory',
        when: 'Week 3',
        why: 'Look at the relationships your work depends on, and what builds trust in each.',
      },
      { worksheet: 'coalition-map', when: 'Week 3', why: 'Map possible allies; a second view from a trusted colleague helps.' },
      {
        worksheet: 'lives-not-outputs',
        when: 'Week 4',
        why: 'After talking with someone on the front line, name the change in people’s lives you answer for.',
      },
      {
        worksheet: 'purpose-and-priorities',
        when: 'Week 5',
        why: 'Say your purpose as the people you serve would, and choose at most three priorities.',
      },
      { worksheet: 'honest-reporting', when: 'Week 5', why: 'Compare what you report with what you would report if it were for learning.' },
      {
        worksheet: 'flexible-resourcing',
        when: 'Week 5',
        why: 'If you hold or seek money for change: what flexible funding would unlock.',
        optional: true,
      },
      { worksheet: 'levels-scan', when: 'Week 6', why: 'Step back: where your reform acts across the four levels.' },
      { worksheet: 'step-back', when: 'Week 6', why: 'Plan protected time to reflect, then take the muscles check again.' },
      {
        worksheet: 'muscles-check',
        when: 'Week 6',
        why: 'Take the check again and compare it with week 1; choose one muscle and one level to keep working on.',
      },
    ],
  },
  {
    id: 'facilitator',
    title: 'The route for facilitators',
    href: '/start/how-to-use/#a-route-for-facilitators',
    steps: [
      {
        href: '/worksheets/?mode=group',
        title: 'Choose one or two worksheets',
        when: 'Prepare',
        why: 'Start from the question the group needs to answer; the finder shows the worksheets for groups.',
      },
      {
        href: '/start/how-to-use/#prepare-the-session',
        title: 'Fill in the worksheet yourself first',
        when: 'Prepare',
        why: 'You will see where people may get stuck and which prompts need a local example.',
      },
      {
        href: '/start/how-to-use/#print-blank-worksheets',
        title: 'Print blank copies',
        when: 'Before the session',
        why: 'One for each person and a few spares: paper helps where connections are weak.',
      },
      {
        worksheet: 'action-learning',
        when: 'In the session',
        why: 'When groups hold different power, listen to each separately first, then group what you heard without names.',
      },
    ],
  },
];

export interface NextInRoute {
  route: Route;
  /** The step this worksheet is at (1-based) and how many the route has. */
  at: number;
  of: number;
  /** The next step, or none at the end of the route. */
  next?: RouteStep | undefined;
}

/** Where a worksheet stands in each route: the step after each of its places (a worksheet can recur). */
export function nextInRoutes(id: string, routes: readonly Route[] = ROUTES): NextInRoute[] {
  return routes.flatMap((route) =>
    route.steps.flatMap((step, i) =>
      step.worksheet === id ? [{ route, at: i + 1, of: route.steps.length, next: route.steps[i + 1] }] : [],
    ),
  );
}
