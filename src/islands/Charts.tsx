/** SVG pictures of answers, each with a text alternative. Pure: (worksheet, chart, answers) -> markup. */
import type { ComponentChildren } from 'preact';
import type { Answers } from '../worksheets/answers';
import { mapData, quadrantOf, radarData, radarPoint, type QuadrantPlace } from '../worksheets/charts';
import { WhereToStart } from './WhereToStart';
import type { Chart, MapChart, RadarChart, Worksheet } from '../worksheets/schema';
import { roundsChart, type Round } from '../worksheets/rounds';
import { roundSeries } from '../worksheets/document';
import { docWords, t } from '../lib/strings';

const SERIES_CLASS = ['chart__series--a', 'chart__series--b', 'chart__series--c'];
/** Saved rounds: each its own colour and its own dash (see worksheet.css), so they read in forced colours and print. */
const ROUND_CLASS = ['chart__round--1', 'chart__round--2', 'chart__round--3', 'chart__round--4', 'chart__round--5'];

/** Element ids of a chart; `uid` keeps them unique when a chart appears twice on a page. */
const chartIds = (uid: string, chart: Chart) => ({
  title: `${uid}chart-${chart.id}-title`,
  text: `${uid}chart-${chart.id}-text`,
});

/** The caption and the SVG of a chart, named by the caption and described by the chart's text alternative. */
function ChartTitleAndPicture({
  chart,
  uid,
  width,
  height,
  children,
}: {
  chart: Chart;
  uid: string;
  width: number;
  height: number;
  children: ComponentChildren;
}) {
  const ids = chartIds(uid, chart);
  return (
    <>
      <figcaption id={ids.title} class="chart__title">
        {chart.title}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} class="chart__svg" role="img" aria-labelledby={ids.title} aria-describedby={ids.text}>
        {children}
      </svg>
    </>
  );
}

