/**
 * The workbook: every worksheet with its state, and the reader's tools for their answers (export a backup,
 * import one with a preview, put back the answers from before an import, download data set aside as
 * unreadable, ask the browser to keep the answers, delete everything).
 *
 * The list of worksheets and its links are rendered on the server (src/pages/workbook.astro), so every address
 * is made by the URL module and also works in the copy opened from disk; this code fills in each row's state
 * and buttons and draws the tools. Storage is read through the side-effect-free `read` / `list`.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { KEYS } from '../lib/storage-keys';
import { longDate, t, w } from '../lib/strings';
import { progress } from '../worksheets/answers';
import type { Worksheet } from '../worksheets/schema';
import { browserStorage, createWorksheetStorage, type WorksheetStorage } from '../worksheets/storage';
import {
  MAX_BACKUP_BYTES,
  applyImport,
  backupFileName,
  deleteEverything,
  exportBackup,
  parseBackup,
  planImport,
  type Backup,
  type PlannedChange,
} from '../workbook/backup';
import { exportReminder, markExported } from '../workbook/reminder';
import { AnswersView } from './AnswersView';
import { PdfButton } from './PdfButton';
import { worksheetDocument } from '../worksheets/document';
import { createRoundsStorage, type Round } from '../worksheets/rounds';
import { downloadPdf, saveFile } from '../client/pdf-loader';

export interface WorkbookProps {
  defs: Worksheet[];
  guideVersion: string;
  /** True when the page was opened from disk (file://), where some browser features do not exist. */
  fromDisk: boolean;
}

export type WorksheetState =
  | { kind: 'not-started' }
  | { kind: 'in-progress'; answered: number; total: number; updated: string }
  | { kind: 'complete'; total: number; updated: string }
  | { kind: 'unreadable' }
  | { kind: 'too-new' };

/** The state of each worksheet, from storage, without side effects. */
export function worksheetStates(storage: WorksheetStorage, defs: readonly Worksheet[]): Map<string, WorksheetState> {
  const out = new Map<string, WorksheetState>();
  for (const ws of defs) {
    const read = storage.read(ws).current;
    if (read.state === 'unreadable') out.set(ws.id, { kind: 'unreadable' });
    else if (read.state === 'too-new') out.set(ws.id, { kind: 'too-new' });
    else if (read.state !== 'ok') out.set(ws.id, { kind: 'not-started' });
    else {
      const { answered, total } = progress(ws, read.record.answers);
      out.set(
        ws.id,
        answered === 0
          ? { kind: 'not-started' }
          : answered === total
            ? { kind: 'complete', total, updated: read.record.updated }
            : { kind: 'in-progress', answered, total, updated: read.record.updated },
      );
    }
  }
  return out;
}

/** Saves text as a file, the way the PDF export saves its files. */
function download(name: string, text: string, type = 'application/json'): void {
  saveFile(new Blob([text], { type }), name);
}

const when = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';

function stateText(s: WorksheetState | undefined): string {
  if (!s || s.kind === 'not-started') return w.notStarted;
  if (s.kind === 'unreadable') return w.unreadable;
  if (s.kind === 'too-new') return w.tooNew;
  if (s.kind === 'complete') return w.complete(s.total);
  return w.inProgress(s.answered, s.total);
}

/** The readable saved rounds of a worksheet (read without side effects). */
function savedRounds(ws: Worksheet): Round[] {
  const r = createRoundsStorage(browserStorage).read(ws);
  return r.state === 'ok' ? r.rounds : [];
}

/** Prints the answers of one worksheet, or of all started ones, from the document model. */
function printAnswers(defs: Worksheet[], storage: WorksheetStorage, ids: string[]): void {
  const area = document.querySelector<HTMLElement>('[data-workbook-print]');
  if (!area) return;
  const items = defs
    .filter((ws) => ids.includes(ws.id))
    .flatMap((ws) => {
      const read = storage.read(ws).current;
      return read.state === 'ok' ? [{ ws, record: read.record }] : [];
    });
  render(
    <>
      {items.map(({ ws, record }) => (
        <section class="workbook-print__sheet" key={ws.id}>
          <h2>{ws.title}</h2>
          <p>{t.printedOn(longDate(new Date()))}</p>
          <AnswersView ws={ws} answers={record.answers} earlier={record.earlier} rounds={savedRounds(ws)} />
        </section>
      ))}
    </>,
    area,
  );
  window.print();
}

