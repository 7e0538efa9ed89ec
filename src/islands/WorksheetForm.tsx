/**
 * The interactive worksheet. Rendered on the server with no store (a readable form that says saving
 * needs JavaScript), then mounted in the browser with a store by islands/mount.tsx.
 */
import { useStore } from '@nanostores/preact';
import { Component } from 'preact';
import { useCallback, useContext, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { listenKeys } from 'nanostores';
import type { Prompt, Worksheet } from '../worksheets/schema';
import { allPrompts } from '../worksheets/prompts';
import { progress } from '../worksheets/answers';
import { displayAnswer, displayText } from '../worksheets/kinds';
import type { WorksheetStore } from '../stores/worksheet';
import { clockTime, longDate, t } from '../lib/strings';
import { Announce, Field, useFocusAfter } from './Prompts';
import { ChartView } from './Charts';
import { PdfButton } from './PdfButton';
import { AnswersView } from './AnswersView';
import { worksheetDocument } from '../worksheets/document';
import { downloadPdf } from '../client/pdf-loader';
import { RoundsPanel, useRounds } from './Rounds';
import type { Round } from '../worksheets/rounds';

interface Props {
  ws: Worksheet;
  store?: WorksheetStore | undefined;
  /**
   * Given (islands/mount.tsx does), the form is drawn a few prompts per task rather than in one long task
   * that would hold up the page, and this is called once the whole form is drawn.
   */
  onReady?: (() => void) | undefined;
}

type FieldBlockProps = { ws: Worksheet; prompt: Prompt; store: WorksheetStore };

/**
 * The answers, drawn again as soon as this prompt's answer changes, in the same task. (The nanostores hook
 * waits a timeout first: a row just added would then not exist yet when focus moves to it.)
 */
function usePromptAnswers(store: WorksheetStore, id: string) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const drawn = store.$answers.get();
  useLayoutEffect(() => {
    if (store.$answers.get() !== drawn) redraw(undefined);
    return listenKeys(store.$answers, [id], () => redraw(undefined));
  }, [store, id]);
  return drawn;
}

