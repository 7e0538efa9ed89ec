/**
 * The group picture (/facilitate/group/): ratings codes in (pasted, or files chosen or dropped), the
 * group's pattern out: a radar of the median and range per axis, the spread of ratings and the number
 * of people. Nothing is stored; the facilitator can save the codes as a file. No names are asked.
 */
import { useState } from 'preact/hooks';
import {
  CodeError,
  decodeRatings,
  extractCodes,
  FILE_FORMAT,
  CODE_VERSION,
  SCHEMES,
  type Ratings,
  type Scheme,
} from '../../facilitate/codes';
import { formatMedian, groupStats, type AxisStats } from '../../facilitate/stats';
import { f } from '../../facilitate/strings';
import { groupDocument, GROUP_PDF_ID } from '../../facilitate/group-document';
import { downloadPdf } from '../../client/pdf-loader';
import { radarPoint } from '../../worksheets/charts';
import { PdfButton } from '../PdfButton';

export interface GroupData {
  /** Axis labels per scheme letter, in the order of the code. */
  labels: Record<string, string[]>;
  /** What each scheme is called: "muscles check". */
  names: Record<string, string>;
}

/** Adds codes to a list: returns the new list and a message for each code refused. */
export function addCodes(
  list: readonly Ratings[],
  inputs: readonly string[],
  names: Record<string, string>,
): { list: Ratings[]; problems: string[]; added: number } {
  const out = [...list];
  const problems: string[] = [];
  let added = 0;
  for (const input of inputs) {
    let r: Ratings;
    try {
      r = decodeRatings(input);
    } catch (e) {
      problems.push(e instanceof CodeError ? e.message : String(e));
      continue;
    }
    const first = out[0];
    if (first && first.scheme.letter !== r.scheme.letter) {
      problems.push(
        f.otherScheme(r.code, names[r.scheme.letter] ?? r.scheme.worksheet, names[first.scheme.letter] ?? first.scheme.worksheet),
      );
      continue;
    }
    if (out.some((x) => x.code === r.code)) {
      problems.push(f.duplicate(r.code));
      continue;
    }
    out.push(r);
    added++;
  }
  return { list: out, problems, added };
}

const W = 660;
const H = 420;
const CX = W / 2;
const CY = H / 2 + 4;
const R = 140;

/** A rating's point on the radar: the same geometry as the worksheet's own radar (src/worksheets/charts.ts). */
const point = (i: number, n: number, v: number): [number, number] => radarPoint(i, n, v, 1, 5, R, CX, CY);
const path = (pts: [number, number][]) => `${pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' ')} Z`;

function Radar({ scheme, labels, series }: { scheme: Scheme; labels: string[]; series: AxisStats[][] }) {
  const n = labels.length;
  const first = series[0] ?? [];
  const rated = first.every((a) => a.min !== null);
  // The range band: the outline of the highest ratings with the lowest cut out (even-odd fill).
  const band = rated ? `${path(first.map((a, i) => point(i, n, a.max!)))} ${path(first.map((a, i) => point(i, n, a.min!)))}` : '';
  return (
    <svg viewBox={`0 0 ${W} ${H}`} class="group-radar" role="img" aria-labelledby="group-radar-title" aria-describedby="group-table">
      <title id="group-radar-title">{f.radarTitle(scheme.series.join(' and ').toLowerCase())}</title>
      {[1, 2, 3, 4, 5].map((v) => (
        <path key={v} class="grid" d={path(labels.map((_, i) => point(i, n, v)))} />
      ))}
      {labels.map((_, i) => {
        const [x, y] = point(i, n, 5);
        return <line key={i} class="grid" x1={CX} y1={CY} x2={x} y2={y} />;
      })}
      {band && <path class="range" d={band} fill-rule="evenodd" />}
      {series.map((axes, s) =>
        axes.every((a) => a.median !== null) ? (
          <path key={s} class={`median median--${s + 1}`} d={path(axes.map((a, i) => point(i, n, a.median!)))} />
        ) : null,
      )}
      {labels.map((label, i) => {
        const [x, y] = point(i, n, 6.1);
        const anchor = Math.abs(x - CX) < 8 ? 'middle' : x > CX ? 'start' : 'end';
        return (
          <text key={label} x={x} y={y} text-anchor={anchor} dominant-baseline="middle">
            {label}
          </text>
        );
      })}
    </svg>
  );
}

function Spread({ counts }: { counts: number[] }) {
  const most = Math.max(1, ...counts);
  return (
    <span class="spread" aria-hidden="true">
      {counts.map((c, i) => (
        <span key={i} style={{ height: `${Math.max(2, (c / most) * 100)}%` }} title={`${i + 1}: ${c}`} />
      ))}
    </span>
  );
}