/** Documents of the given worksheets that have answers, in the workbook's order. */
function startedDocs(defs: Worksheet[], storage: WorksheetStorage, ids: string[]) {
  return defs
    .filter((ws) => ids.includes(ws.id))
    .flatMap((ws) => {
      const read = storage.read(ws).current;
      return read.state === 'ok' && Object.keys(read.record.answers).length
        ? [worksheetDocument(ws, read.record.answers, { earlier: read.record.earlier, rounds: savedRounds(ws) })]
        : [];
    });
}

function RowStatus({ state }: { state: WorksheetState | undefined }) {
  const updated = state && 'updated' in state ? state.updated : undefined;
  return (
    <>
      <span class={`workbook-state workbook-state--${state?.kind ?? 'not-started'}`}>{stateText(state)}</span>
      {updated && <span class="workbook-updated">{w.changed(when(updated))}</span>}
    </>
  );
}

function RowActions({
  id,
  title,
  started,
  onPrint,
  onPdf,
}: {
  id: string;
  title: string;
  started: boolean;
  onPrint: (id: string) => void;
  onPdf: (id: string) => Promise<string>;
}) {
  if (!started) return null;
  return (
    <>
      <button type="button" class="button" onClick={() => onPrint(id)}>
        {w.print}
        <span class="visually-hidden"> {title}</span>
      </button>{' '}
      <PdfButton label={t.downloadPdf} hidden={title} action="pdf" inline make={() => onPdf(id)} />
    </>
  );
}

type ImportStep =
  | { step: 'idle' }
  | { step: 'error'; message: string }
  | { step: 'preview'; backup: Backup; plan: PlannedChange[]; migrated: boolean; fileName: string }
  | { step: 'done'; count: number; rounds: number; runSheet: boolean }
  | { step: 'restored' };

