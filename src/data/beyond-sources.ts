/**
 * Outside knowledge the guide keeps although none of the five sources contains it: a named method or author
 * that a source only mentions, explained from general knowledge. Listed visibly apart on /sources/
 * ("Beyond the five sources", anchors `#beyond-<id>`) and cited with `<Beyond id="..." />`.
 * Add entries here; keep each `what` to what the guide actually says beyond the sources.
 */
export interface BeyondEntry {
  id: string;
  /** Short form for the inline citation. */
  short: string;
  /** The method, author or work, named as a reader could look it up. */
  title: string;
  /** What the guide says about it that the sources do not, and why it is kept. */
  what: string;
  /** Guidance pages (content ids such as 'levels/mission') that use it. */
  usedOn: string[];
}

export const BEYOND: readonly BeyondEntry[] = [
  {
    id: 'three-horizons',
    short: 'Sharpe, Three Horizons',
    title: 'Bill Sharpe, Three Horizons: The Patterning of Hope (Triarchy Press, 2013)',
    what: 'The essay on mission-driven reform recommends the Three Horizons method and names Bill Sharpe, but does not describe it. The guide’s outline of the three horizons (today’s system losing its fit, the future already present in pockets, and the innovations between them that either carry the system on or prop up the present) comes from this book, not from the sources.',
    usedOn: ['levels/mission'],
  },
  {
    id: 'mazzucato-missions',
    short: 'Mazzucato, Mission-Oriented Research and Innovation',
    title: 'Mariana Mazzucato, Mission-Oriented Research and Innovation in the European Union (European Commission, 2018)',
    what: 'The essay says the Three Horizons method fits with Mariana Mazzucato’s definition of missions, but does not give the definition. The guide’s summary (a bold goal with a clear, measurable direction and a timeframe, needing many sectors and actors, open to many solutions) comes from this report, not from the sources.',
    usedOn: ['levels/mission'],
  },
  {
    id: 'co-production',
    short: 'Ostrom, on co-production',
    title: 'Elinor Ostrom, "Crossing the Great Divide: Coproduction, Synergy, and Development", World Development 24(6), 1996',
    what: 'The trends series says that more service outcomes should be co-produced, but does not define the term. The guide’s gloss (people who use a service and the officials who run it each contributing to what it produces) follows this paper.',
    usedOn: ['levels/people-and-communities'],
  },
  {
    id: 'strengths-perspective',
    short: 'Saleebey, The Strengths Perspective',
    title: 'Dennis Saleebey (ed.), The Strengths Perspective in Social Work Practice (Longman, 1992, and later editions)',
    what: 'The essay makes strength-based working part of its organisation design, but does not explain it. The guide’s gloss (start from what people, families and teams can already do, and build on it, rather than from what is wrong) is the usual meaning in social work, set out in this book.',
    usedOn: ['levels/organisation'],
  },
];

export const BEYOND_IDS: readonly string[] = BEYOND.map((b) => b.id);
export type BeyondId = string;
export const beyond = (id: BeyondId): BeyondEntry => {
  const b = BEYOND.find((x) => x.id === id);
  if (!b) throw new Error(`unknown beyond-sources entry "${id}"`);
  return b;
};
