/**
 * Where to start: the routing from a reader's ratings to the muscles to work on first, with ties
 * said, not broken by list order. Answers are made by hand for each case.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/worksheets/answers';
import { radarData } from '../../src/worksheets/charts';
import { gapRatings, muscleAt, rankInTiers, startFromCheck, startFromGaps as fromGaps, worksheetsFor } from '../../src/worksheets/routing';
import { routingTable, routingTableJson } from '../../src/worksheets/routing-table';
import type { RadarChart } from '../../src/worksheets/schema';
import { start } from '../../src/lib/strings';
import { loadWorksheet } from './worksheet-files';

const muscles = loadWorksheet('muscles-check');
const radar = muscles.charts.find((c): c is RadarChart => c.kind === 'radar')!;
const ids = ['state-capability', 'trust', 'people-and-relationships', 'coalitions', 'reflection', 'purpose', 'resourcing'];
/** Answers to the muscles check from [today, needed] pairs, in the order of the muscles. */
const check = (pairs: ([number, number] | null)[]): Answers =>
  Object.fromEntries(
    pairs.flatMap((p, i) =>
      p
        ? [
            [`${ids[i]}-today`, p[0]],
            [`${ids[i]}-needed`, p[1]],
          ]
        : [],
    ),
  );
const table = routingTable();
const startFromGaps = (ratings: Parameters<typeof fromGaps>[0], limit?: number) => fromGaps(ratings, table, limit);
const labels = (pairs: ([number, number] | null)[], limit?: number) => startFromCheck(radarData(muscles, radar, check(pairs)), limit);

describe('startFromCheck, on the muscles check', () => {
  it('ranks by the gap between today and needed, widest first', () => {
    const r = labels([[3, 4], [1, 5], [2, 5], [4, 4], [3, 5], null, [5, 5]]);
    expect(r.picks.map((m) => [m.label, m.gap])).toEqual([
      ['Trust', 4],
      ['People and relationships', 3],
      ['Reflection', 2],
    ]);
    expect(r.widest).toBe(1);
    expect(r.sharedFirst).toBe(1);
    expect(r.tieAtCut).toBe(false);
    expect(r.picks[0]!.href).toBe('/muscles/trust/');
  });

  it('breaks a tie on the gap by the lower score today, whatever the list order', () => {
    const r = labels([[3, 5], [2, 4], [1, 3], null, null, null, [4, 5]]);
    expect(r.picks.map((m) => m.label)).toEqual(['People and relationships', 'Trust', 'State capability']);
    expect(r.sharedFirst).toBe(3);
    expect(r.widest).toBe(1);
    expect(start.ties('widest gap', r.sharedFirst, 2, r.widest < r.sharedFirst, r.tieAtCut, r.picks.length)).toBe(
      'Three muscles share the widest gap (2 points). Among them, lower scores today come first.',
    );
  });

  it('lists a whole tie that falls on the cut, and says so', () => {
    // Four muscles share the widest gap with the same score today: nothing tells them apart.
    const r = labels([[2, 4], [2, 4], [3, 4], [2, 4], [2, 4], [4, 5], null]);
    expect(r.picks.map((m) => m.label)).toEqual(['State capability', 'Trust', 'Coalitions', 'Reflection']);
    expect(r.tiers).toHaveLength(1);
    expect(r.widest).toBe(4);
    expect(r.tieAtCut).toBe(true);
    expect(start.ties('widest gap', r.sharedFirst, 2, r.widest < r.sharedFirst, r.tieAtCut, r.picks.length)).toBe(
      'Four muscles share the widest gap (2 points). Several tie for the last place, so all four are listed.',
    );
  });

  it('takes a tie after a clear first whole, and stops at the limit when the tiers fit', () => {
    const tie = labels([[1, 5], [2, 3], [2, 3], [2, 3], [3, 4], null, null]);
    expect(tie.picks.map((m) => m.label)).toEqual(['State capability', 'Trust', 'People and relationships', 'Coalitions']);
    expect(tie.tieAtCut).toBe(true);
    expect(start.ties('widest gap', tie.sharedFirst, 4, tie.widest < tie.sharedFirst, tie.tieAtCut, tie.picks.length)).toBe(
      'Several tie for the last place, so all four are listed.',
    );
    const fits = labels([[1, 5], [2, 5], [1, 3], [2, 3], [3, 4], null, null]);
    expect(fits.picks).toHaveLength(3);
    expect(fits.tieAtCut).toBe(false);
    expect(fits.picks.map((m) => m.label)).toEqual(['State capability', 'Trust', 'People and relationships']);
  });

  it('leaves out muscles already where they need to be, above it, or not rated twice', () => {
    const r = labels([[4, 4], [5, 3], [2, null as unknown as number], null, [1, 2], null, null]);
    expect(r.picks.map((m) => m.label)).toEqual(['Reflection']);
    expect(labels([[3, 3], null, null, null, null, null, null]).picks).toEqual([]);
    expect(labels([null, null, null, null, null, null, null]).widest).toBe(0);
  });
});

