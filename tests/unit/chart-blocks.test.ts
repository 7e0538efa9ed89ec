/**
 * The chart blocks of the document model and the chart data under them, on scales that do not start at 1:
 * the ranges, the summaries a screen reader hears and the text tables the PDF and printout show.
 */
import { describe, expect, it } from 'vitest';
import { mapData, radarData, widestGaps } from '../../src/worksheets/charts';
import { quadrantText, worksheetDocument, type DocMap, type DocRadar } from '../../src/worksheets/document';
import { parseWorksheet, type MapChart, type RadarChart, type Worksheet } from '../../src/worksheets/schema';
import { allKindsInput } from './worksheet-files';

function build(edit: (input: ReturnType<typeof allKindsInput>) => void = () => {}): Worksheet {
  const input = allKindsInput();
  const prompts = input.sections[0]!.prompts;
  for (const id of ['now', 'later', 'soon'])
    Object.assign(
      prompts.find((p) => p['id'] === id)!,
      { min: 0, max: 4 },
    );
  const cols = prompts.find((p) => p['id'] === 'actors')!['columns'] as Record<string, unknown>[];
  Object.assign(cols[1]!, { min: 0, max: 6 });
  Object.assign(cols[2]!, { min: 2, max: 4 });
  edit(input);
  return parseWorksheet(input, 'worksheets/trust-inventory.yaml');
}
const ws = build();
const radarOf = (w: Worksheet) => w.charts.find((c) => c.kind === 'radar') as RadarChart;
const mapOf = (w: Worksheet) => w.charts.find((c) => c.kind === 'map') as MapChart;
const blocks = (w: Worksheet, answers: Record<string, unknown>) => {
  const doc = worksheetDocument(w, answers as never);
  return { radar: doc.charts.find((c) => c.type === 'radar') as DocRadar, map: doc.charts.find((c) => c.type === 'map') as DocMap };
};

describe('radar data', () => {
  it('takes each axis’s range from its first prompt', () => {
    const axes = radarData(ws, radarOf(ws), { now: 0, later: 4 });
    expect(axes.map((a) => [a.label, a.min, a.max, a.values])).toEqual([
      ['A', 0, 4, [0, 4]],
      ['B', 0, 4, [4, null]],
      ['C', 0, 4, [null, 0]],
    ]);
  });

  it('counts only gaps where the needed value is higher', () => {
    const axes = radarData(ws, radarOf(ws), { now: 1, later: 1, soon: 3 });
    // A: now 1 -> later 1 (no gap); B: later 1 -> soon 3 (gap 2); C: soon 3 -> now 1 (a fall).
    expect(widestGaps(axes).map((a) => [a.label, a.gap])).toEqual([['B', 2]]);
    expect(widestGaps(radarData(ws, radarOf(ws), { now: 2 }))).toEqual([]);
  });
});

describe('map data', () => {
  it('takes the ranges from the columns and names rows by label, or by the column name and number', () => {
    const d = mapData(ws, mapOf(ws), {
      actors: [
        { id: 'r1', cells: { who: '  Mayor  ', power: 6, support: 2 } },
        { id: 'r2', cells: { who: '   ', power: 0, support: 4 } },
        { id: 'r3', cells: { power: 3 } },
      ],
    });
    expect(d).toEqual({
      points: [
        { label: 'Mayor', x: 6, y: 2 },
        { label: 'Who 2', x: 0, y: 4 },
      ],
      unplaced: ['Who 3'],
      xLabel: 'Power',
      yLabel: 'Support',
      xMin: 0,
      xMax: 6,
      yMin: 2,
      yMax: 4,
    });
  });
});

describe('the radar block', () => {
  it('says it is not yet filled in, naming its spokes', () => {
    const { radar } = blocks(ws, {});
    expect(radar.empty).toBe(true);
    expect(radar.summary).toBe('A radar chart with 3 spokes (A, B, C), not yet filled in.');
    expect(radar.table).toEqual({
      caption: 'Strength: the values drawn',
      head: ['', 'Today', 'Later'],
      rows: [
        { header: 'A', cells: ['–', '–'] },
        { header: 'B', cells: ['–', '–'] },
        { header: 'C', cells: ['–', '–'] },
      ],
    });
  });

  it('describes the filled chart with its range and gives every value, a zero included', () => {
    const { radar } = blocks(ws, { now: 0, later: 3 });
    expect(radar.empty).toBe(false);
    expect(radar.summary).toBe(
      'A radar chart with one spoke for each of 3 items, rated from 0 to 4, one line for each of: Today, Later. The table gives every value.',
    );
    expect(radar.table.rows).toEqual([
      { header: 'A', cells: ['0 of 4', '3 of 4'] },
      { header: 'B', cells: ['3 of 4', '–'] },
      { header: 'C', cells: ['–', '0 of 4'] },
    ]);
    expect(radar.gaps.map((g) => [g.label, g.gap])).toEqual([['A', 3]]);
  });

  it('counts a single zero as filled in', () => {
    expect(blocks(ws, { soon: 0 }).radar.empty).toBe(false);
  });
});

