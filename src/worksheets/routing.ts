/**
 * Where to start: pure functions from a reader's ratings to the muscles worth working on first.
 *
 * The muscles check ranks muscles by the gap between today and where the muscle needs to be, widest
 * first; a lower score today breaks a tie. The gaps scan has no "today" and "needed": it goes through
 * the gap x muscle table (GAPS in data/frameworks.ts). Each gap that shows up (rated at or above the
 * middle of the scale) lends its rating to every muscle that answers it; muscles rank by that total,
 * then by the strongest single gap behind them.
 *
 * Ties are never broken silently by list order. Items that are equal on every ranking key form one
 * tier, and tiers are taken whole: when the cut at `limit` falls inside a tier, the whole tier is
 * listed and `tieAtCut` says so. `widest` says how many share the first place, so the page can say
 * "four muscles share the widest gap".
 */
import type { RadarAxis } from './charts';
import type { GapId, MuscleId } from '../data/frameworks';

/**
 * The gap x muscle table and the muscles' names, as plain data. The browser receives it in the page
 * (`routingTable()` in routing-table.ts builds it from data/frameworks.ts at build time), so the
 * worksheet bundle does not carry the frameworks module.
 */
export interface RoutingTable {
  gaps: { id: GapId; number: number; muscles: readonly MuscleId[] }[];
  muscles: { id: MuscleId; label: string; href: string }[];
}

export interface Ranked<T> {
  /** The items to show, in rank order; longer than the limit only when a tie sits on the cut. */
  picks: T[];
  /** The picks grouped by rank: the items in a tier are equal on every ranking key. */
  tiers: T[][];
  /** How many items share the first place on every key (0 when there is nothing to rank). */
  widest: number;
  /** How many items share the top value of the first key alone (such as the widest gap). */
  sharedFirst: number;
  /** True when the limit fell inside a tier, so more than `limit` items are listed. */
  tieAtCut: boolean;
}

/**
 * Ranks items by `keys` (compared in order, higher first) into tiers of equal items, and takes whole
 * tiers until at least `limit` items are picked. Input order only orders items inside a tier.
 */
export function rankInTiers<T>(items: readonly T[], keys: readonly ((item: T) => number)[], limit: number): Ranked<T> {
  const compare = (a: T, b: T) => {
    for (const key of keys) {
      const d = key(b) - key(a);
      if (d !== 0) return d;
    }
    return 0;
  };
  const sorted = [...items].sort(compare);
  const all: T[][] = [];
  for (const item of sorted) {
    const last = all[all.length - 1];
    if (last && compare(last[0]!, item) === 0) last.push(item);
    else all.push([item]);
  }
  const tiers: T[][] = [];
  let count = 0;
  for (const tier of all) {
    if (count >= limit) break;
    tiers.push(tier);
    count += tier.length;
  }
  const first = keys[0];
  // With no keys every item ties, and one comes first (none of none).
  const sharedFirst = first ? sorted.filter((item) => first(item) === first(sorted[0]!)).length : Math.min(1, sorted.length);
  return { picks: tiers.flat(), tiers, widest: all[0]?.length ?? 0, sharedFirst, tieAtCut: count > limit };
}

export interface MuscleGap {
  label: string;
  href?: string | undefined;
  today: number;
  needed: number;
  /** needed - today, above 0. */
  gap: number;
}

/** From the muscles check's radar: muscles with room to grow, widest gap first, then lower today. */
export function startFromCheck(axes: readonly RadarAxis[], limit = 3): Ranked<MuscleGap> {
  const candidates = axes.flatMap((a): MuscleGap[] => {
    const [today, needed] = a.values;
    return today != null && needed != null && needed > today ? [{ label: a.label, href: a.href, today, needed, gap: needed - today }] : [];
  });
  return rankInTiers(candidates, [(m) => m.gap, (m) => -m.today], limit);
}

export interface MuscleFromGaps {
  muscle: MuscleId;
  label: string;
  href: string;
  /** The sum of the ratings of the gaps it answers that show up. */
  score: number;
  /** The highest rating among those gaps. */
  strongest: number;
  /** The gaps behind it, strongest first. */
  gaps: GapId[];
}

/**
 * From the gaps scan's ratings (by gap id) through the gap x muscle table. A gap "shows up" when it
 * is rated at or above `threshold` (the middle of a 1 to 5 scale by default).
 */
export function startFromGaps(ratings: Partial<Record<GapId, number>>, table: RoutingTable, limit = 3, threshold = 3): Ranked<MuscleFromGaps> {
  const showing = table.gaps.filter((g) => (ratings[g.id] ?? 0) >= threshold).sort((a, b) => ratings[b.id]! - ratings[a.id]! || a.number - b.number);
  const candidates = table.muscles.flatMap((m): MuscleFromGaps[] => {
    const behind = showing.filter((g) => g.muscles.includes(m.id));
    if (!behind.length) return [];
    const values = behind.map((g) => ratings[g.id]!);
    return [
      {
        muscle: m.id,
        label: m.label,
        href: m.href,
        score: values.reduce((a, b) => a + b, 0),
        strongest: Math.max(...values),
        gaps: behind.map((g) => g.id),
      },
    ];
  });
  return rankInTiers(candidates, [(m) => m.score, (m) => m.strongest], limit);
}

/** The gaps scan's ratings by gap: its scale prompts are named `<gap id>-extent`. */
export function gapRatings(answers: Readonly<Record<string, unknown>>, table: RoutingTable): Partial<Record<GapId, number>> {
  const out: Partial<Record<GapId, number>> = {};
  for (const g of table.gaps) {
    const v = answers[`${g.id}-extent`];
    if (typeof v === 'number') out[g.id] = v;
  }
  return out;
}

/** The finder filtered to one muscle's worksheets. */
export const worksheetsFor = (muscle: MuscleId): string => `/worksheets/?muscle=${muscle}`;
/** The muscle a page address belongs to, if it is a muscle page (/muscles/<id>/, the overview excluded). */
export const muscleAt = (href: string | undefined): MuscleId | undefined => /^\/muscles\/([a-z-]+)\/$/.exec(href ?? '')?.[1] as MuscleId | undefined;
