/**
 * The five source documents the guide is written from. `<Cite source="...">` and the sources page
 * read this list; the ids are stable anchors on /sources/.
 */
export interface Source {
  id: SourceId;
  title: string;
  /** Who wrote or published it, as far as the document says. */
  author: string;
  /** When it was written: the date the document gives, or the period its text points to. Never empty. */
  date: string;
  /** Whether the document states its date, or the guide infers it from what the text mentions. */
  dateKind: 'stated' | 'inferred';
  /** What the date rests on, in the document's own text. */
  dateBasis: string;
  /** What kind of document it is, as its text presents itself (a draft note, an article, a blog series). */
  kind: string;
  /** The country or region it speaks from, and the time and circumstances it was written in. */
  setting: string;
  /** Who wrote it, for whom. */
  audience: string;
  /** Who sponsored or commissioned the research it reports, as far as its text says. */
  sponsor: string;
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
    dateKind: 'stated',
    dateBasis: 'The note gives its date, September 2024, under its title.',
    kind: 'A draft note: it calls itself a draft, and says its proposals for what to do are in a separate note.',
    setting:
      'Research across many countries: a review of 53 initiatives, and about 130 conversations of 90 to 120 minutes, mostly with leaders from the Global South. The note warns that not every observation applies equally in every country.',
    audience:
      'Written by JustSystems for NGOs, funders and others who work with governments on public systems. The people consulted came from government, civil society, academia, think tanks and philanthropy. It asks for comments.',
    sponsor: 'The note does not say who paid for the research.',
    short: 'JustSystems, Key Takeaways, 2024',
    contributes:
      'The seven gaps and the seven mindsets and muscles, from a review of 53 initiatives and conversations with about 130 leaders, mostly in the Global South.',
  },
  {
    id: 'service-users',
    title: 'Complex Systems Change Starts with Those Who Use the Systems',
    author: 'The staff of a funder with a decade of public-private collaborations in Europe and elsewhere',
    date: 'Undated; after 2008',
    dateKind: 'inferred',
    dateBasis:
      'The text gives no date. It was written some years after 2008: it speaks of budgets since the 2008 recession and of its authors’ decade of work.',
    kind: 'An article by the staff of an organisation that funds reform, in the first person plural, reposted on a blog.',
    setting:
      'Europe, above all Ireland, where the authors’ organisation supports mental health reform; it speaks of philanthropy in the United States and Europe.',
    audience:
      'Written for funders and others who want to change social, health and education systems. The authors and their organisation are not named in the text.',
    sponsor: 'Not stated. It reports work that the authors’ organisation funded, for example by setting conditions on grants in Ireland.',
    short: 'Complex Systems Change Starts with Those Who Use the Systems',
    contributes: 'Five practices for putting the people who use services at the centre of reform, and the action-learning method.',
  },
  {
    id: 'mission-reform',
    title: 'The public sector mission driven reform, and how to implement it',
    author: 'A practitioner in UK public services, one of a group with 22 years of systemic research and practice',
    date: 'Undated; 2000s or later',
    dateKind: 'inferred',
    dateBasis:
      'The text gives no date. It looks back on New Public Management since the 1980s and on 22 years of its authors’ research, so it was written in the 2000s or later.',
    kind: 'An essay by a practitioner, in the first person, arguing for a reform framework the author and colleagues developed.',
    setting:
      'The United Kingdom: it speaks of local government, health services and austerity, and of alternatives in the UK and other countries, such as Buurtzorg in the Netherlands. A table it mentions is not in the text.',
    audience: 'Written for politicians, policy makers and leaders in public services and health. The author is not named in the text.',
    sponsor: 'None named.',
    short: 'The public sector mission driven reform',
    contributes:
      'The four systemic levels (mission, paradigm, organisation, people and communities); New Public Management contrasted with a systemic, person-based paradigm; Buurtzorg; Three Horizons; power over and power with.',
  },
  {
    id: 'trends',
    title: 'Five significant public sector trends',
    author: 'A blogger on UK public service reform, who calls Sopra Steria’s surveys “our research”',
    date: 'About 2017–2018',
    dateKind: 'inferred',
    dateBasis:
      'The posts give no dates. They discuss a Spring Statement eight years after the 2010 spending plans, a poll from January 2018 and the collapse of Carillion, so they date from about 2017 and 2018.',
    kind: 'A series of blog posts by one author, who writes of "our research" with Ipsos and with NIESR.',
    setting:
      'The United Kingdom in the years of austerity after 2010, before its future relationship with the European Union was settled. Its citizen survey compares the UK with France, Germany and Norway.',
    audience: 'Written for people in and around UK public services, civil servants among them; each post invites comments.',
    sponsor:
      'Sopra Steria sponsored the Institute for Government roundtable it reports, and asked Ipsos to survey 1,000 citizens in the UK, and the same survey ran in France, Germany and Norway.',
    short: 'Five significant public sector trends',
    contributes: 'Trends in public services, what successful transformation needs, platforms and joined-up government.',
  },
  {
    id: 'outcomes-managers',
    title: 'Invest in Public Servants Today to Build a More Equitable Safety Net Tomorrow',
    author: 'Third Sector, which partners with US governments on the social safety net',
    date: '2020',
    dateKind: 'inferred',
    dateBasis:
      'The text gives no date. It was written in 2020: the work began "in February this year", and then the COVID-19 pandemic hit.',
    kind: 'An article by Third Sector, in the first person plural, proposing a training initiative.',
    setting:
      'The United States during the COVID-19 pandemic and a national reckoning with racism, with looming budget cuts in state and local government.',
    audience:
      'Written for government agencies and foundations. It draws on Third Sector’s research and experience and on interviews with more than fifty leaders from government, public policy and executive education.',
    sponsor: 'Not stated. It asks philanthropy to fund Outcomes Manager training.',
    short: 'Third Sector, Invest in Public Servants Today',
    contributes: 'Outcomes Managers, their four skills, and how government and philanthropy can build their capacity together.',
  },
];

export const source = (id: SourceId): Source => SOURCES.find((s) => s.id === id)!;
