/**
 * The state of one worksheet on the page, in nanostores, with its actions beside it.
 * Components subscribe and render; all saving, syncing and conflict logic lives here.
 */
import { atom, map } from 'nanostores';
import { KEYS } from '../lib/storage-keys';
import type { AnswerValue, Answers, EarlierAnswer } from '../worksheets/answers';
import type { Worksheet } from '../worksheets/schema';
import { createWorksheetStorage, decode, merge3, type LoadStatus, type StoredRecord, type WorksheetStorage } from '../worksheets/storage';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; at: string }
  | { kind: 'quota' }
  | { kind: 'memory'; reason: Exclude<LoadStatus, 'empty' | 'ok' | 'quarantined'> };

export interface Notice {
  kind: 'quarantined' | 'unavailable' | 'too-new' | 'blocked' | 'cleared-elsewhere';
  detail?: string | undefined;
}

/** How long typing may pause before a save. Pending edits are flushed on pagehide. */
export const SAVE_DELAY_MS = 400;

export function createWorksheetStore(ws: Worksheet, storage: WorksheetStorage = createWorksheetStorage()) {
  const $answers = map<Answers>({});
  const $save = atom<SaveState>({ kind: 'idle' });
  const $notices = atom<Notice[]>([]);
  /** Prompts another tab changed while this one had other text: their version, by prompt id. */
  const $conflicts = atom<Record<string, AnswerValue | undefined>>({});
  const $earlier = atom<EarlierAnswer[]>([]);

  let base: StoredRecord | undefined;
  let memoryOnly = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  const addNotice = (n: Notice) => $notices.set([...$notices.get().filter((x) => x.kind !== n.kind), n]);

  function load(): void {
    const result = storage.load(ws);
    base = result.record;
    $answers.set({ ...result.record.answers });
    $earlier.set(result.record.earlier);
    if (result.status === 'ok' && result.record.updated) $save.set({ kind: 'saved', at: result.record.updated });
    if (result.status === 'quarantined') addNotice({ kind: 'quarantined', detail: result.quarantineKey });
    if (result.status === 'unavailable' || result.status === 'too-new' || result.status === 'blocked') {
      memoryOnly = true;
      addNotice({ kind: result.status, detail: result.detail });
      $save.set({ kind: 'memory', reason: result.status });
    }
  }

  function save(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty || memoryOnly || !base) return;
    const stored = storage.peek(ws);
    let mine = $answers.get();
    if (stored && stored.rev > base.rev) {
      // Another tab saved since we last looked and its event has not reached us yet.
      const { merged, conflicts } = merge3(base.answers, mine, stored.answers);
      mine = merged;
      $answers.set({ ...merged });
      if (Object.keys(conflicts).length) $conflicts.set({ ...$conflicts.get(), ...conflicts });
      base = stored;
    }
    const record: StoredRecord = {
      ...base,
      rev: base.rev + 1,
      updated: new Date(storage.now()).toISOString(),
      answers: mine,
      earlier: $earlier.get(),
    };
    const status = storage.save(record);
    if (status === 'saved') {
      base = record;
      dirty = false;
      $save.set({ kind: 'saved', at: record.updated });
    } else if (status === 'quota') {
      $save.set({ kind: 'quota' });
    } else {
      memoryOnly = true;
      addNotice({ kind: 'unavailable' });
      $save.set({ kind: 'memory', reason: 'unavailable' });
    }
  }

  function schedule(): void {
    dirty = true;
    if (memoryOnly) return;
    $save.set({ kind: 'pending' });
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  }

  function setAnswer(id: string, value: AnswerValue | undefined): void {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      $answers.setKey(id, undefined as unknown as AnswerValue);
    else $answers.setKey(id, value);
    schedule();
  }

  /** Another tab wrote our key. */
  function onExternal(newValue: string | null): void {
    if (memoryOnly || !base) return;
    if (newValue === null) {
      // Cleared elsewhere: start counting revisions again, keep what is on screen (never lose text
      // silently) and say so.
      base = { ...base, rev: 0, answers: {} };
      if (Object.keys($answers.get()).length) {
        addNotice({ kind: 'cleared-elsewhere' });
        dirty = true;
      }
      return;
    }
    let theirs: StoredRecord;
    try {
      const decoded = decode(newValue, ws);
      if (decoded.tooNew) return;
      theirs = decoded.record;
    } catch {
      return;
    }
    if (theirs.rev <= base.rev) return;
    const { merged, conflicts } = merge3(base.answers, $answers.get(), theirs.answers);
    $answers.set({ ...merged });
    if (Object.keys(conflicts).length) $conflicts.set({ ...$conflicts.get(), ...conflicts });
    base = theirs;
    if (!dirty) $save.set({ kind: 'saved', at: theirs.updated });
  }

  function resolveConflict(id: string, useTheirs: boolean): void {
    const all = { ...$conflicts.get() };
    if (useTheirs) setAnswer(id, all[id]);
    delete all[id];
    $conflicts.set(all);
  }

  /** Clears every answer; returns a function that puts them back. */
  function clearAll(): () => void {
    const snapshot = { ...$answers.get() };
    const earlier = $earlier.get();
    $answers.set({});
    $earlier.set([]);
    $conflicts.set({});
    dirty = true;
    save();
    return () => {
      $answers.set(snapshot);
      $earlier.set(earlier);
      dirty = true;
      save();
    };
  }

  function dismissEarlier(): void {
    $earlier.set([]);
    dirty = true;
    schedule();
  }

  /** Wires the store to the page: loads, listens to other tabs, flushes before the page goes away. */
  function connect(win: Window = window): () => void {
    load();
    const key = KEYS.worksheet(ws.id);
    const onStorage = (e: StorageEvent) => {
      // key null: another tab called localStorage.clear().
      if (e.key === key || e.key === null) onExternal(e.key === null ? null : e.newValue);
    };
    const onHide = () => save();
    const onVisibility = () => {
      if (win.document.visibilityState === 'hidden') save();
    };
    win.addEventListener('storage', onStorage);
    win.addEventListener('pagehide', onHide);
    win.addEventListener('beforeunload', onHide);
    win.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      save();
      win.removeEventListener('storage', onStorage);
      win.removeEventListener('pagehide', onHide);
      win.removeEventListener('beforeunload', onHide);
      win.document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  return {
    $answers,
    $save,
    $notices,
    $conflicts,
    $earlier,
    load,
    save,
    flush: save,
    setAnswer,
    onExternal,
    resolveConflict,
    clearAll,
    dismissEarlier,
    connect,
  };
}

export type WorksheetStore = ReturnType<typeof createWorksheetStore>;