function Radar({
  ws,
  chart,
  answers,
  uid,
  blank,
  saved,
}: {
  ws: Worksheet;
  chart: RadarChart;
  answers: Answers;
  uid: string;
  blank: boolean;
  saved: readonly Round[];
}) {
  const axes = radarData(ws, chart, answers);
  const rounds = blank ? [] : roundSeries(chart, saved);
  // Wide enough that the longest spoke label fits inside the picture, also when printed on A4.
  const W = 600;
  const H = 380;
  const cx = W / 2;
  const cy = H / 2;
  const r = 120;
  const n = axes.length;
  const max = axes[0]?.max ?? 5;
  const min = axes[0]?.min ?? 1;
  const rings = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <figure class="chart">
      <ChartTitleAndPicture chart={chart} uid={uid} width={W} height={H}>
        {rings.map((v) => (
          <polygon
            class="chart__grid"
            points={axes.map((_, i) => radarPoint(i, n, v, min, max, r, cx, cy).join(',')).join(' ')}
            key={`ring-${v}`}
          />
        ))}
        {axes.map((a, i) => {
          const [x, y] = radarPoint(i, n, max, min, max, r, cx, cy);
          const [lx, ly] = radarPoint(i, n, max + 1.2, min, max, r, cx, cy);
          const anchor = Math.abs(lx - cx) < 8 ? 'middle' : lx > cx ? 'start' : 'end';
          return (
            <g key={a.label}>
              <line class="chart__grid" x1={cx} y1={cy} x2={x} y2={y} />
              <text class="chart__label" x={lx} y={ly} text-anchor={anchor} dominant-baseline="middle">
                {a.label}
              </text>
            </g>
          );
        })}
        {rounds.map((round, k) => {
          const pts = round.values.map((v, i) => (v == null ? null : radarPoint(i, n, v, min, max, r, cx, cy)));
          if (pts.every((p) => p === null)) return null;
          const drawn = pts.map((p) => p ?? [cx, cy]);
          return (
            <g class={`chart__series chart__round ${ROUND_CLASS[k]}`} key={round.id} data-round={round.id}>
              <polygon points={drawn.map((p) => p.join(',')).join(' ')} />
              {pts.map((p, i) => (p ? <rect x={p[0] - 2.5} y={p[1] - 2.5} width="5" height="5" key={i} /> : null))}
            </g>
          );
        })}
        {chart.series.map((name, s) => {
          const pts = axes.map((a, i) => (a.values[s] == null ? null : radarPoint(i, n, a.values[s]!, min, max, r, cx, cy)));
          if (pts.every((p) => p === null)) return null;
          const drawn = pts.map((p) => p ?? [cx, cy]);
          return (
            <g class={`chart__series ${SERIES_CLASS[s]}`} key={name}>
              <polygon points={drawn.map((p) => p.join(',')).join(' ')} />
              {pts.map((p, i) => (p ? <circle cx={p[0]} cy={p[1]} r="4" key={i} /> : null))}
            </g>
          );
        })}
      </ChartTitleAndPicture>
      {/* Each series is drawn with its own dash as well as its own colour, so the legend also reads in forced colours. */}
      <ul class="chart__legend" aria-hidden="true">
        {chart.series.map((name, s) => (
          <li key={name}>
            <svg class={`chart__swatch chart__series ${SERIES_CLASS[s]}`} viewBox="0 0 32 12" width="32" height="12" focusable="false">
              <line x1="1" y1="6" x2="31" y2="6" />
              <circle cx="16" cy="6" r="3" />
            </svg>
            {name}
          </li>
        ))}
        {rounds.map((round, k) => (
          <li key={round.id} data-round={round.id}>
            <svg
              class={`chart__swatch chart__series chart__round ${ROUND_CLASS[k]}`}
              viewBox="0 0 32 12"
              width="32"
              height="12"
              focusable="false"
            >
              <line x1="1" y1="6" x2="31" y2="6" />
              <rect x="13.5" y="3.5" width="5" height="5" />
            </svg>
            {round.label}
          </li>
        ))}
      </ul>
      <div id={chartIds(uid, chart).text} class="chart__text">
        {/* The description of the picture starts with the values in words (for screen readers: the table below shows them), or on the blank page, how to draw it. */}
        <p class={blank ? 'chart__summary' : 'chart__summary visually-hidden'}>
          {blank
            ? t.radarBlank
            : chart.series
                .map((name, s) =>
                  t.radarSeries(
                    name,
                    axes.every((a) => a.values[s] == null)
                      ? t.notRated
                      : axes.map((a) => `${a.label} ${a.values[s] == null ? t.notRated : t.valueOf(a.values[s]!, a.max)}`).join(', '),
                  ),
                )
                .concat(
                  rounds.map((round) =>
                    t.radarSeries(
                      round.label,
                      axes
                        .map((a, i) => `${a.label} ${round.values[i] == null ? t.notRated : t.valueOf(round.values[i]!, a.max)}`)
                        .join(', '),
                    ),
                  ),
                )
                .join(' ')}
        </p>
        <table class="chart__table">
          <caption class="visually-hidden">{docWords.radarCaption(chart.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{'\u00a0'}</th>
              {chart.series.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
              {rounds.map((round) => (
                <th scope="col" key={round.id} data-round={round.id}>
                  {round.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {axes.map((a, ai) => (
              <tr key={a.label}>
                <th scope="row">{a.label}</th>
                {[...a.values, ...rounds.map((round) => round.values[ai] ?? null)].map((v, i) => (
                  <td key={i}>{v == null ? '–' : t.valueOf(v, a.max)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WhereToStart axes={axes} series={chart.series.length} answers={answers} />
    </figure>
  );
}

/** Where a point is, in words: "in “Find the bargain”". */
function placeText(place: QuadrantPlace | undefined): string {
  if (!place) return '';
  if (place.kind === 'in') return `, ${t.inQuadrant(place.quadrant)}`;
  if (place.kind === 'between') return `, ${t.betweenQuadrants(place.quadrants[0], place.quadrants[1])}`;
  return `, ${t.mapCentre}`;
}

function MapView({ ws, chart, answers, uid, blank }: { ws: Worksheet; chart: MapChart; answers: Answers; uid: string; blank: boolean }) {
  const d = mapData(ws, chart, answers);
  const W = 420;
  const H = 340;
  const pad = { l: 56, r: 16, t: 16, b: 48 };
  const px = (x: number) => pad.l + ((x - d.xMin) / Math.max(1, d.xMax - d.xMin)) * (W - pad.l - pad.r);
  const py = (y: number) => H - pad.b - ((y - d.yMin) / Math.max(1, d.yMax - d.yMin)) * (H - pad.t - pad.b);
  const midX = (pad.l + W - pad.r) / 2;
  const midY = (pad.t + H - pad.b) / 2;
  // Points that share a place are fanned out so every label can be read.
  const seen = new Map<string, number>();
  return (
    <figure class="chart">
      <ChartTitleAndPicture chart={chart} uid={uid} width={W} height={H}>
        <rect class="chart__frame" x={pad.l} y={pad.t} width={W - pad.l - pad.r} height={H - pad.t - pad.b} />
        <line class="chart__grid" x1={midX} y1={pad.t} x2={midX} y2={H - pad.b} />
        <line class="chart__grid" x1={pad.l} y1={midY} x2={W - pad.r} y2={midY} />
        {chart.quadrants &&
          [
            [pad.l + 6, pad.t + 16, 'start'],
            [W - pad.r - 6, pad.t + 16, 'end'],
            [W - pad.r - 6, H - pad.b - 8, 'end'],
            [pad.l + 6, H - pad.b - 8, 'start'],
          ].map(([x, y, anchor], i) => (
            <text class="chart__quadrant" x={x} y={y} text-anchor={anchor as string} key={i}>
              {chart.quadrants![i]}
            </text>
          ))}
        <text class="chart__label" x={midX} y={H - 14} text-anchor="middle">
          {d.xLabel} →
        </text>
        <text class="chart__label" x={16} y={midY} text-anchor="middle" transform={`rotate(-90 16 ${midY})`}>
          {d.yLabel} →
        </text>
        {d.points.map((p, i) => {
          const key = `${p.x},${p.y}`;
          const k = seen.get(key) ?? 0;
          seen.set(key, k + 1);
          const x = px(p.x);
          const y = py(p.y) + k * 14;
          return (
            <g class="chart__point" key={i}>
              <circle cx={x} cy={y} r="5" />
              <text x={x + 8} y={y + 4}>
                {p.label}
              </text>
            </g>
          );
        })}
      </ChartTitleAndPicture>
      <div id={chartIds(uid, chart).text} class="chart__text">
        {blank ? (
          <p>{t.mapBlank(d.xLabel, d.yLabel)}</p>
        ) : d.points.length === 0 ? (
          <p>{t.chartEmpty}</p>
        ) : (
          <ul>
            {d.points.map((p, i) => (
              <li key={i}>
                {p.label}: {d.xLabel.toLowerCase()} {p.x} of {d.xMax}, {d.yLabel.toLowerCase()} {p.y} of {d.yMax}
                {placeText(quadrantOf(chart.quadrants, p, d))}
              </li>
            ))}
          </ul>
        )}
        {d.unplaced.length > 0 && <p>{docWords.unplaced(d.unplaced)}</p>}
      </div>
    </figure>
  );
}

/**
 * `uid` prefixes element ids, so one chart can appear twice on a page (on screen and in the print copy).
 * `blank` is the printable blank page: the text says how to draw on it, not what answers would show.
 */
export function ChartView({
  ws,
  chart,
  answers,
  uid = '',
  blank = false,
  rounds = [],
}: {
  ws: Worksheet;
  chart: Chart;
  answers: Answers;
  uid?: string;
  blank?: boolean;
  /** Saved rounds, drawn over the radar the worksheet's rounds belong to. */
  rounds?: readonly Round[];
}) {
  return chart.kind === 'radar' ? (
    <Radar ws={ws} chart={chart} answers={answers} uid={uid} blank={blank} saved={roundsChart(ws)?.id === chart.id ? rounds : []} />
  ) : (
    <MapView ws={ws} chart={chart} answers={answers} uid={uid} blank={blank} />
  );
}
