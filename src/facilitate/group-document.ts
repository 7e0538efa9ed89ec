/**
 * The group picture in the document model's vocabulary (src/worksheets/document.ts), so that the PDF
 * renderer draws it with no case of its own: a document with one radar block (the median of each series
 * as its lines, the range of the first as a shaded band, the summary as the figure's alternative text)
 * whose table gives, per axis and series, the median, the range and the spread of ratings. Pure: the
 * statistics in, plain data out. No codes and no names go in.
 */
import type { DocRadar, WorksheetDocument } from '../worksheets/document';
import { formatMedian, type AxisStats, type GroupStats } from './stats';
import { f } from './strings';

export const GROUP_PDF_ID = 'group-picture';

const rangeText = (a: AxisStats) => (a.min === null ? '–' : f.rangeText(a.min, a.max!));

/**
 * `labels` name the axes in the code's order; `name` is the worksheet's title ("Seven muscles check");
 * `unit` is what an axis is ("muscle", "gap").
 */
export function groupDocument(stats: GroupStats, labels: readonly string[], name: string, unit: string): WorksheetDocument {
  const { scheme, people } = stats;
  const first = stats.series[0] ?? [];
  const banded = first.length > 0 && first.every((a) => a.min !== null && a.max !== null);
  const radar: DocRadar = {
    type: 'radar',
    id: 'group-radar',
    title: f.pdfChartTitle,
    series: scheme.series.map((s) => f.pdfMedianOf(s)),
    axes: labels.map((label, a) => ({ label, min: 1, max: 5, values: stats.series.map((axes) => axes[a]?.median ?? null) })),
    gaps: [],
    rounds: [],
    band: banded
      ? { label: f.pdfRangeOf(scheme.series[0]!), series: 0, low: first.map((a) => a.min!), high: first.map((a) => a.max!) }
      : undefined,
    empty: people === 0,
    summary: f.pdfAlt(people, labels.length, unit, scheme.series, banded),
    table: {
      caption: f.pdfTableCaption(unit),
      head: [f.pdfAxis(unit), ...scheme.series.flatMap((s) => [f.pdfMedianOf(s), f.pdfRangeOf(s), f.pdfSpreadOf(s)])],
      rows: labels.map((label, a) => ({
        header: label,
        cells: stats.series.flatMap((axes) => {
          const st = axes[a]!;
          const rated = st.n > 0 && st.n < people ? ` (${f.rated.toLowerCase()} ${st.n})` : '';
          return [formatMedian(st.median), rangeText(st), `${f.spreadText(st.counts)}${rated}`];
        }),
      })),
    },
  };
  return {
    id: GROUP_PDF_ID,
    title: f.pdfTitle(name),
    purpose: f.pdfPurpose,
    blank: false,
    sections: [],
    charts: [radar],
    earlier: [],
    progress: { answered: 0, total: 0 },
    pdfTitle: f.pdfTitle(name),
    status: f.people(people),
  };
}
