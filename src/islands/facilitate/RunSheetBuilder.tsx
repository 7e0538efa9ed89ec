/**
 * The run-sheet builder (/facilitate/run-sheet/): choose worksheets or start from a plan, set a start
 * time, breaks and the group size; get the timed agenda, what to print and the materials; reorder by
 * keyboard; print; and run the day in run mode. State and saving live in run-sheet-store.ts.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RunSheetStore, PlanRows } from '../../facilitate/run-sheet-store';
import { agenda, materialsList, printList, type WorksheetFacts } from '../../facilitate/run-sheet';
import { clockWithDay, parseClock, totalMinutes } from '../../facilitate/timing';
import { f } from '../../facilitate/strings';
import { minutes } from '../../lib/urls';
import { RunMode } from './RunMode';

export interface BuilderWorksheet extends WorksheetFacts {
  /** Minutes for a group session: `time.groupRun`, or `time.run` when there is none. */
  minutes: number;
  href: string;
  printHref: string;
}

export interface BuilderData {
  worksheets: BuilderWorksheet[];
  plans: PlanRows[];
}

interface Props {
  data: BuilderData;
  store?: RunSheetStore | undefined;
  /** A plan asked for in the address (?plan=slug). */
  requestedPlan?: string | undefined;
}

function Notices({ store }: { store: RunSheetStore }) {
  const status = useStore(store.$status);
  const messages: { kind: string; text: string }[] = [];
  if (status.load === 'quarantined') messages.push({ kind: 'quarantined', text: f.quarantined(status.quarantineKey ?? '') });
  if (status.load === 'unavailable') messages.push({ kind: 'unavailable', text: f.unavailable });
  if (status.load === 'too-new') messages.push({ kind: 'too-new', text: f.tooNew });
  if (status.load === 'blocked') messages.push({ kind: 'blocked', text: f.blocked });
  if (status.save === 'quota') messages.push({ kind: 'quota', text: f.quota });
  return (
    <>
      {messages.map((m) => (
        <p class="ws-warning" role="alert" data-warning={m.kind} key={m.kind}>
          {m.text}
        </p>
      ))}
      <p class="fac-status" role="status" data-save-state={status.save ?? 'idle'}>
        {status.save === 'saved' ? f.saved : ''}
      </p>
    </>
  );
}

function PlanChooser({ data, store, requestedPlan }: Props & { store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  const [choice, setChoice] = useState(requestedPlan ?? '');
  const [pending, setPending] = useState<PlanRows | null>(null);
  const [message, setMessage] = useState('');
  const applied = useRef(false);

  useEffect(() => {
    // A plan named in the address: used at once on an empty sheet, asked about over a saved one.
    if (applied.current || !requestedPlan) return;
    applied.current = true;
    const plan = data.plans.find((p) => p.slug === requestedPlan);
    if (!plan || store.$sheet.get().plan === plan.slug) return;
    if (store.$sheet.get().rows.length) setPending(plan);
    else {
      store.usePlan(plan);
      setMessage(f.planLoaded(plan.title));
    }
  }, []);

  const use = () => {
    const plan = data.plans.find((p) => p.slug === choice);
    if (!plan) return;
    if (sheet.rows.length) setPending(plan);
    else {
      store.usePlan(plan);
      setMessage(f.planLoaded(plan.title));
    }
  };
  return (
    <div class="fac-fields">
      <label>
        {f.startFrom}
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)} data-plan-select>
          <option value="">{f.noPlan}</option>
          {data.plans.map((p) => (
            <option value={p.slug} key={p.slug}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="button" onClick={use} disabled={!choice}>
        {f.usePlan}
      </button>
      {pending && (
        <div role="alert" class="ws-warning" data-warning="replace">
          <p>{f.replaceSaved(pending.title)}</p>
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              store.usePlan(pending);
              setMessage(f.planLoaded(pending.title));
              setPending(null);
            }}
          >
            {f.replace}
          </button>{' '}
          <button type="button" class="button" onClick={() => setPending(null)}>
            {f.keepMine}
          </button>
        </div>
      )}
      <p role="status" class="fac-status">
        {message}
      </p>
    </div>
  );
}

function Fields({ store }: { store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  const valid = parseClock(sheet.start) !== null;
  return (
    <div class="fac-fields">
      <label>
        {f.sheetTitle}
        <input type="text" value={sheet.title} maxLength={200} onInput={(e) => store.setFields({ title: e.currentTarget.value })} />
      </label>
      <label>
        {f.startTime}
        <input
          type="time"
          value={sheet.start}
          aria-invalid={valid ? undefined : 'true'}
          onInput={(e) => {
            const v = e.currentTarget.value;
            if (parseClock(v) !== null) store.setFields({ start: v });
          }}
          data-start
        />
      </label>
      <label>
        {f.groupSize}
        <input
          type="number"
          min={1}
          max={500}
          value={sheet.groupSize}
          onInput={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n >= 1 && n <= 500) store.setFields({ groupSize: n });
          }}
          data-group-size
        />
      </label>
    </div>
  );
}