function ConnectedField({ ws, prompt, store }: FieldBlockProps) {
  const answers = usePromptAnswers(store, prompt.id);
  const conflicts = useStore(store.$conflicts);
  const other = conflicts[prompt.id];
  const hasConflict = Object.prototype.hasOwnProperty.call(conflicts, prompt.id);
  const block = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfter();
  const announce = useContext(Announce);
  // The buttons go with the message: focus moves to the answer itself (its chosen radio, else its first field).
  const resolve = (useTheirs: boolean) => {
    store.resolveConflict(prompt.id, useTheirs);
    focusAfter(
      () =>
        block.current?.querySelector<HTMLElement>('input[type="radio"]:checked') ??
        block.current?.querySelector<HTMLElement>('input, textarea, select'),
    );
    announce(useTheirs ? t.usedTheirs : t.keptMine);
  };
  return (
    <div class="ws-prompt" data-prompt={prompt.id} data-kind={prompt.kind} ref={block}>
      <Field prompt={prompt} value={answers[prompt.id]} onChange={(v) => store.setAnswer(prompt.id, v)} uid={ws.id} />
      {hasConflict && (
        <div class="ws-conflict" role="alert">
          <p>{t.conflict}</p>
          <blockquote class="ws-conflict__theirs">{displayText(displayAnswer(prompt, other), t.noAnswer)}</blockquote>
          <button type="button" class="button" onClick={() => resolve(true)}>
            {t.useTheirs}
          </button>{' '}
          <button type="button" class="button" onClick={() => resolve(false)}>
            {t.keepMine}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * A prompt that the form's own renders pass by: its props never change (the store drives what it shows),
 * so a new step of the form or an announcement does not draw the prompts already there again.
 */
class StableField extends Component<FieldBlockProps> {
  override shouldComponentUpdate(next: FieldBlockProps): boolean {
    return next.ws !== this.props.ws || next.prompt !== this.props.prompt || next.store !== this.props.store;
  }
  override render() {
    return <ConnectedField {...this.props} />;
  }
}

/** Prompts drawn in each step of a form drawn in steps (about 10 ms of work a step on a fast phone). */
const STEP = 3;

/**
 * Runs `run` in a task of its own, soon: a message to itself, which the browser runs before timers and
 * which a page clock held by a test (or throttled in a background tab) does not hold up. Returns a cancel.
 */
function nextTask(run: () => void): () => void {
  const { port1, port2 } = new MessageChannel();
  let live = true;
  port1.onmessage = () => {
    port1.close();
    if (live) run();
  };
  port2.postMessage(null);
  return () => {
    live = false;
    port1.close();
  };
}

/**
 * How far the form is drawn: `upTo` prompts, then, once `whole`, the charts, rounds and buttons too.
 * Each step is its own task (see nextTask), so the page stays responsive while a long form is drawn. Without
 * steps everything is drawn at once.
 */
function useSteps(total: number, stepped: boolean): { upTo: number; whole: boolean } {
  const [n, setN] = useState(stepped ? Math.min(STEP, total) : total + 1);
  // A layout effect, not a paint-bound one: the next step is queued as soon as this one is committed.
  useLayoutEffect(() => {
    if (n > total) return;
    return nextTask(() => setN((m) => (m >= total ? total + 1 : Math.min(m + STEP, total))));
  }, [n, total]);
  return { upTo: n, whole: n > total };
}

/**
 * Publishes the status bar's height as `--ws-status-h` on the page, which sets `scroll-padding-top` (see
 * worksheet.css): a field reached by Tab or Shift+Tab is scrolled clear of the bar, never under it.
 */
function useStickyHeight(bar: { current: HTMLElement | null }): void {
  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = el.ownerDocument.documentElement;
    const update = () => root.style.setProperty('--ws-status-h', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    const observer = new ResizeObserver(update);
    observer.observe(el);
    update();
    return () => {
      observer.disconnect();
      root.style.removeProperty('--ws-status-h');
    };
  }, [bar]);
}

function Status({ ws, store }: { ws: Worksheet; store: WorksheetStore }) {
  const answers = useStore(store.$answers);
  const save = useStore(store.$save);
  const { answered, total } = progress(ws, answers);
  const text =
    save.kind === 'saved'
      ? t.saved(clockTime(save.at))
      : save.kind === 'pending'
        ? t.saving
        : save.kind === 'quota'
          ? ''
          : save.kind === 'memory'
            ? ''
            : t.notSavedYet;
  const bar = useRef<HTMLDivElement>(null);
  useStickyHeight(bar);
  return (
    <>
      <div class="ws-status" ref={bar}>
        <div class="ws-progress">
          <progress max={total} value={answered} aria-label={t.progress(answered, total)} />
          <span>{t.progress(answered, total)}</span>
        </div>
        <p class="ws-saved" role="status" data-save-state={save.kind}>
          {text}
        </p>
      </div>
      {/* Outside the sticky bar, which must stay short enough never to hide the field being filled in. */}
      {save.kind === 'quota' && (
        <p class="ws-warning" role="alert" data-warning="quota">
          {t.quota}
        </p>
      )}
    </>
  );
}

function Notices({ store }: { store: WorksheetStore }) {
  const notices = useStore(store.$notices);
  return (
    <>
      {notices.map((n) => (
        <p class="ws-warning" role="alert" data-warning={n.kind} key={n.kind}>
          {n.kind === 'quarantined'
            ? t.quarantined(n.detail ?? '')
            : n.kind === 'unavailable'
              ? t.unavailable
              : n.kind === 'too-new'
                ? t.tooNew
                : n.kind === 'blocked'
                  ? t.blocked
                  : t.clearedElsewhere}
        </p>
      ))}
    </>
  );
}

function Earlier({ store }: { store: WorksheetStore }) {
  const earlier = useStore(store.$earlier);
  if (!earlier.length) return null;
  return (
    <section class="ws-earlier" aria-labelledby="ws-earlier-title">
      <h2 id="ws-earlier-title">{t.earlierTitle}</h2>
      <p>{t.earlierIntro}</p>
      {earlier.map((e, i) => (
        <div class="ws-earlier__item" key={`${e.id}-${i}`}>
          <p class="ws-answers__q">{e.id}</p>
          <p class="ws-answer">{e.text}</p>
        </div>
      ))}
      <button type="button" class="button" onClick={() => store.dismissEarlier()}>
        {t.earlierDismiss}
      </button>
    </section>
  );
}

function Charts({ ws, store, rounds }: { ws: Worksheet; store: WorksheetStore; rounds: readonly Round[] }) {
  const answers = useStore(store.$answers);
  return (
    <>
      {ws.charts.map((c) => (
        <ChartView ws={ws} chart={c} answers={answers} key={c.id} rounds={rounds} />
      ))}
    </>
  );
}

/** "Save this round" and the saved rounds, on worksheets that keep them. */
function Rounds({ ws, store, rounds }: { ws: Worksheet; store: WorksheetStore; rounds: ReturnType<typeof useRounds> }) {
  const answers = useStore(store.$answers);
  if (!rounds.store || !rounds.state) return null;
  return <RoundsPanel ws={ws} store={rounds.store} state={rounds.state} answers={answers} />;
}

/**
 * Clear this worksheet, with a confirmation and an Undo. Focus always lands somewhere sensible: the
 * question when it appears, Undo once cleared, and back on "Clear this worksheet" after Undo or Cancel.
 */
function Clear({ store }: { store: WorksheetStore }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'cleared' | 'restored'>('idle');
  const [undo, setUndo] = useState<(() => void) | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfter();
  const announce = useContext(Announce);
  const go = (next: typeof step, focus: string, message: string) => {
    setStep(next);
    focusAfter(() => root.current?.querySelector<HTMLElement>(`[data-clear="${focus}"]`));
    announce(message);
  };
  return (
    <div class="ws-clear" ref={root}>
      {step === 'confirm' ? (
        <div role="group" aria-label={t.clear}>
          <p tabIndex={-1} data-clear="question">
            {t.clearConfirm}
          </p>
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              setUndo(() => store.clearAll());
              go('cleared', 'undo', t.cleared);
            }}
          >
            {t.clearYes}
          </button>{' '}
          <button type="button" class="button" onClick={() => go('idle', 'start', t.clearCancelled)}>
            {t.cancel}
          </button>
        </div>
      ) : (
        <button type="button" class="button button--danger" data-clear="start" onClick={() => go('confirm', 'question', t.clearConfirm)}>
          {t.clear}
        </button>
      )}
      <p class="ws-clear__status">
        {step === 'cleared' && (
          <>
            {t.cleared}{' '}
            <button
              type="button"
              class="button"
              data-clear="undo"
              onClick={() => {
                undo?.();
                setUndo(null);
                go('restored', 'start', t.restored);
              }}
            >
              {t.undo}
            </button>
          </>
        )}
        {step === 'restored' && t.restored}
      </p>
    </div>
  );
}

/** "Download PDF": builds the document from the stored answers, loads the PDF engine on first use, saves the file. */
function DownloadPdf({ ws, store, rounds }: { ws: Worksheet; store: WorksheetStore; rounds: readonly Round[] }) {
  return (
    <PdfButton
      label={t.downloadPdf}
      action="download-pdf"
      make={() => downloadPdf([worksheetDocument(ws, store.$answers.get(), { earlier: store.$earlier.get(), rounds })], { id: ws.id })}
    />
  );
}

/**
 * Brings the whole of a focused control into view. On focus Chromium scrolls only until part of a
 * control shows: a cell can stay half outside its table's scroll box, or a tall field have its middle
 * below the fold. The page's scroll-padding-top keeps what is revealed clear of the status bar.
 */
function revealFocused(e: FocusEvent): void {
  const el = e.target;
  if (!(el instanceof HTMLElement) || !el.matches('input, select, textarea, button')) return;
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  const r = el.getBoundingClientRect();
  const top = parseFloat(view.getComputedStyle(doc.documentElement).scrollPaddingTop) || 0;
  const box = el.closest('.ws-table__scroll')?.getBoundingClientRect();
  const left = Math.max(0, box?.left ?? 0);
  const right = Math.min(doc.documentElement.clientWidth, box?.right ?? Infinity);
  if (r.top < top || r.bottom > view.innerHeight || r.left < left - 1 || r.right > right + 1)
    el.scrollIntoView({ block: r.height > view.innerHeight - top ? 'center' : 'nearest', inline: 'nearest' });
}

/**
 * The form's one polite live region. A repeated message is still spoken: each one replaces the last
 * as a new node.
 */
function useAnnouncer(): [(message: string) => void, preact.JSX.Element] {
  const [said, setSaid] = useState<{ n: number; message: string }>({ n: 0, message: '' });
  const announce = useCallback((message: string) => setSaid((s) => ({ n: s.n + 1, message })), []);
  const region = (
    <div class="visually-hidden" aria-live="polite" data-announcer>
      {said.message && <p key={said.n}>{said.message}</p>}
    </div>
  );
  return [announce, region];
}

/**
 * True once the page is idle after the form's first render, or as soon as printing starts: the print
 * copy (hidden on screen) is then drawn, so it adds nothing to the work before the form can be used.
 * A state change in `beforeprint` renders in a microtask, before the browser lays out the printed page.
 */
function useIdleOrPrint(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (on) return;
    const win = window;
    const show = () => setOn(true);
    const idle = typeof win.requestIdleCallback === 'function';
    const id = idle ? win.requestIdleCallback(show, { timeout: 1500 }) : win.setTimeout(show, 200);
    const print = typeof win.matchMedia === 'function' ? win.matchMedia('print') : undefined;
    win.addEventListener('beforeprint', show);
    print?.addEventListener('change', show);
    return () => {
      if (idle) win.cancelIdleCallback(id);
      else win.clearTimeout(id);
      win.removeEventListener('beforeprint', show);
      print?.removeEventListener('change', show);
    };
  }, [on]);
  return on;
}