describe('startFromGaps, through the gap x muscle table', () => {
  it('adds each gap that shows up to the muscles that answer it, and ranks by the total', () => {
    // Gap 7 (funding and reporting) is answered by resourcing, trust and purpose; gap 2 (politics) by
    // state capability, trust and coalitions. Trust answers both.
    const r = startFromGaps({ 'funding-and-reporting': 5, politics: 4, inclusion: 2 });
    expect(r.picks[0]).toMatchObject({ muscle: 'trust', score: 9, strongest: 5, gaps: ['funding-and-reporting', 'politics'] });
    expect(r.picks.slice(1).map((m) => [m.muscle, m.score])).toEqual([
      ['purpose', 5],
      ['resourcing', 5],
    ]);
    expect(r.tieAtCut).toBe(false);
  });

  it('ignores gaps rated below the middle of the scale', () => {
    const r = startFromGaps({ inclusion: 2, 'lives-improving': 1 });
    expect(r.picks).toEqual([]);
  });

  it('says when several muscles share the highest score, and lists a tie on the cut whole', () => {
    // Gap 1 and gap 2 are answered by the same three muscles: all three tie.
    const r = startFromGaps({ 'what-makes-government-tick': 4, politics: 4 }, 2);
    expect(r.picks.map((m) => m.muscle)).toEqual(['state-capability', 'trust', 'coalitions']);
    expect(r.widest).toBe(3);
    expect(r.tieAtCut).toBe(true);
    expect(start.ties('highest score', r.sharedFirst, r.picks[0]!.score, false, r.tieAtCut, r.picks.length)).toBe(
      'Three muscles share the highest score (8 points). Several tie for the last place, so all three are listed.',
    );
  });

  it('breaks an equal total by the strongest single gap behind it', () => {
    // Inclusion 3 and lives improving 3 and capacity 4 show up; funding 2 does not. People and
    // relationships answers all three (10). Purpose answers inclusion and lives (6). State capability
    // and resourcing get 4 from capacity alone; coalitions and reflection 3 from one gap rated 3.
    const r = startFromGaps({ inclusion: 3, 'lives-improving': 3, 'capacity-as-relationships': 4, 'funding-and-reporting': 2 }, 7);
    expect(r.picks.map((m) => [m.muscle, m.score, m.strongest])).toEqual([
      ['people-and-relationships', 10, 4],
      ['purpose', 6, 3],
      ['state-capability', 4, 4],
      ['resourcing', 4, 4],
      ['coalitions', 3, 3],
      ['reflection', 3, 3],
    ]);
    expect(r.tiers.map((t) => t.length)).toEqual([1, 1, 2, 2]);
  });
});

describe('rankInTiers', () => {
  it('keeps the input order inside a tier and never cuts one', () => {
    const r = rankInTiers(['b2', 'a1', 'c2', 'd2'], [(s) => Number(s[1])], 1);
    expect(r.tiers).toEqual([['b2', 'c2', 'd2']]);
    expect(r.widest).toBe(3);
    expect(r.tieAtCut).toBe(true);
  });

  it('returns nothing for nothing', () => {
    expect(rankInTiers([], [() => 0], 3)).toEqual({ picks: [], tiers: [], widest: 0, sharedFirst: 0, tieAtCut: false });
  });
});

describe('reading the answers', () => {
  it('takes the gaps scan’s ratings from its <gap>-extent prompts, and nothing else', () => {
    expect(gapRatings({ 'politics-extent': 4, 'inclusion-extent': 'high', 'politics-example': 'x' }, table)).toEqual({ politics: 4 });
  });

  it('knows a muscle page by its address', () => {
    expect(muscleAt('/muscles/trust/')).toBe('trust');
    expect(muscleAt('/muscles/')).toBeUndefined();
    expect(muscleAt(undefined)).toBeUndefined();
  });
});

describe('routing edge cases (each kills a mutant that survived the first full Stryker run)', () => {
  it('lists no muscle from the check whose today or needed rating is missing', () => {
    const r = startFromCheck(radarData(muscles, radar, { 'trust-needed': 5, 'reflection-today': 2 }));
    expect(r.picks).toEqual([]);
    expect(r.sharedFirst).toBe(0);
  });

  it('ranks in one tier when no keys are given, and says one item comes first', () => {
    const r = rankInTiers(['a', 'b', 'c'], [], 2);
    expect(r.picks).toEqual(['a', 'b', 'c']);
    expect(r.sharedFirst).toBe(1);
    expect(rankInTiers([], [], 2).sharedFirst).toBe(0);
  });

  it('lists the gaps behind a muscle by number when they are rated alike, whatever the table’s order', () => {
    const table = routingTable();
    const r = fromGaps({ 'funding-and-reporting': 4, politics: 4 }, { ...table, gaps: [...table.gaps].reverse() });
    expect(r.picks.find((m) => m.muscle === 'trust')!.gaps).toEqual(['politics', 'funding-and-reporting']);
  });

  it('finds no gap where the needed rating is missing, even on a scale below zero', () => {
    expect(startFromCheck([{ label: 'Below zero', values: [-2, null], min: -3, max: 3 }]).picks).toEqual([]);
  });

  it('writes the table for the page’s script as JSON that reads back the same, with no “<” to end the script', () => {
    const json = routingTableJson();
    expect(JSON.parse(json)).toEqual(routingTable());
    expect(json).not.toContain('<');
  });

  it('links a muscle to the finder filtered to its worksheets', () => {
    expect(worksheetsFor('trust')).toBe('/worksheets/?muscle=trust');
  });
});
