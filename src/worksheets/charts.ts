/**
 * The pictures of answers as data: pure functions from (worksheet, answers) to what is drawn and to
 * its text alternative. The SVG components in islands/Charts.tsx only lay these out.
 */
import type { Answers, TableRow } from './answers';
import { allPrompts } from './prompts';
import type { MapChart, Prompt, RadarChart, TableColumn, Worksheet } from './schema';

type ScalePrompt = Extract<Prompt, { kind: 'scale' }>;
type ScaleColumn = Extract<TableColumn, { kind: 'scale' }>;

export interface RadarAxis {
  label: string;
  href?: string | undefined;
  /** One value per series; null when not answered. */
  values: (number | null)[];
  min: number;
  max: number;
}

export function radarData(ws: Worksheet, chart: RadarChart, answers: Answers): RadarAxis[] {
  const prompts = new Map(allPrompts(ws).map((p) => [p.id, p]));
  return chart.axes.map((axis) => {
    // The schema makes every prompt of a radar axis a scale prompt of the worksheet.
    const first = prompts.get(axis.prompts[0]!) as ScalePrompt;
    return {
      label: axis.label,
      href: axis.href,
      min: first.min,
      max: first.max,
      values: axis.prompts.map((id) => {
        const v = answers[id];
        return typeof v === 'number' ? v : null;
      }),
    };
  });
}

/** Axes with the widest gap between the first two series, widest first (for "where to start"). */
export function widestGaps(axes: RadarAxis[], limit = 3): (RadarAxis & { gap: number })[] {
  return axes
    .flatMap((a) => {
      const [now, needed] = a.values;
      return now != null && needed != null && needed > now ? [{ ...a, gap: needed - now }] : [];
    })
    .sort((a, b) => b.gap - a.gap)
    .slice(0, limit);
}

/** Point of an axis value on a radar of radius r centred on (cx, cy). */
export function radarPoint(i: number, n: number, value: number, min: number, max: number, r: number, cx: number, cy: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const frac = max > min ? (value - min + 1) / (max - min + 1) : 0;
  return [round(cx + Math.cos(angle) * r * frac), round(cy + Math.sin(angle) * r * frac)];
}

export interface MapPoint {
  label: string;
  x: number;
  y: number;
}

export function mapData(ws: Worksheet, chart: MapChart, answers: Answers): { points: MapPoint[]; unplaced: string[]; xLabel: string; yLabel: string; xMin: number; xMax: number; yMin: number; yMax: number } {
  const table = allPrompts(ws).find((p) => p.id === chart.table);
  if (table?.kind !== 'table') throw new Error(`map ${chart.id}: no table ${chart.table}`);
  // The schema makes the map's label a text column of its table and x and y scale columns.
  const col = (id: string) => table.columns.find((c) => c.id === id)!;
  const xc = col(chart.x) as ScaleColumn;
  const yc = col(chart.y) as ScaleColumn;
  const lc = col(chart.label);
  const rows = (answers[chart.table] as TableRow[] | undefined) ?? [];
  const points: MapPoint[] = [];
  const unplaced: string[] = [];
  rows.forEach((row, i) => {
    const label = String(row.cells[chart.label] ?? '').trim() || `${lc.label} ${i + 1}`;
    const x = row.cells[chart.x];
    const y = row.cells[chart.y];
    if (typeof x === 'number' && typeof y === 'number') points.push({ label, x, y });
    else if (Object.keys(row.cells).length) unplaced.push(label);
  });
  return {
    points,
    unplaced,
    xLabel: xc.label,
    yLabel: yc.label,
    xMin: xc.min,
    xMax: xc.max,
    yMin: yc.min,
    yMax: yc.max,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Where a point of a map sits among the chart's four quadrants (named clockwise from top left). The
 * split is the middle of each scale, as drawn; a point on a middle line sits between two quadrants, and
 * one on both lines sits at the centre. Undefined when the chart names no quadrants.
 */
export type QuadrantPlace =
  | { kind: 'in'; quadrant: string }
  | { kind: 'between'; quadrants: [string, string] }
  | { kind: 'centre' };

export function quadrantOf(
  quadrants: readonly string[] | undefined,
  point: { x: number; y: number },
  range: { xMin: number; xMax: number; yMin: number; yMax: number },
): QuadrantPlace | undefined {
  if (!quadrants || quadrants.length !== 4) return undefined;
  const [topLeft, topRight, bottomRight, bottomLeft] = quadrants as [string, string, string, string];
  const side = (v: number, min: number, max: number) => Math.sign(2 * v - (min + max));
  const h = side(point.x, range.xMin, range.xMax);
  const v = side(point.y, range.yMin, range.yMax);
  if (h === 0 && v === 0) return { kind: 'centre' };
  if (h === 0) return { kind: 'between', quadrants: v > 0 ? [topLeft, topRight] : [bottomLeft, bottomRight] };
  if (v === 0) return { kind: 'between', quadrants: h > 0 ? [topRight, bottomRight] : [topLeft, bottomLeft] };
  return { kind: 'in', quadrant: v > 0 ? (h > 0 ? topRight : topLeft) : h > 0 ? bottomRight : bottomLeft };
}
