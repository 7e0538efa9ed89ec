/**
 * The document model: a worksheet with its answers as a tree of blocks, the one thing every renderer reads
 * (the answers view and print copy, the printable page blank and filled, the conflict message, the PDF and
 * the workbook). Pure and framework-free: `worksheetDocument(ws, answers, options)` returns plain data.
 *
 * Renderers draw `Display` and `Blank` forms (see kinds.ts) and chart blocks; none of them switches on
 * prompt kinds. Answers are cleaned against the definition on the way in, so a renderer never meets a
 * value that does not fit its prompt.
 */
import { isAnswered, type Answers, type EarlierAnswer } from './answers';
import { mapData, quadrantOf, radarData, widestGaps, type MapPoint, type QuadrantPlace, type RadarAxis } from './charts';
import { blankAnswer, cleanAnswer, displayAnswer, type Blank, type Display } from './kinds';
import type { MapChart, PromptKind, RadarChart, Worksheet } from './schema';
import { changeText, coveredAxes, hasRounds, roundLabel, roundsChart, shownRounds, sortRounds, type Round } from './rounds';
import { docWords as words, rounds as roundWords, t } from '../lib/strings';

export interface DocPrompt {
  id: string;
  kind: PromptKind;
  label: string;
  help?: string | undefined;
  answered: boolean;
  display: Display;
  blank: Blank;
}

export interface DocSection {
  id: string;
  title: string;
  intro?: string | undefined;
  prompts: DocPrompt[];
}

/** A chart's values as a table: the text alternative a screen reader, the PDF and a printout share. */
export interface DocTable {
  caption: string;
  /** Header cells; the first names the row headers' column. */
  head: string[];
  rows: { header: string; cells: string[] }[];
}

interface DocChartBase {
  id: string;
  title: string;
  /** One or two sentences saying what the picture shows, for alternative text. */
  summary: string;
  table: DocTable;
  empty: boolean;
}
export interface DocRadar extends DocChartBase {
  type: 'radar';
  series: string[];
  axes: RadarAxis[];
  /** The widest gaps between the first two series, widest first. */
  gaps: (RadarAxis & { gap: number })[];
  /**
   * A shaded band from `low` to `high` on each axis, under the lines (the group picture: the range of
   * the ratings around their median). `series` is the line whose colour it takes.
   */
  band?: DocBand | undefined;
  /** Saved rounds drawn over the series (the latest few), oldest first; values in axis order. */
  rounds: DocRoundSeries[];
}
export interface DocRoundSeries {
  id: string;
  /** The round's name, with its date when the name does not say it. */
  label: string;
  values: (number | null)[];
}
/** A worksheet's saved rounds: what changed between them, and their values when no radar shows them. */
export interface DocRounds {
  title: string;
  /** Said when the latest few rounds are shown of more. */
  note?: string | undefined;
  total: number;
  /** The radar the rounds are drawn on, if any. */
  chart?: string | undefined;
  /** Each rating in each round, when no radar shows them. */
  values?: DocTable | undefined;
  changes: DocTable;
}
export interface DocBand {
  label: string;
  series: number;
  /** One per axis, in the axes' order. */
  low: number[];
  high: number[];
}
export interface DocMap extends DocChartBase {
  type: 'map';
  xLabel: string;
  yLabel: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  quadrants?: string[] | undefined;
  points: (MapPoint & { quadrant?: string | undefined })[];
  unplaced: string[];
}
export type DocChart = DocRadar | DocMap;

export interface WorksheetDocument {
  id: string;
  title: string;
  purpose: string;
  /** True for the blank printable page: no answers, only answer spaces. */
  blank: boolean;
  sections: DocSection[];
  charts: DocChart[];
  earlier: EarlierAnswer[];
  progress: { answered: number; total: number };
  /**
   * For a document that is not one person's answers (the group picture): the PDF's title, in place of
   * "<title>: your answers", and what the line under the purpose says after the date, in place of the
   * progress ("4 people").
   */
  pdfTitle?: string | undefined;
  status?: string | undefined;
  /** Saved rounds, when the worksheet keeps them and some are saved. */
  rounds?: DocRounds | undefined;
}

export interface DocumentOptions {
  earlier?: EarlierAnswer[];
  /** Saved rounds of the worksheet's ratings (worksheets/rounds.ts). */
  rounds?: readonly Round[];
  /** Build the blank form (answers are ignored). */
  blank?: boolean;
}

