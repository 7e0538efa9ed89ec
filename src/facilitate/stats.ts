/**
 * The group picture as numbers: for each axis of each series, how many people rated it, the median,
 * the lowest and highest rating, and how many gave each value. Pure: codes in, numbers out.
 */
import type { Ratings, Scheme } from './codes';

export interface AxisStats {
  /** People who rated this axis (a code may leave an axis unrated). */
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** counts[v - 1]: how many gave the value v, for v = 1 to 5. */
  counts: number[];
}

export interface GroupStats {
  scheme: Scheme;
  people: number;
  /** series[s][axis] */
  series: AxisStats[][];
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function axisStats(values: readonly (number | null)[]): AxisStats {
  const rated = values.filter((v): v is number => v !== null);
  const counts = [0, 0, 0, 0, 0];
  for (const v of rated) counts[v - 1]!++;
  return {
    n: rated.length,
    median: median(rated),
    min: rated.length ? Math.min(...rated) : null,
    max: rated.length ? Math.max(...rated) : null,
    counts,
  };
}

/** Statistics over codes of one scheme; codes of another scheme are the caller's to refuse. */
export function groupStats(scheme: Scheme, entries: readonly Ratings[]): GroupStats {
  const mine = entries.filter((e) => e.scheme.letter === scheme.letter);
  return {
    scheme,
    people: mine.length,
    series: scheme.prompts.map((axes, s) => axes.map((_, a) => axisStats(mine.map((e) => e.ratings[s]?.[a] ?? null)))),
  };
}

/** "3", "3.5": medians of an even count can fall between two values. */
export const formatMedian = (m: number | null): string => (m === null ? '–' : Number.isInteger(m) ? String(m) : m.toFixed(1));