function Picture({ list, data }: { list: Ratings[]; data: GroupData }) {
  const scheme = list[0]!.scheme;
  const stats = groupStats(scheme, list);
  const labels = data.labels[scheme.letter] ?? scheme.prompts[0]!.map((id) => id);
  return (
    <section class="fac-panel group-picture" aria-labelledby="group-title" data-group-picture>
      <h2 id="group-title">
        {data.names[scheme.letter]}: <span data-people>{f.people(stats.people)}</span>
      </h2>
      <Radar scheme={scheme} labels={labels} series={stats.series} />
      <p class="fac-legend">
        {scheme.series.map((s, i) => (
          <span key={s}>
            {i ? ' · ' : ''}
            {i === 0 ? 'Solid line' : 'Dashed line'}: median, {s.toLowerCase()}
          </span>
        ))}
        {' · '}Shaded: the range of “{scheme.series[0]!.toLowerCase()}”
      </p>
      <table class="fac-table" id="group-table" data-group-table>
        <caption>{f.spread}</caption>
        <thead>
          <tr>
            <th scope="col">Axis</th>
            {scheme.series.map((s) => (
              <th scope="col" key={s}>
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, a) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {stats.series.map((axes, s) => {
                const st = axes[a]!;
                return (
                  <td key={s} data-axis={a} data-series={s}>
                    <span data-median>
                      {f.median} {formatMedian(st.median)}
                    </span>
                    {', '}
                    <span data-range>
                      {f.range} {st.min === null ? '–' : f.rangeText(st.min, st.max!)}
                    </span>
                    <br />
                    <Spread counts={st.counts} /> <span class="fac-spread-text">{f.spreadText(st.counts)}</span>
                    {st.n < stats.people && (
                      <span class="fac-spread-text">
                        {' '}
                        ({f.rated} {st.n})
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function GroupPicture({ data, live = false }: { data: GroupData; live?: boolean }) {
  const [text, setText] = useState('');
  const [list, setList] = useState<Ratings[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [over, setOver] = useState(false);

  if (!live) {
    return (
      <div class="fac-group fac-group--static">
        <p class="ws-warning" data-warning="no-js">
          The group picture needs JavaScript, which is off or did not load. Without it, collect the ratings on paper and draw the range for
          each muscle by hand.
        </p>
      </div>
    );
  }

  const take = (inputs: string[], extra: string[] = []) => {
    const result = addCodes(list, inputs, data.names);
    setList(result.list);
    setProblems([...extra, ...result.problems]);
    setStatus(f.added(result.added));
  };

  const readFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const inputs: string[] = [];
    const extra: string[] = [];
    for (const file of Array.from(files)) {
      const codes = extractCodes(await file.text());
      if (!codes.length) extra.push(f.fileUnreadable(file.name));
      inputs.push(...codes);
    }
    take(inputs, extra);
  };

  const save = () => {
    const body = `${JSON.stringify(
      list.map((r) => ({ format: FILE_FORMAT, version: CODE_VERSION, code: r.code })),
      null,
      2,
    )}\n`;
    const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `group-ratings-${list.length}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  /** The picture as a tagged PDF: the engine loads on this first click, never before. */
  const makePdf = () => {
    const scheme = list[0]!.scheme;
    const labels = data.labels[scheme.letter] ?? scheme.prompts[0]!;
    const doc = groupDocument(
      groupStats(scheme, list),
      labels,
      data.names[scheme.letter] ?? scheme.worksheet,
      f.units[scheme.worksheet] ?? 'item',
    );
    return downloadPdf([doc], { id: GROUP_PDF_ID });
  };

  return (
    <div class="fac-group" data-ready="true">
      <p class="fac-note">{f.nothingStored}</p>
      <section class="fac-panel fac-codes fac-screen-only" aria-labelledby="group-add-title">
        <h2 id="group-add-title">Add codes</h2>
        <label for="group-codes">{f.paste}</label>
        <p id="group-codes-help" class="ws-col-help">
          {f.pasteHelp}
        </p>
        <textarea
          id="group-codes"
          aria-describedby="group-codes-help"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          spellcheck={false}
          autocomplete="off"
        />
        <p>
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              take(extractCodes(text));
              setText('');
            }}
            data-add-codes
          >
            {f.addCodes}
          </button>
        </p>
        <div
          class={`fac-drop${over ? ' fac-drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void readFiles(e.dataTransfer?.files ?? null);
          }}
          data-drop
        >
          <label>
            {f.files}{' '}
            <input
              type="file"
              multiple
              accept=".json,.txt,application/json,text/plain"
              onChange={(e) => {
                void readFiles(e.currentTarget.files);
                e.currentTarget.value = '';
              }}
              data-files
            />
          </label>
          <p>{f.drop}</p>
        </div>
        <p role="status" class="fac-status" data-group-status>
          {status}
        </p>
        {problems.length > 0 && (
          <ul class="fac-problems" role="alert" data-problems>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </section>
      {list.length ? <Picture list={list} data={data} /> : <p data-no-codes>{f.noCodes}</p>}
      {list.length > 0 && (
        <section class="fac-panel fac-screen-only" aria-labelledby="group-list-title">
          <h2 id="group-list-title">{f.codesIn}</h2>
          <ul class="fac-code-list" data-code-list>
            {list.map((r) => (
              <li key={r.code}>
                <span class="fac-code">{r.code}</span>{' '}
                <button type="button" class="button" aria-label={f.removeCode(r.code)} onClick={() => setList(list.filter((x) => x !== r))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <div class="ws-actions">
            <button type="button" class="button button--primary" onClick={() => window.print()}>
              {f.printPicture}
            </button>{' '}
            <button type="button" class="button" onClick={save} data-save-codes>
              {f.savefile}
            </button>{' '}
            <button
              type="button"
              class="button button--danger"
              onClick={() => {
                setList([]);
                setProblems([]);
                setStatus('');
              }}
            >
              {f.clearCodes}
            </button>{' '}
            {/* Last in the row, so that its status ("Your PDF is ready: ...") pushes nothing aside. */}
            <PdfButton label={f.downloadPicture} action="group-pdf" inline make={makePdf} />
          </div>
        </section>
      )}
    </div>
  );
}

export const schemeNames = (): Record<string, string> =>
  Object.fromEntries(SCHEMES.map((s) => [s.letter, s.worksheet === 'muscles-check' ? 'Seven muscles check' : 'Seven gaps scan']));
