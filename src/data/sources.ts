/**
 * The five source documents the guide is written from. `<Cite source="...">` and the sources page
 * read this list; the ids are stable anchors on /sources/.
 */
export interface Source {
  id: SourceId;
  title: string;
  /** Who wrote or published it, as far as the document says. */
  author: string;
  /** Year or date as given by the document; empty when it gives none. */
  date: string;
  /** A short form for inline citations. */
  short: string;
  /** What the guide takes from it. */
  contributes: string;
}

export const SOURCE_IDS = ['justsystems-2024', 'service-users', 'mission-reform', 'trends', 'outcomes-managers'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export const SOURCES: readonly Source[] = [
  {
    id: 'justsystems-2024',
    title: 'Key Takeaways from our Research and Consultations on What it Takes for Public Systems to Work Better for People',
    author: 'JustSystems',
    date: 'September 2024',
    short: 'JustSystems, Key Takeaways, 2024',
    contributes:
      'The seven gaps and the seven mindsets and muscles, from a review of 53 initiatives and conversations with about 130 leaders, mostly in the Global South.',
  },
  {
    id: 'service-users',
    title: 'Complex Systems Change Starts with Those Who Use the Systems',
    author: 'An article on philanthropy and public-private collaboration in Europe',
    date: '',
    short: 'Complex Systems Change Starts with Those Who Use the Systems',
    contributes: 'Five practices for putting the people who use services at the centre of reform, and the action-learning method.',
  },
  {
    id: 'mission-reform',
    title: 'The public sector mission driven reform, and how to implement it',
    author: 'An essay drawing on 22 years of systemic research and practice',
    date: '',
    short: 'The public sector mission driven reform',
    contributes:
      'The four systemic levels (mission, paradigm, organisation, people and communities); New Public Management contrasted with a systemic, person-based paradigm; Buurtzorg; Three Horizons; power over and power with.',
  },
  {
    id: 'trends',
    title: 'Five significant public sector trends',
    author: 'A blog series on public service reform',
    date: '',
    short: 'Five significant public sector trends',
    contributes: 'Trends in public services, what successful transformation needs, platforms and joined-up government.',
  },
  {
    id: 'outcomes-managers',
    title: 'Invest in Public Servants Today to Build a More Equitable Safety Net Tomorrow',
    author: 'Third Sector',
    date: '',
    short: 'Third Sector, Invest in Public Servants Today',
    contributes: 'Outcomes Managers, their four skills, and how government and philanthropy can build their capacity together.',
  },
];

export const source = (id: SourceId): Source => SOURCES.find((s) => s.id === id)!;
