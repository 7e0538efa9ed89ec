/**
 * The interactive worksheet. Rendered on the server with no store: a readable form whose fields are off and
 * which says that saving needs JavaScript. In the browser, islands/mount.tsx makes that same markup live in
 * place, part by part (`makeLive`): the top (status bar, notices, the live region), each prompt, then the
 * tail (charts, rounds, buttons) and the print copy, each its own Preact root drawn over the server's
 * elements. No element is drawn twice, and the page never swaps one form for another. With a store,
 * `WorksheetForm` draws the same parts in one tree (the tests use it).
 */
import { useStore } from '@nanostores/preact';
import { hydrate, render, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { atom, listenKeys, type MapStore, type ReadableAtom } from 'nanostores';
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
import { RoundsPanel, roundsStoreFor, useRounds } from './Rounds';
import type { Round, RoundsStore } from '../worksheets/rounds';

/** The form's one polite live region. A repeated message is still spoken: each one is a new node. */
export interface Announcer {
  $said: ReadableAtom<{ n: number; message: string }>;
  announce: (message: string) => void;
}

export function createAnnouncer(): Announcer {
  const $said = atom({ n: 0, message: '' });
  return { $said, announce: (message) => $said.set({ n: $said.get().n + 1, message }) };
}

/** What the parts of one form share, whether they are drawn in one tree or each as its own root. */
export interface FormParts {
  ws: Worksheet;
  store: WorksheetStore;
  rounds: RoundsStore | undefined;
  announcer: Announcer;
}

export function formParts(ws: Worksheet, store: WorksheetStore): FormParts {
  return { ws, store, rounds: roundsStoreFor(ws), announcer: createAnnouncer() };
}

/**
 * A store's value, drawn again as soon as it changes (only the given keys, if any), in the same task. (The
 * nanostores hook waits a timeout first: a row just added would then not exist yet when focus moves to it.)
 */
function useNow<T extends object>(store: ReadableAtom<T>, keys?: readonly string[]): T {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const drawn = store.get();
  useLayoutEffect(() => {
    if (store.get() !== drawn) redraw(undefined);
    const on = () => redraw(undefined);
    return keys ? listenKeys(store as unknown as MapStore<Record<string, unknown>>, keys, on) : store.listen(on);
  }, [store, keys?.join('\n')]);
  return drawn;
}

function AnnouncerRegion({ announcer }: { announcer: Announcer }) {
  const said = useNow(announcer.$said);
  return (
    <div class="visually-hidden" aria-live="polite" data-announcer>
      {said.message && <p key={said.n}>{said.message}</p>}
    </div>
  );
}

type PromptProps = {
  parts: FormParts;
  prompt: Prompt;
  /** The prompt's own element (`.ws-prompt`), which holds what this draws. */
  box: { current: HTMLElement | null };
  /**
   * Drawn over the server's copy by `hydrate`: the first render matches that copy exactly (no answer, the
   * field off), so nothing on the page is touched but the listeners; at once the field is switched on and
   * shows its answer, which changes only what differs.
   */
  overServer?: boolean;
};

/** One prompt's field, and the message when another tab saved a different answer to it. */
function PromptBody({ parts: { ws, store }, prompt, box, overServer = false }: PromptProps) {
  const answers = useNow(store.$answers, [prompt.id]);
  const [adopted, adopt] = useState(!overServer);
  useLayoutEffect(() => adopt(true), []);
  const conflicts = useStore(store.$conflicts);
  const other = conflicts[prompt.id];
  const hasConflict = Object.prototype.hasOwnProperty.call(conflicts, prompt.id);
  const focusAfter = useFocusAfter();
  const announce = useContext(Announce);
  // The buttons go with the message: focus moves to the answer itself (its chosen radio, else its first field).
  const resolve = (useTheirs: boolean) => {
    store.resolveConflict(prompt.id, useTheirs);
    focusAfter(
      () =>
        box.current?.querySelector<HTMLElement>('input[type="radio"]:checked') ??
        box.current?.querySelector<HTMLElement>('input, textarea, select'),
    );
    announce(useTheirs ? t.usedTheirs : t.keptMine);
  };
  return (
    <>
      <Field
        prompt={prompt}
        value={adopted ? answers[prompt.id] : undefined}
        onChange={(v) => store.setAnswer(prompt.id, v)}
        uid={ws.id}
        off={!adopted}
      />
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
    </>
  );
}

/**
 * Sets the page's `scroll-padding-top` from the status bar's height, so that a field reached by Tab or
 * Shift+Tab is scrolled clear of the bar, never under it. Where the bar does not stick, worksheet.css sets
 * it to 0 over this value (!important). Written as that property, not as a custom property on the root,
 * which would restyle every element of the page (see worksheet.css).
 */
function useStickyHeight(bar: { current: HTMLElement | null }): void {
  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = el.ownerDocument.documentElement;
    // The observer reports the bar's size once it is laid out, and again on each change: reading it here
    // at once would have the browser lay the page out in the middle of making the form live.
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      const h = box ? box.blockSize : el.getBoundingClientRect().height;
      const value = `calc(${Math.ceil(h)}px + 0.75rem)`;
      if (root.style.scrollPaddingTop !== value) root.style.scrollPaddingTop = value;
    });
    // The border box: the bar's padding and border count too (the default, its content box, misses them).
    observer.observe(el, { box: 'border-box' });
    return () => {
      observer.disconnect();
      root.style.removeProperty('scroll-padding-top');
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
function Rounds({ parts, state }: { parts: FormParts; state: ReturnType<typeof useRounds> }) {
  const answers = useStore(parts.store.$answers);
  if (!parts.rounds || !state) return null;
  return <RoundsPanel ws={parts.ws} store={parts.rounds} state={state} answers={answers} />;
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
 * True from the moment printing starts (`beforeprint`, or print media applied): the print copy (hidden on
 * screen) is drawn only then, so it costs nothing while the page loads or the reader types. A state change
 * in `beforeprint` renders in a microtask, before the browser lays out the printed page.
 */
function usePrinting(): boolean {
  const [on, setOn] = useState(false);
  useLayoutEffect(() => {
    if (on) return;
    const win = window;
    const show = () => setOn(true);
    const print = typeof win.matchMedia === 'function' ? win.matchMedia('print') : undefined;
    if (print?.matches) show();
    win.addEventListener('beforeprint', show);
    print?.addEventListener('change', show);
    return () => {
      win.removeEventListener('beforeprint', show);
      print?.removeEventListener('change', show);
    };
  }, [on]);
  return on;
}

/** The top of the form: the live region and notices about storage. */
function FormTop({ parts }: { parts: FormParts }) {
  return (
    <>
      <AnnouncerRegion announcer={parts.announcer} />
      <Notices store={parts.store} />
    </>
  );
}

/** The sticky status bar, drawn on its own after the top (each a short task). */
function FormStatus({ parts }: { parts: FormParts }) {
  return <Status ws={parts.ws} store={parts.store} />;
}

/** After the prompts: the charts (with the rounds drawn on them). */
function FormCharts({ parts }: { parts: FormParts }) {
  const state = useRounds(parts.ws, parts.rounds);
  return <Charts ws={parts.ws} store={parts.store} rounds={state?.rounds ?? []} />;
}

/** "Save this round" and the saved rounds. */
function FormRounds({ parts }: { parts: FormParts }) {
  const state = useRounds(parts.ws, parts.rounds);
  return <Rounds parts={parts} state={state} />;
}

/** Answers kept from an earlier version, and the buttons; this part (always drawn) also reads in rounds another tab saved. */
function FormEnd({ parts }: { parts: FormParts }) {
  const { ws, store } = parts;
  const state = useRounds(ws, parts.rounds, true);
  return (
    <>
      <Earlier store={store} />
      <div class="ws-actions">
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          {t.print}
        </button>
        <DownloadPdf ws={ws} store={store} rounds={state?.rounds ?? []} />
        <Clear store={store} />
      </div>
    </>
  );
}

/**
 * The parts after the prompts, in page order, each drawn into its own holder. Those marked `near` are drawn
 * once their place comes within a screen's height of the screen (on a phone, the whole form is between them
 * and the top): they are the costliest to draw, and nothing on them can be used before they are seen.
 */
const TAIL = [
  ['charts', FormCharts, { near: true }],
  ['rounds', FormRounds, { near: true }],
  ['end', FormEnd, { near: false }],
] as const;

/**
 * Runs `go` once `el` comes within a screen's height of the screen. Returns a function that stops waiting,
 * or undefined where the browser cannot tell (then nothing waits: draw at once).
 */
function whenNear(el: HTMLElement, go: () => void): (() => void) | undefined {
  const IO = el.ownerDocument.defaultView?.IntersectionObserver;
  if (!IO) return undefined;
  const io = new IO(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      go();
    },
    { rootMargin: '100% 0px' },
  );
  io.observe(el);
  return () => io.disconnect();
}

/**
 * Runs `change` (a part drawn into `el`) so that the focused element, if it comes after `el`, stays where
 * it was on the screen: a reader who tabs to the buttons below the charts brings the charts near, and
 * their drawing would otherwise push the focused button out of sight. Measures only then (a layout).
 */
function keepFocusInPlace(el: HTMLElement, change: () => void): void {
  const doc = el.ownerDocument;
  const focused = doc.activeElement;
  const after =
    focused instanceof HTMLElement &&
    focused !== doc.body &&
    (el.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const before = after ? focused.getBoundingClientRect().top : 0;
  change();
  if (!after) return;
  const moved = focused.getBoundingClientRect().top - before;
  if (moved !== 0) doc.defaultView?.scrollBy(0, moved);
}

/** What the printed page shows instead of the form: the answers, drawn once printing starts. */
function PrintCopy({ parts }: { parts: FormParts }) {
  return usePrinting() ? <PrintCopyNow parts={parts} /> : null;
}

function PrintCopyNow({ parts: { ws, store, rounds } }: { parts: FormParts }) {
  const answers = useStore(store.$answers);
  const earlier = useStore(store.$earlier);
  const state = useRounds(ws, rounds);
  return (
    <>
      <p class="ws-print-copy__title">
        {ws.title}: {t.yourAnswers}
      </p>
      <p class="ws-print-copy__date">{t.printedOn(longDate(new Date()))}</p>
      <AnswersView ws={ws} answers={answers} earlier={earlier} rounds={state?.rounds ?? []} />
    </>
  );
}

/** Each part drawn on its own shares the form's live region. */
const withAnnounce = (parts: FormParts, children: ComponentChildren) => (
  <Announce.Provider value={parts.announcer.announce}>{children}</Announce.Provider>
);

/**
 * The form's markup, the same on the server and in the browser. `live` draws each part; without it (the
 * server) the top says that saving needs JavaScript and the fields are off.
 */
function FormShell({ ws, live }: { ws: Worksheet; live?: { parts: FormParts; prompt: (p: Prompt) => ComponentChildren } | undefined }) {
  return (
    <div
      class={live ? 'ws-form' : 'ws-form ws-form--static'}
      data-ready={live ? 'true' : 'false'}
      onFocusIn={live ? revealFocused : undefined}
    >
      <div class="ws-form__screen">
        <div class="ws-part" data-ws-part="top">
          {live ? (
            <FormTop parts={live.parts} />
          ) : (
            <p class="ws-warning" data-warning="no-js">
              {t.jsNeeded}
            </p>
          )}
        </div>
        <div class="ws-part" data-ws-part="status">
          {live && <FormStatus parts={live.parts} />}
        </div>
        <div class="ws-fields" data-ws-fields>
          {ws.sections.map((s) => (
            <section class="ws-section" key={s.id}>
              <h2 id={`${ws.id}-${s.id}`}>{s.title}</h2>
              {s.intro && <p>{s.intro}</p>}
              {s.prompts.map((p) => (live ? live.prompt(p) : <StaticPrompt ws={ws} prompt={p} key={p.id} />))}
            </section>
          ))}
        </div>
        {TAIL.map(([name, Part, { near }]) => (
          <div class={near ? 'ws-part ws-part--near' : 'ws-part'} data-ws-part={name} key={name}>
            {live && <Part parts={live.parts} />}
          </div>
        ))}
      </div>
      <div class="ws-print-copy" aria-hidden="true" data-ws-part="print">
        {live && <PrintCopy parts={live.parts} />}
      </div>
    </div>
  );
}

/** A prompt as the server draws it: its field switched off until the page's script makes it live. */
function StaticPrompt({ ws, prompt }: { ws: Worksheet; prompt: Prompt }) {
  return (
    <div class="ws-prompt" data-prompt={prompt.id} data-kind={prompt.kind}>
      <Field prompt={prompt} value={undefined} onChange={() => undefined} uid={ws.id} off />
    </div>
  );
}

function LivePrompt({ parts, prompt }: { parts: FormParts; prompt: Prompt }) {
  const box = useRef<HTMLDivElement>(null);
  return (
    <div class="ws-prompt" data-prompt={prompt.id} data-kind={prompt.kind} ref={box}>
      <PromptBody parts={parts} prompt={prompt} box={box} />
    </div>
  );
}

/**
 * The whole worksheet in one tree: with a store, live; without (the server), readable with its fields off.
 * In the browser, islands/mount.tsx does not draw this: it makes the server's markup live with `makeLive`.
 */
export function WorksheetForm({ ws, store }: { ws: Worksheet; store?: WorksheetStore | undefined }) {
  const [parts] = useState(() => (store ? formParts(ws, store) : undefined));
  if (!parts) return <FormShell ws={ws} />;
  return withAnnounce(parts, <FormShell ws={ws} live={{ parts, prompt: (p) => <LivePrompt parts={parts} prompt={p} key={p.id} /> }} />);
}

/**
 * Milliseconds of prompts drawn in one task before the page gets a turn. A phone that is four times slower
 * than a laptop then still answers a tap within a frame or two (a task of over 50 ms is a "long task").
 */
export const STEP_MS = 4;

/** The channel `nextTask` posts to, made once (a new one each time costs more than a small step). */
let channel: { port: MessagePort; queue: (() => void)[] } | undefined;

/**
 * Runs `run` in a task of its own, soon: a message to itself, which the browser runs before timers and
 * which a page clock held by a test (or throttled in a background tab) does not hold up. Returns a cancel.
 */
export function nextTask(run: () => void): () => void {
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const c = { port: port2, queue: [] as (() => void)[] };
    port1.onmessage = () => c.queue.shift()?.();
    channel = c;
  }
  let live = true;
  channel.queue.push(() => {
    if (live) run();
  });
  channel.port.postMessage(null);
  return () => {
    live = false;
  };
}

export interface LiveOptions {
  /** Milliseconds of work per task before the page gets a turn (at least one part or prompt a task). */
  stepMs?: number;
  /** Called once the whole form is live. */
  onReady?: () => void;
  now?: () => number;
  /** Runs a step in a task of its own, and returns a cancel (tests drive the steps by hand). */
  schedule?: (run: () => void) => () => void;
}

/**
 * Makes the server's form (`.ws-form`, drawn by `WorksheetForm` without a store) live, one part a task, the
 * first after the current one: the top (live region, notices), the status bar, the prompts in order (as many
 * a task as fit in `stepMs`), the charts and the rounds (each once it comes near the screen, see `TAIL`), the
 * buttons, then the print copy (drawn when printing starts). Each prompt is hydrated over the server's
 * elements, which keep their place (nothing is drawn twice), and is switched on as soon as it is live. Once
 * the buttons are in, `data-ready` becomes "true" (the charts and rounds may still be waiting to be seen).
 * Returns a function that stops the steps still to come.
 */
export function makeLive(form: HTMLElement, parts: FormParts, options: LiveOptions = {}): () => void {
  const { stepMs = STEP_MS, onReady, now = () => performance.now(), schedule = nextTask } = options;
  const part = (name: string) => form.querySelector<HTMLElement>(`[data-ws-part="${name}"]`);
  // Only the top holds something of the server's (the notice that saving needs JavaScript): it goes first,
  // since a root drawn over elements it does not match leaves them in place.
  const draw = (name: string, node: ComponentChildren, el = part(name)) => {
    if (!el) return;
    el.replaceChildren();
    render(withAnnounce(parts, node), el);
  };
  const byId = new Map(allPrompts(parts.ws).map((p) => [p.id, p]));
  /** Cancels of the parts waiting to come near the screen. */
  const waiting: (() => void)[] = [];
  const boxes = [...form.querySelectorAll<HTMLElement>('.ws-prompt[data-prompt]')];
  form.addEventListener('focusin', revealFocused);
  let i = 0;
  /** Each job draws one part; the prompts' job draws prompts until the task's time is up, and says when all are. */
  const jobs: ((until: number) => boolean)[] = [
    () => (draw('top', <FormTop parts={parts} />), true),
    () => (draw('status', <FormStatus parts={parts} />), true),
    (until) => {
      // Another prompt only if it would likely fit: about as long as the last one took.
      let took = 0;
      do {
        const started = now();
        const box = boxes[i++];
        const prompt = byId.get(box?.getAttribute('data-prompt') ?? '');
        // Hydration keeps the server's attributes, so a field whose rows get new keys in the browser (a
        // table, a ranked list: `data-key`) is drawn over the server's copy with its attributes compared.
        const over = prompt?.kind === 'table' || prompt?.kind === 'ranked' ? render : hydrate;
        if (box && prompt) over(withAnnounce(parts, <PromptBody parts={parts} prompt={prompt} box={{ current: box }} overServer />), box);
        took = now() - started;
      } while (i < boxes.length && now() + took < until);
      return i >= boxes.length;
    },
    ...TAIL.map(([name, Part, { near }]) => () => {
      const el = part(name);
      const stop =
        near && el
          ? whenNear(el, () =>
              waiting.push(
                schedule(() =>
                  keepFocusInPlace(el, () => {
                    draw(name, <Part parts={parts} />, el);
                    el.setAttribute('data-drawn', 'true');
                  }),
                ),
              ),
            )
          : undefined;
      if (stop) waiting.push(stop);
      else draw(name, <Part parts={parts} />, el);
      return true;
    }),
    () => {
      form.classList.remove('ws-form--static');
      form.setAttribute('data-ready', 'true');
      onReady?.();
      return true;
    },
    () => {
      const print = part('print');
      if (print) render(<PrintCopy parts={parts} />, print);
      return true;
    },
  ];
  let j = 0;
  let cancel = () => {};
  const run = () => {
    if (jobs[j]!(now() + stepMs)) j++;
    if (j < jobs.length) cancel = schedule(run);
  };
  cancel = schedule(run);
  return () => {
    cancel();
    for (const stop of waiting) stop();
  };
}