type PrintCopyProps = { ws: Worksheet; store: WorksheetStore; rounds: readonly Round[] };

function PrintCopy(props: PrintCopyProps) {
  return useIdleOrPrint() ? <PrintCopyNow {...props} /> : <div class="ws-print-copy" aria-hidden="true" />;
}

function PrintCopyNow({ ws, store, rounds }: PrintCopyProps) {
  const answers = useStore(store.$answers);
  const earlier = useStore(store.$earlier);
  return (
    <div class="ws-print-copy" aria-hidden="true">
      <p class="ws-print-copy__title">
        {ws.title}: {t.yourAnswers}
      </p>
      <p class="ws-print-copy__date">{t.printedOn(longDate(new Date()))}</p>
      <AnswersView ws={ws} answers={answers} earlier={earlier} rounds={rounds} />
    </div>
  );
}

export function WorksheetForm({ ws, store, onReady }: Props) {
  if (!store) {
    // Server rendering: the questions are readable, the fields are off until the form is mounted, and the
    // page says that saving needs JavaScript.
    return (
      <div class="ws-form ws-form--static">
        <p class="ws-warning" data-warning="no-js">
          {t.jsNeeded}
        </p>
        {/* Disabled as a whole: nothing can be typed here that would then be lost. */}
        <fieldset class="ws-static-fields" disabled>
          <legend class="visually-hidden">{t.staticLegend}</legend>
          {ws.sections.map((s) => (
            <section class="ws-section" key={s.id}>
              <h2 id={`${ws.id}-${s.id}`}>{s.title}</h2>
              {s.intro && <p>{s.intro}</p>}
              {s.prompts.map((p) => (
                <div class="ws-prompt" data-prompt={p.id} data-kind={p.kind} key={p.id}>
                  <Field prompt={p} value={undefined} onChange={() => undefined} uid={ws.id} />
                </div>
              ))}
            </section>
          ))}
        </fieldset>
      </div>
    );
  }
  return <ConnectedForm ws={ws} store={store} onReady={onReady} />;
}

