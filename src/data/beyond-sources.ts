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

export const BEYOND: readonly BeyondEntry[] = [];

export const BEYOND_IDS: readonly string[] = BEYOND.map((b) => b.id);
export type BeyondId = string;
export const beyond = (id: BeyondId): BeyondEntry => {
  const b = BEYOND.find((x) => x.id === id);
  if (!b) throw new Error(`unknown beyond-sources entry "${id}"`);
  return b;
};