describe('the map block', () => {
  const withQuadrants = build((input) => {
    (input['charts'] as Record<string, unknown>[])[1]!['quadrants'] = ['Allies', 'Champions', 'Critics', 'Bystanders'];
  });

  it('says it is not yet filled in, in lower case', () => {
    const { map } = blocks(ws, {});
    expect(map.empty).toBe(true);
    expect(map.summary).toBe('A map with power across and support up, not yet filled in.');
    expect(map.table).toEqual({ caption: 'Actors: where each item is placed', head: ['', 'Power', 'Support'], rows: [] });
  });

  it('describes one placed item, without quadrants', () => {
    const { map } = blocks(ws, { actors: [{ id: 'r1', cells: { who: 'Mayor', power: 6, support: 2 } }] });
    expect(map.summary).toBe('A map placing 1 item by power (across) and support (up). The table gives every place.');
    expect(map.table.rows).toEqual([{ header: 'Mayor', cells: ['6 of 6', '2 of 4'] }]);
    expect(map.quadrants).toBeUndefined();
    expect(map.points).toEqual([{ label: 'Mayor', x: 6, y: 2, quadrant: undefined }]);
  });

  it('describes several items in four quadrants and names the quadrant of each', () => {
    const { map } = blocks(withQuadrants, {
      actors: [
        { id: 'r1', cells: { who: 'Mayor', power: 6, support: 4 } },
        { id: 'r2', cells: { who: 'Clerk', power: 3, support: 2 } },
        { id: 'r3', cells: { who: 'Press', power: 0, support: 3 } },
        { id: 'r4', cells: { who: 'Union', support: 3 } },
      ],
    });
    expect(map.summary).toBe('A map placing 3 items by power (across) and support (up), in four quadrants. The table gives every place.');
    expect(map.table.head).toEqual(['', 'Power', 'Support', 'Quadrant']);
    expect(map.table.rows).toEqual([
      { header: 'Mayor', cells: ['6 of 6', '4 of 4', 'Champions'] },
      { header: 'Clerk', cells: ['3 of 6', '2 of 4', 'Between Bystanders and Critics'] },
      { header: 'Press', cells: ['0 of 6', '3 of 4', 'Between Allies and Bystanders'] },
    ]);
    expect(map.unplaced).toEqual(['Union']);
    expect(map.xMin).toBe(0);
    expect(map.yMin).toBe(2);
  });

  it('reads the centre and an unknown place', () => {
    expect(quadrantText({ kind: 'centre' })).toBe('At the centre');
    expect(quadrantText(undefined)).toBeUndefined();
    expect(quadrantText({ kind: 'in', quadrant: 'Allies' })).toBe('Allies');
  });
});

describe('the document', () => {
  it('keeps earlier answers only in a filled document, and none by default', () => {
    const earlier = [{ id: 'gone', text: 'Old answer' }];
    expect(worksheetDocument(ws, {}, { earlier }).earlier).toEqual(earlier);
    expect(worksheetDocument(ws, {}, { earlier, blank: true }).earlier).toEqual([]);
    expect(worksheetDocument(ws, {}).earlier).toEqual([]);
  });

  it('draws charts from cleaned answers only, and ignores inherited properties', () => {
    const answers = Object.create({ now: 3 }) as Record<string, unknown>;
    answers['later'] = 9;
    answers['soon'] = '2';
    expect(blocks(ws, answers).radar.empty).toBe(true);
    const doc = worksheetDocument(ws, answers as never);
    expect(doc.progress.answered).toBe(0);
  });

  it('counts what is answered', () => {
    const doc = worksheetDocument(ws, { name: 'Ada', now: 0, tools: ['pen'] });
    expect(doc.progress).toEqual({ answered: 3, total: doc.sections.flatMap((s) => s.prompts).length });
    expect(doc.blank).toBe(false);
    expect(worksheetDocument(ws, { name: 'Ada' }, { blank: true }).progress.answered).toBe(0);
  });
});
