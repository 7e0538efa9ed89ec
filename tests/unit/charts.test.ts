/**
 * Chart data: the radar of muscles-check and the map of coalition-map, computed from their complete
 * example answers, and the radar's geometry.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/worksheets/answers';
import { mapData, quadrantOf, radarData, radarPoint, widestGaps, type RadarAxis } from '../../src/worksheets/charts';
import type { MapChart, RadarChart } from '../../src/worksheets/schema';
import { loadExample, loadWorksheet } from './worksheet-files';

const muscles = loadWorksheet('muscles-check');
const radar = muscles.charts.find((c): c is RadarChart => c.kind === 'radar')!;
const musclesAnswers = loadExample('muscles-check.complete.json').answers;

const coalition = loadWorksheet('coalition-map');
const map = coalition.charts.find((c): c is MapChart => c.kind === 'map')!;
const coalitionAnswers = loadExample('coalition-map.complete.json').answers;

describe('radarData on muscles-check', () => {
  it('has one axis per muscle, in the order of the chart', () => {
    const axes = radarData(muscles, radar, musclesAnswers);
    expect(axes.map((a) => a.label)).toEqual([
      'State capability',
      'Trust',
      'People and relationships',
      'Coalitions',
      'Reflection',
      'Purpose and method',
      'Resourcing',
    ]);
    expect(axes[1]!.href).toBe('/muscles/trust/');
  });

  it('reads today and needed ratings from the answers, on a 1 to 5 scale', () => {
    const axes = radarData(muscles, radar, musclesAnswers);
    expect(axes.map((a) => a.values)).toEqual([
      [2, 4],
      [3, 5],
      [2, 4],
      [3, 3],
      [1, 3],
      [3, 5],
      [2, 4],
    ]);
    for (const a of axes) expect([a.min, a.max]).toEqual([1, 5]);
  });

  it('gives null for ratings not answered yet', () => {
    const axes = radarData(muscles, radar, { 'trust-today': 3 });
    expect(axes[1]!.values).toEqual([3, null]);
    expect(axes[0]!.values).toEqual([null, null]);
  });

  it('ignores a stored value that is not a number', () => {
    const axes = radarData(muscles, radar, { 'trust-today': 'three' } as unknown as Answers);
    expect(axes[1]!.values).toEqual([null, null]);
  });
});

describe('widestGaps', () => {
  it('lists the widest gaps first, at most three, and leaves out muscles with no gap', () => {
    const gaps = widestGaps(radarData(muscles, radar, musclesAnswers));
    expect(gaps).toHaveLength(3);
    expect(gaps.map((g) => g.gap)).toEqual([2, 2, 2]);
    expect(gaps.map((g) => g.label)).not.toContain('Coalitions');
  });

  it('sorts by the size of the gap and honours the limit', () => {
    const axis = (label: string, now: number | null, needed: number | null): RadarAxis => ({
      label,
      values: [now, needed],
      min: 1,
      max: 5,
    });
    const axes = [
      axis('one', 4, 5),
      axis('three', 1, 4),
      axis('none', 5, 2),
      axis('blank', null, 5),
      axis('two', 2, 4),
      axis('four', 1, 5),
    ];
    expect(widestGaps(axes).map((g) => [g.label, g.gap])).toEqual([
      ['four', 4],
      ['three', 3],
      ['two', 2],
    ]);
    expect(widestGaps(axes, 10).map((g) => g.label)).toEqual(['four', 'three', 'two', 'one']);
  });

  it('finds no gap where the needed rating is missing, even on a scale below zero', () => {
    const axes: RadarAxis[] = [{ label: 'below zero', values: [-2, null], min: -3, max: 3 }];
    expect(widestGaps(axes)).toEqual([]);
  });

  it('finds no gap on an empty worksheet', () => {
    expect(widestGaps(radarData(muscles, radar, {}))).toEqual([]);
  });
});

describe('radarPoint', () => {
  const [cx, cy, r] = [180, 180, 120];

  it('points axis 0 straight up', () => {
    expect(radarPoint(0, 7, 5, 1, 5, r, cx, cy)).toEqual([cx, cy - r]);
  });

  it('puts the highest value on the rim of every axis', () => {
    for (let i = 0; i < 7; i++) {
      const [x, y] = radarPoint(i, 7, 5, 1, 5, r, cx, cy);
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(r, 0);
    }
  });

  it('goes round clockwise: a quarter of the way round points right, half way points down', () => {
    expect(radarPoint(1, 4, 5, 1, 5, r, cx, cy)).toEqual([cx + r, cy]);
    expect(radarPoint(2, 4, 5, 1, 5, r, cx, cy)).toEqual([cx, cy + r]);
  });

  it('places higher values further out, the lowest one just off the centre', () => {
    const distance = (v: number) => cy - radarPoint(0, 7, v, 1, 5, r, cx, cy)[1];
    const all = [1, 2, 3, 4, 5].map(distance);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(new Set(all).size).toBe(5);
    expect(all[0]).toBeGreaterThan(0);
    expect(all[0]).toBeLessThan(r / 2);
  });

  it('puts every value at the centre of a scale with no range', () => {
    expect(radarPoint(3, 7, 2, 2, 2, r, cx, cy)).toEqual([cx, cy]);
  });
});

describe('mapData on coalition-map', () => {
  it('places one point per actor, by influence and support', () => {
    const d = mapData(coalition, map, coalitionAnswers);
    expect(d.points).toEqual([
      { label: 'Chief inspector', x: 5, y: 2 },
      { label: "Head teachers' network", x: 3, y: 4 },
      { label: "Teachers' union", x: 4, y: 2 },
      { label: 'District finance office', x: 4, y: 3 },
      { label: "Parents' associations", x: 2, y: 5 },
    ]);
    expect(d.unplaced).toEqual([]);
  });

  it('names the axes after their columns, with their scale range', () => {
    const d = mapData(coalition, map, coalitionAnswers);
    expect(d).toMatchObject({ xLabel: 'Influence', yLabel: 'Support', xMin: 1, xMax: 5, yMin: 1, yMax: 5 });
  });

  it('lists rows without both ratings as not placed, naming unnamed rows by number', () => {
    const d = mapData(coalition, map, {
      actors: [
        { id: 'r1', cells: { name: 'Mayor', influence: 5 } },
        { id: 'r2', cells: { influence: 2, support: 4 } },
        { id: 'r3', cells: { support: 3 } },
        { id: 'r4', cells: {} },
      ],
    });
    expect(d.points).toEqual([{ label: 'Actor 2', x: 2, y: 4 }]);
    expect(d.unplaced).toEqual(['Mayor', 'Actor 3']);
  });

  it('has no points on an empty worksheet', () => {
    expect(mapData(coalition, map, {})).toMatchObject({ points: [], unplaced: [] });
  });

  it('throws when the chart names a table that is not there', () => {
    expect(() => mapData(coalition, { ...map, table: 'brokers' }, coalitionAnswers)).toThrow(/no table brokers/);
    expect(() => mapData(coalition, { ...map, table: 'nowhere' }, coalitionAnswers)).toThrow(/^map influence-support: no table nowhere$/);
  });
});

describe('quadrantOf', () => {
  const names = ['Give them a voice', 'Keep close', 'Find the bargain', 'Keep in view'];
  const range = { xMin: 1, xMax: 5, yMin: 1, yMax: 5 };

  it('names the quadrant of a point clear of the middle lines, clockwise from top left', () => {
    expect(quadrantOf(names, { x: 1, y: 5 }, range)).toEqual({ kind: 'in', quadrant: 'Give them a voice' });
    expect(quadrantOf(names, { x: 4, y: 4 }, range)).toEqual({ kind: 'in', quadrant: 'Keep close' });
    expect(quadrantOf(names, { x: 5, y: 2 }, range)).toEqual({ kind: 'in', quadrant: 'Find the bargain' });
    expect(quadrantOf(names, { x: 2, y: 1 }, range)).toEqual({ kind: 'in', quadrant: 'Keep in view' });
  });

  it('puts a point on a middle line between the two quadrants it divides, and one on both at the centre', () => {
    expect(quadrantOf(names, { x: 3, y: 5 }, range)).toEqual({ kind: 'between', quadrants: ['Give them a voice', 'Keep close'] });
    expect(quadrantOf(names, { x: 3, y: 1 }, range)).toEqual({ kind: 'between', quadrants: ['Keep in view', 'Find the bargain'] });
    expect(quadrantOf(names, { x: 5, y: 3 }, range)).toEqual({ kind: 'between', quadrants: ['Keep close', 'Find the bargain'] });
    expect(quadrantOf(names, { x: 1, y: 3 }, range)).toEqual({ kind: 'between', quadrants: ['Give them a voice', 'Keep in view'] });
    expect(quadrantOf(names, { x: 3, y: 3 }, range)).toEqual({ kind: 'centre' });
  });

  it('names no quadrant when the map has no quadrant names (they are optional), or not four', () => {
    expect(quadrantOf(undefined, { x: 1, y: 5 }, range)).toBeUndefined();
    expect(quadrantOf(names.slice(0, 3), { x: 1, y: 5 }, range), 'not four names: none').toBeUndefined();
  });

  it('splits an even scale between its two middle values, and follows the range given', () => {
    const even = { xMin: 1, xMax: 4, yMin: 0, yMax: 10 };
    expect(quadrantOf(names, { x: 2, y: 6 }, even)).toEqual({ kind: 'in', quadrant: 'Give them a voice' });
    expect(quadrantOf(names, { x: 3, y: 4 }, even)).toEqual({ kind: 'in', quadrant: 'Find the bargain' });
    expect(quadrantOf(names, { x: 3, y: 5 }, even)).toEqual({ kind: 'between', quadrants: ['Keep close', 'Find the bargain'] });
  });

  it('says nothing when the chart names no quadrants', () => {
    expect(quadrantOf(undefined, { x: 5, y: 5 }, range)).toBeUndefined();
  });

  it('places the example coalition: the chief inspector is the bargain to find', () => {
    const d = mapData(coalition, map, coalitionAnswers);
    const chief = d.points.find((p) => p.label === 'Chief inspector')!;
    expect(quadrantOf(map.quadrants, chief, d)).toEqual({ kind: 'in', quadrant: 'Find the bargain' });
  });
});