export function worksheetDocument(ws: Worksheet, answers: Answers, options: DocumentOptions = {}): WorksheetDocument {
  const blank = options.blank ?? false;
  const given = blank ? {} : answers;
  let answered = 0;
  let total = 0;
  // Charts read cleaned answers only, like the prompts.
  const clean: Answers = Object.create(null) as Answers;
  const sections = ws.sections.map((s) => ({
    id: s.id,
    title: s.title,
    intro: s.intro,
    prompts: s.prompts.map((p): DocPrompt => {
      const value = Object.prototype.hasOwnProperty.call(given, p.id) ? cleanAnswer(p, given[p.id]) : undefined;
      if (value !== undefined) clean[p.id] = value;
      const done = isAnswered(value);
      total++;
      if (done) answered++;
      const display: Display = done ? displayAnswer(p, value) : { type: 'empty' };
      return { id: p.id, kind: p.kind, label: p.label, help: p.help, answered: done, display, blank: blankAnswer(p) };
    }),
  }));
  const saved = blank || !hasRounds(ws) ? [] : sortRounds(options.rounds ?? []);
  const overlay = roundsChart(ws)?.id;
  return {
    id: ws.id,
    title: ws.title,
    purpose: ws.purpose,
    blank,
    sections,
    charts: ws.charts.map((c) => (c.kind === 'radar' ? radarBlock(ws, c, clean, c.id === overlay ? saved : []) : mapBlock(ws, c, clean))),
    earlier: blank ? [] : (options.earlier ?? []),
    progress: { answered, total },
    rounds: saved.length ? roundsBlock(ws, clean, saved, overlay) : undefined,
  };
}

/** The change table of a worksheet's rounds (and their values when no radar draws them). */
function roundsBlock(ws: Worksheet, answers: Answers, rounds: Round[], chart: string | undefined): DocRounds {
  const { shown, hidden } = shownRounds(rounds);
  const axes = coveredAxes(ws, answers, shown);
  const first = rounds[0]!;
  const pairs = shown.slice(1).map((r, i) => [shown[i]!, r] as const);
  return {
    title: roundWords.title,
    note: hidden ? roundWords.hidden(shown.length, rounds.length) : undefined,
    total: rounds.length,
    chart,
    values: chart
      ? undefined
      : {
          caption: roundWords.valuesCaption(ws.title),
          head: ['', ...shown.map(roundLabel), roundWords.now],
          rows: axes.map((a) => ({
            header: a.label,
            cells: [...shown.map((r) => r.values[a.id]), a.value].map((v) => (v === undefined ? '–' : t.valueOf(v, a.max))),
          })),
        },
    changes: {
      caption: roundWords.changesCaption,
      head: ['', ...pairs.map(([a, b]) => roundWords.changeBetween(roundLabel(a), roundLabel(b))), roundWords.firstToNow(roundLabel(first))],
      rows: axes.map((a) => ({
        header: a.label,
        cells: [...pairs.map(([x, y]) => changeText(x.values[a.id], y.values[a.id])), changeText(first.values[a.id], a.value)],
      })),
    },
  };
}

/** The rounds drawn over a radar: the latest few, oldest first, each with a value per spoke. */
export function roundSeries(chart: RadarChart, saved: readonly Round[]): DocRoundSeries[] {
  return shownRounds(saved).shown.map((r) => ({
    id: r.id,
    label: roundLabel(r),
    values: chart.axes.map((a) => r.values[a.prompts[0]!] ?? null),
  }));
}

function radarBlock(ws: Worksheet, chart: RadarChart, answers: Answers, saved: Round[]): DocRadar {
  const axes = radarData(ws, chart, answers);
  const rounds = roundSeries(chart, saved);
  const empty = axes.every((a) => a.values.every((v) => v == null));
  // The schema gives a radar at least three axes.
  const { min, max } = axes[0]!;
  return {
    type: 'radar',
    id: chart.id,
    title: chart.title,
    series: chart.series,
    axes,
    gaps: widestGaps(axes),
    rounds,
    empty,
    summary: [
      empty ? words.radarEmpty(axes.map((a) => a.label)) : words.radar(axes.length, min, max, chart.series),
      rounds.length ? roundWords.summary(rounds.length) : '',
    ]
      .filter(Boolean)
      .join(' '),
    table: {
      caption: words.radarCaption(chart.title),
      head: ['', ...chart.series, ...rounds.map((r) => r.label)],
      rows: axes.map((a, i) => ({
        header: a.label,
        cells: [...a.values, ...rounds.map((r) => r.values[i] ?? null)].map((v) => (v == null ? '–' : t.valueOf(v, a.max))),
      })),
    },
  };
}

/** A point's place among the quadrants, as the map's text table says it. */
export function quadrantText(place: QuadrantPlace | undefined): string | undefined {
  if (!place) return undefined;
  if (place.kind === 'in') return place.quadrant;
  if (place.kind === 'between') return words.between(place.quadrants[0], place.quadrants[1]);
  return words.centre;
}

function mapBlock(ws: Worksheet, chart: MapChart, answers: Answers): DocMap {
  const d = mapData(ws, chart, answers);
  const points = d.points.map((p) => ({ ...p, quadrant: quadrantText(quadrantOf(chart.quadrants, p, d)) }));
  const empty = points.length === 0;
  return {
    type: 'map',
    id: chart.id,
    title: chart.title,
    ...d,
    points,
    quadrants: chart.quadrants,
    empty,
    summary: empty
      ? words.mapEmpty(d.xLabel, d.yLabel)
      : words.map(points.length, d.xLabel, d.yLabel, !!chart.quadrants),
    table: {
      caption: words.mapCaption(chart.title),
      head: ['', d.xLabel, d.yLabel, ...(chart.quadrants ? [words.quadrant] : [])],
      rows: points.map((p) => ({
        header: p.label,
        cells: [t.valueOf(p.x, d.xMax), t.valueOf(p.y, d.yMax), ...(chart.quadrants ? [p.quadrant!] : [])],
      })),
    },
  };
}
