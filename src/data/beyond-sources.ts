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
    short: 'Three Horizons (Bill Sharpe)',
    title: 'Three Horizons, a method by Bill Sharpe for thinking about change over time',
    what: "The mission-reform essay names the method and its author but does not describe it. The glossary adds its usual shape from general knowledge: the first horizon is today's system, the third is the future you want, and the second holds the innovations in between, some of which feed the future while others only prop up the present.",
    usedOn: ['reference/glossary'],
  },
  {
    id: 'strength-based-working',
    short: 'Strength-based working',
    title: 'Strength-based working in public services',
    what: 'The mission-reform essay names strength-based working as part of its organisation level without defining it. The glossary gives the usual meaning from general knowledge: starting from what people, families and communities can already do, and building on it, rather than from a list of their problems.',
    usedOn: ['reference/glossary'],
  },
];

export const BEYOND_IDS: readonly string[] = BEYOND.map((b) => b.id);
export type BeyondId = string;
export const beyond = (id: BeyondId): BeyondEntry => {
  const b = BEYOND.find((x) => x.id === id);
  if (!b) throw new Error(`unknown beyond-sources entry "${id}"`);
  return b;
};