function Adders({ data, store }: { data: BuilderData; store: RunSheetStore }) {
  const [ws, setWs] = useState('');
  const [breakMin, setBreakMin] = useState(15);
  const [label, setLabel] = useState('');
  const [actMin, setActMin] = useState(10);
  return (
    <div class="fac-adders">
      <div class="fac-fields">
        <label>
          {f.addWorksheet}
          <select value={ws} onChange={(e) => setWs(e.currentTarget.value)} data-add-worksheet>
            <option value="">{f.chooseWorksheet}</option>
            {data.worksheets.map((w) => (
              <option value={w.id} key={w.id}>
                {w.title} ({minutes(w.minutes)})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="button"
          disabled={!ws}
          onClick={() => {
            const w = data.worksheets.find((x) => x.id === ws);
            if (w) store.addRow({ kind: 'worksheet', worksheet: w.id, label: w.title, minutes: w.minutes });
          }}
        >
          {f.add}
        </button>
      </div>
      <div class="fac-fields">
        <label>
          {f.breakMinutes}
          <input
            type="number"
            min={1}
            max={600}
            value={breakMin}
            onInput={(e) => setBreakMin(Number(e.currentTarget.value))}
            data-break-minutes
          />
        </label>
        <button
          type="button"
          class="button"
          onClick={() =>
            Number.isInteger(breakMin) &&
            breakMin > 0 &&
            store.addRow({ kind: 'break', label: f.breakLabel, minutes: Math.min(600, breakMin) })
          }
        >
          {f.addBreak}
        </button>
      </div>
      <div class="fac-fields">
        <label>
          {f.activity}
          <input type="text" value={label} maxLength={300} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <label>
          {f.activityMinutes}
          <input type="number" min={1} max={600} value={actMin} onInput={(e) => setActMin(Number(e.currentTarget.value))} />
        </label>
        <button
          type="button"
          class="button"
          disabled={!label.trim()}
          onClick={() => {
            if (!Number.isInteger(actMin) || actMin < 1) return;
            store.addRow({ kind: 'activity', label: label.trim(), minutes: Math.min(600, actMin) });
            setLabel('');
          }}
        >
          {f.addActivity}
        </button>
      </div>
    </div>
  );
}

function Rows({ store }: { store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  const [said, setSaid] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const start = parseClock(sheet.start) ?? 0;
  const rows = agenda(sheet, start);

  /** The control to focus once a move has been drawn: the same control of the moved row. */
  const pending = useRef<{ key: string; control: string } | null>(null);
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    list.current?.querySelector<HTMLElement>(`[data-key="${p.key}"] [data-control="${p.control}"]`)?.focus();
  });

  /**
   * Moves a row and keeps focus on the same control of the moved row, so the keyboard user stays with it.
   * The row is found by its key in the store's current sheet, and focus is put back as soon as the move is
   * drawn (a layout effect, before the next key event), so fast or repeated presses each move it once more.
   */
  const move = (key: string, by: number, control: string) => {
    const current = store.$sheet.get().rows;
    const i = current.findIndex((r) => r.key === key);
    const to = i + by;
    if (i < 0 || to < 0 || to >= current.length) return;
    pending.current = { key, control };
    store.move(i, by);
    setSaid(f.moved(current[i]!.label, to + 1));
  };

  if (!rows.length) return <p data-empty>{f.empty}</p>;
  const end = rows[rows.length - 1]!.end;
  return (
    <>
      <p class="fac-hint">{f.reorderHint}</p>
      <ol class="fac-rows" ref={list} data-rows>
        {rows.map((r, i) => (
          <li
            key={r.key}
            data-key={r.key}
            class={`fac-row fac-row--${r.kind}`}
            onKeyDown={(e) => {
              if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
              e.preventDefault();
              const control = (e.target as HTMLElement).getAttribute('data-control') ?? 'label';
              move(r.key, e.key === 'ArrowUp' ? -1 : 1, control);
            }}
          >
            <span class="fac-row__time" data-time>
              {clockWithDay(r.start)}
              <span class="fac-row__kind">{f.kind[r.kind]}</span>
            </span>
            <span class="fac-row__label">
              <input
                type="text"
                value={r.label}
                aria-label={f.rowLabel(i + 1)}
                data-control="label"
                maxLength={300}
                onInput={(e) => store.setRow(i, { label: e.currentTarget.value })}
              />
            </span>
            <span class="fac-row__min">
              <input
                type="number"
                min={0}
                max={600}
                value={r.minutes}
                aria-label={f.rowMinutes(i + 1)}
                data-control="minutes"
                onInput={(e) => {
                  const n = Number(e.currentTarget.value);
                  if (Number.isInteger(n) && n >= 0 && n <= 600) store.setRow(i, { minutes: n });
                }}
              />
            </span>
            <span class="fac-row__actions">
              <button
                type="button"
                class="button"
                aria-label={f.moveUp(i + 1)}
                data-control="up"
                disabled={i === 0}
                onClick={() => move(r.key, -1, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                class="button"
                aria-label={f.moveDown(i + 1)}
                data-control="down"
                disabled={i === rows.length - 1}
                onClick={() => move(r.key, 1, 'down')}
              >
                ↓
              </button>
              <button
                type="button"
                class="button"
                aria-label={f.remove(i + 1)}
                data-control="remove"
                onClick={() => {
                  store.remove(i);
                  setSaid(f.removed(r.label));
                }}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p data-total>{f.total(minutes(totalMinutes(sheet.rows)), clockWithDay(end))}</p>
      <p role="status" class="visually-hidden">
        {said}
      </p>
    </>
  );
}

function PrintAgenda({ store }: { store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  const rows = agenda(sheet, parseClock(sheet.start) ?? 0);
  if (!rows.length) return null;
  return (
    <table class="run-sheet fac-print-only">
      <caption>{sheet.title || f.agenda}</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Min</th>
          <th scope="col">Activity</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} class={r.kind === 'break' ? 'run-sheet__break' : undefined}>
            <td class="run-sheet__time">
              {clockWithDay(r.start)}–{clockWithDay(r.end)}
            </td>
            <td>{r.minutes}</td>
            <td>{r.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PrintAndMaterials({ data, store }: { data: BuilderData; store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  const items = printList(sheet, data.worksheets);
  const materials = materialsList(sheet, data.worksheets);
  return (
    <div class="fac-lists">
      <section class="fac-panel" aria-labelledby="fac-print-title">
        <h2 id="fac-print-title">{f.toPrint}</h2>
        {items.length ? (
          <>
            <p>{f.toPrintIntro(sheet.groupSize)}</p>
            <ul data-print-list>
              {items.map((it) => {
                const ws = data.worksheets.find((w) => w.id === it.worksheet)!;
                return (
                  <li key={it.worksheet}>
                    <a href={ws.href}>{it.title}</a>: {f.copies(it.copies)} (<a href={ws.printHref}>{f.blankCopy}</a>)
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p>{f.nothingToPrint}</p>
        )}
      </section>
      <section class="fac-panel" aria-labelledby="fac-materials-title">
        <h2 id="fac-materials-title">{f.materials}</h2>
        {materials.length ? (
          <ul data-materials>
            {materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : (
          <p>{f.noMaterials}</p>
        )}
      </section>
    </div>
  );
}

function Actions({ store }: { store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  const [undo, setUndo] = useState<(() => void) | null>(null);
  return (
    <div class="ws-actions fac-screen-only">
      <button type="button" class="button button--primary" disabled={!sheet.rows.length} onClick={() => store.startRun()} data-start-run>
        {f.startRun}
      </button>{' '}
      <button type="button" class="button" disabled={!sheet.rows.length} onClick={() => window.print()}>
        {f.print}
      </button>{' '}
      <button
        type="button"
        class="button button--danger"
        disabled={!sheet.rows.length}
        onClick={() => {
          setUndo(() => store.clear());
        }}
      >
        {f.clear}
      </button>
      <p role="status" class="fac-status">
        {undo && (
          <>
            {f.cleared}{' '}
            <button
              type="button"
              class="button"
              onClick={() => {
                undo();
                setUndo(null);
              }}
            >
              {f.undo}
            </button>
          </>
        )}
      </p>
    </div>
  );
}

export function RunSheetBuilder({ data, store, requestedPlan }: Props) {
  if (!store) {
    return (
      <div class="fac-builder fac-builder--static">
        <p class="ws-warning" data-warning="no-js">
          The run-sheet builder needs JavaScript, which is off or did not load. Each session plan has its run-sheet written out, and a print
          pack.
        </p>
      </div>
    );
  }
  return <Connected data={data} store={store} requestedPlan={requestedPlan} />;
}

function Connected({ data, store, requestedPlan }: Props & { store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  if (sheet.run) return <RunMode store={store} />;
  return (
    <div class="fac-builder" data-ready="true">
      <div class="fac-screen-only">
        <Notices store={store} />
        <section class="fac-panel" aria-labelledby="fac-setup-title">
          <h2 id="fac-setup-title">Set up the session</h2>
          <PlanChooser data={data} store={store} requestedPlan={requestedPlan} />
          <Fields store={store} />
        </section>
        <section class="fac-panel" aria-labelledby="fac-add-title">
          <h2 id="fac-add-title">Add to the run-sheet</h2>
          <Adders data={data} store={store} />
        </section>
        <section class="fac-panel" aria-labelledby="fac-agenda-title">
          <h2 id="fac-agenda-title">{f.agenda}</h2>
          <Rows store={store} />
        </section>
      </div>
      <PrintAgenda store={store} />
      <PrintAndMaterials data={data} store={store} />
      <Actions store={store} />
    </div>
  );
}
