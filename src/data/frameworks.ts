/**
 * The guide's two frameworks as data: the seven gaps, the seven mindsets and muscles that answer them,
 * and the four systemic levels of reform. Pages, worksheets and components refer to these by id, so
 * a typo in a frontmatter id or a worksheet fails the build instead of producing a dead link.
 *
 * Sources: the gaps and muscles come from JustSystems' "Key Takeaways" (September 2024); the levels
 * from "The public sector mission driven reform, and how to implement it".
 */

export const MUSCLE_IDS = [
  'state-capability',
  'trust',
  'people-and-relationships',
  'coalitions',
  'reflection',
  'purpose',
  'resourcing',
] as const;
export type MuscleId = (typeof MUSCLE_IDS)[number];

export const LEVEL_IDS = ['mission', 'paradigm', 'organisation', 'people-and-communities'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export const GAP_IDS = [
  'what-makes-government-tick',
  'politics',
  'inclusion',
  'lives-improving',
  'capacity-as-relationships',
  'beyond-logistics',
  'funding-and-reporting',
] as const;
export type GapId = (typeof GAP_IDS)[number];

export interface Muscle {
  id: MuscleId;
  number: number;
  /** The title used in navigation, cards and tables. */
  title: string;
  /** A few words, for tight spaces such as the radar and table headers. */
  short: string;
  href: string;
}

export interface Gap {
  id: GapId;
  number: number;
  title: string;
  /** The muscles that answer this gap most directly (the gap x muscle table). */
  muscles: readonly MuscleId[];
  /** The anchor of the gap's section on /gaps/ (the heading "Gap N: title", slugged). */
  anchor: string;
}

export interface Level {
  id: LevelId;
  number: number;
  title: string;
  short: string;
  /** The muscles that matter most at this level, strongest first. */
  muscles: readonly MuscleId[];
  href: string;
}

export const MUSCLES: readonly Muscle[] = [
  {
    id: 'state-capability',
    number: 1,
    title: 'Build state capability, not solutions',
    short: 'State capability',
    href: '/muscles/state-capability/',
  },
  { id: 'trust', number: 2, title: 'Trust is the currency of change', short: 'Trust', href: '/muscles/trust/' },
  {
    id: 'people-and-relationships',
    number: 3,
    title: 'Put people and relationships at the centre',
    short: 'People and relationships',
    href: '/muscles/people-and-relationships/',
  },
  { id: 'coalitions', number: 4, title: 'Build unusual partnerships and coalitions', short: 'Coalitions', href: '/muscles/coalitions/' },
  { id: 'reflection', number: 5, title: 'Step back to reflect', short: 'Reflection', href: '/muscles/reflection/' },
  { id: 'purpose', number: 6, title: 'Work from purpose, with a clear method', short: 'Purpose and method', href: '/muscles/purpose/' },
  { id: 'resourcing', number: 7, title: 'Resource change the right way', short: 'Resourcing', href: '/muscles/resourcing/' },
];

/** GitHub-style slug, as Astro gives headings their ids. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

const gap = (number: number, id: GapId, title: string, muscles: readonly MuscleId[]): Gap => ({
  id,
  number,
  title,
  muscles,
  anchor: slug(`Gap ${number}: ${title}`),
});

export const GAPS: readonly Gap[] = [
  gap(1, 'what-makes-government-tick', 'Outsiders misread what makes government tick', ['state-capability', 'trust', 'coalitions']),
  gap(2, 'politics', 'Politics decides, yet outsiders avoid it', ['state-capability', 'trust', 'coalitions']),
  gap(3, 'inclusion', 'Inclusion is treated superficially', ['people-and-relationships', 'coalitions', 'purpose']),
  gap(4, 'lives-improving', "It is unclear how people's lives are improving", ['people-and-relationships', 'purpose', 'reflection']),
  gap(5, 'capacity-as-relationships', 'Capacity is seen as individual skills, not system relationships', [
    'state-capability',
    'people-and-relationships',
    'resourcing',
  ]),
  gap(6, 'beyond-logistics', 'Logistical efficiency is reaching its limits', ['people-and-relationships', 'coalitions', 'reflection']),
  gap(7, 'funding-and-reporting', 'Funding and reporting work against systems change', ['resourcing', 'trust', 'purpose']),
];

export const LEVELS: readonly Level[] = [
  {
    id: 'mission',
    number: 1,
    title: 'Mission',
    short: 'Mission',
    muscles: ['purpose', 'reflection', 'coalitions'],
    href: '/levels/mission/',
  },
  {
    id: 'paradigm',
    number: 2,
    title: 'Paradigm',
    short: 'Paradigm',
    muscles: ['state-capability', 'people-and-relationships', 'trust'],
    href: '/levels/paradigm/',
  },
  {
    id: 'organisation',
    number: 3,
    title: 'Organisation',
    short: 'Organisation',
    muscles: ['state-capability', 'trust', 'resourcing'],
    href: '/levels/organisation/',
  },
  {
    id: 'people-and-communities',
    number: 4,
    title: 'People and communities',
    short: 'People & communities',
    muscles: ['people-and-relationships', 'trust', 'coalitions'],
    href: '/levels/people-and-communities/',
  },
];

/** Every worksheet the guide plans; a worksheet file's id must be one of these. */
export const WORKSHEET_IDS = [
  'muscles-check',
  'gaps-scan',
  'levels-scan',
  'meet-government',
  'politics-map',
  'trust-inventory',
  'lives-not-outputs',
  'coalition-map',
  'step-back',
  'purpose-and-priorities',
  'flexible-resourcing',
  'honest-reporting',
  'three-horizons',
  'paradigm-audit',
  'decision-locus',
  'power-with',
  'action-learning',
  'outcomes-manager',
] as const;
export type WorksheetId = (typeof WORKSHEET_IDS)[number];

export const muscle = (id: MuscleId): Muscle => MUSCLES.find((m) => m.id === id)!;
export const level = (id: LevelId): Level => LEVELS.find((l) => l.id === id)!;
export const gapsAnsweredBy = (id: MuscleId): Gap[] => GAPS.filter((g) => g.muscles.includes(id));
export const levelsNeeding = (id: MuscleId): Level[] => LEVELS.filter((l) => l.muscles.includes(id));