function ConnectedForm({ ws, store, onReady }: { ws: Worksheet; store: WorksheetStore; onReady?: (() => void) | undefined }) {
  const [announce, region] = useAnnouncer();
  const rounds = useRounds(ws);
  const saved = rounds.state?.rounds ?? [];
  const total = allPrompts(ws).length;
  const { upTo, whole } = useSteps(total, Boolean(onReady));
  // `data-ready` says the form is whole and in place: set after onReady has put it there.
  const [placed, setPlaced] = useState(!onReady);
  useLayoutEffect(() => {
    if (!whole || placed) return;
    onReady?.();
    setPlaced(true);
  }, [whole, placed, onReady]);
  let drawn = 0;
  return (
    <Announce.Provider value={announce}>
      <div class="ws-form" data-ready={whole && placed ? 'true' : 'false'}>
        <div class="ws-form__screen" onFocusIn={revealFocused}>
          {region}
          <Notices store={store} />
          <Status ws={ws} store={store} />
          {ws.sections.map((s) => (
            <section class="ws-section" key={s.id}>
              <h2 id={`${ws.id}-${s.id}`}>{s.title}</h2>
              {s.intro && <p>{s.intro}</p>}
              {s.prompts.map((p) => (drawn++ < upTo ? <StableField ws={ws} prompt={p} store={store} key={p.id} /> : null))}
            </section>
          ))}
          {whole && (
            <>
              <Charts ws={ws} store={store} rounds={saved} />
              <Rounds ws={ws} store={store} rounds={rounds} />
              <Earlier store={store} />
              <div class="ws-actions">
                <button type="button" class="button button--primary" onClick={() => window.print()}>
                  {t.print}
                </button>
                <DownloadPdf ws={ws} store={store} rounds={saved} />
                <Clear store={store} />
              </div>
            </>
          )}
        </div>
        {whole && <PrintCopy ws={ws} store={store} rounds={saved} />}
      </div>
    </Announce.Provider>
  );
}