function Tools({ defs, guideVersion, fromDisk, storage, refresh }: WorkbookProps & { storage: WorksheetStorage; refresh: () => void }) {
  const [imp, setImp] = useState<ImportStep>({ step: 'idle' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [status, setStatus] = useState('');
  const [persist, setPersist] = useState<'unknown' | 'granted' | 'denied' | 'unsupported'>('unknown');
  const [version, setVersion] = useState(0);
  const bump = () => {
    setVersion((v) => v + 1);
    refresh();
  };
  const fileInput = useRef<HTMLInputElement>(null);
  const message = useRef<HTMLDivElement>(null);
  const reminder = useMemo(() => exportReminder(browserStorage, Date.now()), [version]);
  const keys = useMemo(() => storage.keys(), [version]);
  const safety = useMemo(() => {
    try {
      return window.localStorage.getItem(KEYS.safetyCopy);
    } catch {
      return null;
    }
  }, [version]);
  const canPersist = !fromDisk && typeof navigator !== 'undefined' && !!navigator.storage?.persist;

  useEffect(() => {
    if (!canPersist) return;
    void navigator.storage.persisted().then((p) => setPersist(p ? 'granted' : 'unknown'));
  }, []);
  useEffect(() => {
    if (imp.step !== 'idle') message.current?.focus();
  }, [imp.step]);

  function onExport() {
    const now = new Date();
    const backup = exportBackup(storage, defs, now, guideVersion);
    download(backupFileName(now), JSON.stringify(backup, null, 2));
    markExported(browserStorage, now);
    setStatus(w.exported(backup.worksheets.length));
    bump();
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      setImp({ step: 'error', message: w.tooLarge((file.size / 1024 / 1024).toFixed(1)) });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = parseBackup(bytes, defs);
    if (!result.ok) setImp({ step: 'error', message: result.error });
    else
      setImp({
        step: 'preview',
        backup: result.backup,
        plan: planImport(storage, defs, result.backup),
        migrated: result.migrated,
        fileName: file.name,
      });
  }

  function onConfirm(backup: Backup) {
    const result = applyImport(browserStorage, storage, defs, backup, new Date(), guideVersion);
    if (!result.ok) setImp({ step: 'error', message: result.error });
    else setImp({ step: 'done', count: result.written.length, rounds: result.rounds.length, runSheet: result.runSheet });
    bump();
  }

  function onRestore() {
    if (!safety) return;
    const result = parseBackup(new TextEncoder().encode(safety), defs);
    if (!result.ok) {
      setImp({ step: 'error', message: result.error });
      return;
    }
    const applied = applyImport(browserStorage, storage, defs, result.backup, new Date(), guideVersion);
    setImp(applied.ok ? { step: 'restored' } : { step: 'error', message: applied.error });
    bump();
  }

  function onDelete() {
    const n = deleteEverything(browserStorage);
    setConfirmDelete(false);
    setStatus(w.deleted(n));
    bump();
  }

  async function onPersist() {
    try {
      setPersist((await navigator.storage.persist()) ? 'granted' : 'denied');
    } catch {
      setPersist('denied');
    }
  }

  return (
    <div class="workbook-tools">
      <p class="workbook-status" role="status">
        {status}
      </p>
      {reminder.due && (
        <p class="workbook-reminder" data-reminder>
          {reminder.lastExport ? w.remindSince(when(reminder.lastExport)) : w.remindNever}
        </p>
      )}

      <section aria-labelledby="wb-backup">
        <h2 id="wb-backup">{w.backupTitle}</h2>
        <p>{w.backupIntro}</p>
        <p class="workbook-last-export">{reminder.lastExport ? w.lastExport(when(reminder.lastExport)) : w.neverExported}</p>
        <p class="workbook-buttons">
          <button type="button" class="button button--primary" onClick={onExport} data-action="export">
            {w.export}
          </button>{' '}
          <button type="button" class="button" onClick={() => fileInput.current?.click()} data-action="import">
            {w.import}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-import-file
            onChange={(e) => {
              const input = e.currentTarget;
              void onFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </p>
        <div
          class="workbook-drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            void onFile(e.dataTransfer?.files?.[0]);
          }}
        >
          {w.drop}
        </div>
        <div ref={message} tabIndex={-1} class="workbook-import" data-import-step={imp.step}>
          {imp.step === 'error' && (
            <div class="ws-warning" role="alert" data-import-error>
              <p>{imp.message}</p>
              <p>{w.nothingChanged}</p>
            </div>
          )}
          {imp.step === 'preview' && (
            <div class="workbook-preview" role="region" aria-label={w.previewTitle}>
              <h3>{w.previewTitle}</h3>
              <p>{w.previewIntro(imp.fileName, when(imp.backup.exported), imp.backup.guide.version)}</p>
              {imp.migrated && <p>{w.migrated}</p>}
              <div class="table-wrap">
                <table class="workbook-preview__table">
                  <caption class="visually-hidden">{w.previewTitle}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{w.colWorksheet}</th>
                      <th scope="col">{w.colChange}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {imp.plan.map((c) => (
                      <tr key={c.id} data-change={c.change} data-local-newer={c.localNewer ? 'true' : undefined}>
                        <th scope="row">{c.title}</th>
                        <td>
                          {(c.what === 'rounds' ? w.changeRounds : c.what === 'run-sheet' ? w.changeRunSheet : w.change)[c.change]}
                          {c.localNewer && (
                            <strong class="workbook-newer"> {w.localNewer(when(c.localUpdated), when(c.fileUpdated))}</strong>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>{w.safetyNote}</p>
              <p class="workbook-buttons">
                <button type="button" class="button button--primary" onClick={() => onConfirm(imp.backup)} data-action="confirm-import">
                  {w.confirmImport}
                </button>{' '}
                <button type="button" class="button" onClick={() => setImp({ step: 'idle' })}>
                  {t.cancel}
                </button>
              </p>
            </div>
          )}
          {imp.step === 'done' && (
            <p role="status" data-import-done>
              {w.imported(imp.count, imp.rounds, imp.runSheet)}
            </p>
          )}
          {imp.step === 'restored' && <p role="status">{w.restored}</p>}
        </div>
        {safety && imp.step !== 'preview' && (
          <p>
            <button type="button" class="button" onClick={onRestore} data-action="restore">
              {w.restore}
            </button>
          </p>
        )}
      </section>

      {keys.quarantined.length > 0 && (
        <section aria-labelledby="wb-quarantine">
          <h2 id="wb-quarantine">{w.quarantineTitle}</h2>
          <p>{w.quarantineIntro}</p>
          <ul>
            {keys.quarantined.map((q) => (
              <li key={q.key} data-set-aside={q.what}>
                {q.what === 'run-sheet'
                  ? w.runSheetSetAside
                  : q.what === 'rounds'
                    ? w.quarantineRounds(defs.find((d) => d.id === q.id)?.title ?? q.id)
                    : (defs.find((d) => d.id === q.id)?.title ?? q.id)}
                , {when(new Date(q.at).toISOString())}{' '}
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    const raw = window.localStorage.getItem(q.key) ?? '';
                    download(
                      `field-guide-unreadable-${q.what === 'run-sheet' ? 'run-sheet' : q.what === 'rounds' ? `rounds-${q.id}` : q.id}-${q.at}.txt`,
                      raw,
                      'text/plain',
                    );
                  }}
                >
                  {w.downloadRaw}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="wb-keep">
        <h2 id="wb-keep">{w.keepTitle}</h2>
        {canPersist ? (
          <>
            <p>{w.keepIntro}</p>
            {persist === 'granted' ? (
              <p role="status">{w.keepGranted}</p>
            ) : (
              <p>
                <button type="button" class="button" onClick={() => void onPersist()}>
                  {w.keepAsk}
                </button>{' '}
                <span role="status">{persist === 'denied' ? w.keepDenied : ''}</span>
              </p>
            )}
          </>
        ) : (
          <p>{fromDisk ? w.keepFromDisk : w.keepUnsupported}</p>
        )}
      </section>

      <section aria-labelledby="wb-delete">
        <h2 id="wb-delete">{w.deleteTitle}</h2>
        <p>{w.deleteIntro}</p>
        {confirmDelete ? (
          <div class="workbook-confirm" role="alert">
            <p>{w.deleteConfirm}</p>
            <p class="workbook-buttons">
              <button type="button" class="button" onClick={onExport}>
                {w.exportFirst}
              </button>{' '}
              <button type="button" class="button button--danger" onClick={onDelete} data-action="confirm-delete">
                {w.deleteYes}
              </button>{' '}
              <button type="button" class="button" onClick={() => setConfirmDelete(false)}>
                {t.cancel}
              </button>
            </p>
          </div>
        ) : (
          <button type="button" class="button button--danger" onClick={() => setConfirmDelete(true)} data-action="delete">
            {w.delete}
          </button>
        )}
      </section>
    </div>
  );
}

/** Mounts the workbook on its page: fills in each server-rendered row and draws the tools. */
export function mountWorkbook(doc: Document = document): boolean {
  const root = doc.querySelector<HTMLElement>('[data-workbook]');
  const json = root?.querySelector('script[data-workbook-definitions]')?.textContent;
  const tools = root?.querySelector<HTMLElement>('[data-workbook-tools]');
  if (!root || !json || !tools) return false;
  const { defs, guideVersion } = JSON.parse(json) as { defs: Worksheet[]; guideVersion: string };
  const storage = createWorksheetStorage();
  const fromDisk = doc.location.protocol === 'file:';
  const onPrint = (id: string) => printAnswers(defs, storage, id === '*' ? defs.map((d) => d.id) : [id]);
  const onPdf = (id: string) =>
    id === '*'
      ? downloadPdf(
          startedDocs(
            defs,
            storage,
            defs.map((d) => d.id),
          ),
          { id: 'workbook', workbook: true, version: guideVersion },
        )
      : downloadPdf(startedDocs(defs, storage, [id]), { id, version: guideVersion });
  const refresh = () => {
    const states = worksheetStates(storage, defs);
    for (const row of root.querySelectorAll<HTMLElement>('[data-workbook-row]')) {
      const id = row.dataset['workbookRow']!;
      const ws = defs.find((d) => d.id === id);
      const state = states.get(id);
      row.dataset['state'] = state?.kind ?? 'not-started';
      const status = row.querySelector<HTMLElement>('[data-row-status]');
      const actions = row.querySelector<HTMLElement>('[data-row-actions]');
      if (status) render(<RowStatus state={state} />, status);
      if (actions && ws)
        render(
          <RowActions
            id={id}
            title={ws.title}
            started={state?.kind === 'in-progress' || state?.kind === 'complete'}
            onPrint={onPrint}
            onPdf={onPdf}
          />,
          actions,
        );
    }
    const all = root.querySelector<HTMLElement>('[data-print-all]');
    if (all) {
      const started = [...states.values()].some((s) => s.kind === 'in-progress' || s.kind === 'complete');
      render(
        started ? (
          <span class="workbook-buttons">
            <button type="button" class="button" onClick={() => onPrint('*')}>
              {w.printAll}
            </button>
            <PdfButton label={w.pdfAll} action="pdf" inline make={() => onPdf('*')} />
          </span>
        ) : (
          <></>
        ),
        all,
      );
    }
  };
  refresh();
  root.querySelector('[data-workbook-nojs]')?.remove();
  tools.replaceChildren();
  render(<Tools defs={defs} guideVersion={guideVersion} fromDisk={fromDisk} storage={storage} refresh={refresh} />, tools);
  window.addEventListener('storage', refresh);
  root.dataset['ready'] = 'true';
  return true;
}
