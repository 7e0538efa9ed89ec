/**
 * The state of one worksheet on the page, in nanostores, with its actions beside it.
 * Components subscribe and render; all saving, syncing and conflict logic lives here.
 */
import { atom, map } from 'nanostores';
import { KEYS } from '../lib/storage-keys';
import type { AnswerValue, Answers, EarlierAnswer } from '../worksheets/answers';
import { displayAnswer, displayText } from '../worksheets/kinds';
import { allPrompts } from '../worksheets/prompts';
import type { Worksheet } from '../worksheets/schema';
import {
  createWorksheetStorage,
  legacySignature,
  merge3,
  mergeEarlier,
  readRaw,
  type LoadStatus,
  type StoredRecord,
  type WorksheetStorage,
} from '../worksheets/storage';

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

  /** What this tab last saw in storage under the worksheet's key. */
  let base: StoredRecord | undefined;
  /** The legacy-key record last merged in, to merge a later write by an old tab three ways. */
  let legacyBase: StoredRecord | undefined;
  let memoryOnly = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  const addNotice = (n: Notice) => $notices.set([...$notices.get().filter((x) => x.kind !== n.kind), n]);
  const addConflicts = (c: Record<string, AnswerValue | undefined>) => {
    if (Object.keys(c).length) $conflicts.set({ ...$conflicts.get(), ...c });
  };

  /** Stops saving on this page for good: what is on screen stays, storage is not written again. */
  function stopSaving(reason: 'unavailable' | 'too-new' | 'blocked', detail?: string): void {
    memoryOnly = true; // a pending save finds it and writes nothing
    addNotice({ kind: reason, detail });
    $save.set({ kind: 'memory', reason });
  }

  function load(): void {
    const result = storage.load(ws);
    base = result.record;
    legacyBase = result.legacy;
    $answers.set({ ...result.record.answers });
    $earlier.set(result.record.earlier);
    if (result.record.updated) $save.set({ kind: 'saved', at: result.record.updated });
    if (result.status === 'quarantined') addNotice({ kind: 'quarantined', detail: result.quarantineKey });
    if (result.status === 'unavailable' || result.status === 'too-new' || result.status === 'blocked')
      stopSaving(result.status, result.detail);
    if (result.conflicts) addConflicts(result.conflicts);
    if (result.changed && !memoryOnly) {
      // Answers absorbed from the legacy key: store them under the current key straight away.
      dirty = true;
      save();
    }
  }

  /** Takes a newer record that another tab stored: merged per prompt against `seen` (the base), its earlier answers too. */
  function takeTheirs(seen: StoredRecord, theirs: StoredRecord): void {
    const { merged, conflicts } = merge3(seen.answers, $answers.get(), theirs.answers);
    $answers.set({ ...merged });
    $earlier.set(mergeEarlier(seen.earlier, $earlier.get(), theirs.earlier));
    base = theirs;
    if (Object.keys(conflicts).length) {
      // This page shows its own version of those prompts: store it (theirs stays on screen to choose from,
      // and is kept as an earlier answer if the page closes first), so "Saved" is never shown for text
      // that is not stored.
      addConflicts(conflicts);
      schedule();
    }
  }

  function save(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty || memoryOnly || !base) return;
    const stored = storage.peek(ws);
    if (stored.state === 'too-new') {
      // A newer guide wrote this key after the page loaded: never overwrite it.
      stopSaving('too-new');
      return;
    }
    if (stored.state === 'unreadable' && storage.quarantine(ws.id, stored.raw) === undefined) {
      stopSaving('blocked', stored.detail);
      return;
    }
    // Its event has not reached us yet: after this the base has the stored revision, or a higher one.
    if (stored.state === 'ok' && stored.record.rev > base.rev) takeTheirs(base, stored.record);
    const record: StoredRecord = {
      ...base,
      rev: base.rev + 1,
      updated: new Date(storage.now()).toISOString(),
      answers: $answers.get(),
      earlier: $earlier.get(),
    };
    const status = storage.save(record);
    if (status === 'saved') {
      base = record;
      dirty = false;
      $save.set({ kind: 'saved', at: record.updated });
    } else if (status === 'quota') {
      // Still dirty: retried on the next change and when the page is hidden.
      $save.set({ kind: 'quota' });
    } else {
      stopSaving('unavailable');
    }
  }

  /** Before the page goes away: a version from another tab the reader has not chosen between is kept as an earlier answer. */
  function flush(): void {
    const open = $conflicts.get();
    const ids = Object.keys(open);
    if (ids.length && !memoryOnly) {
      const prompts = new Map(allPrompts(ws).map((p) => [p.id, p]));
      const kept = ids.flatMap((id) => {
        // A conflict is over an answer that storage kept, so to a prompt of this worksheet.
        const text = displayText(displayAnswer(prompts.get(id)!, open[id]), '');
        return text.trim() ? [{ id, text }] : [];
      });
      const earlier = $earlier.get();
      const added = kept.filter((k) => !earlier.some((e) => e.id === k.id && e.text === k.text));
      if (added.length) {
        $earlier.set([...earlier, ...added]);
        dirty = true;
      }
    }
    save();
  }

  function schedule(): void {
    dirty = true;
    if (memoryOnly) return;
    $save.set({ kind: 'pending' });
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  }

  function setAnswer(id: string, value: AnswerValue | undefined): void {
    const empty = value === '' || (Array.isArray(value) && value.length === 0);
    // An empty answer (or none) is removed.
    $answers.setKey(id, (empty ? undefined : value) as AnswerValue);
    schedule();
  }

  /** Another tab wrote our key (or, with `legacy`, an old version of the guide wrote the legacy key). */
  function onExternal(newValue: string | null, legacy = false): void {
    if (memoryOnly || !base) return;
    if (legacy) {
      const read = readRaw(newValue, ws);
      if (read.state !== 'ok' || legacySignature(read.record) === base.absorbed) return;
      const previous = legacyBase ?? base;
      const { merged, conflicts } = merge3(previous.answers, $answers.get(), read.record.answers);
      $answers.set({ ...merged });
      addConflicts(conflicts);
      legacyBase = read.record;
      base = { ...base, absorbed: legacySignature(read.record) };
      schedule();
      return;
    }
    if (newValue === null) {
      // Cleared elsewhere: start counting revisions again, keep what is on screen (never lose text
      // silently) and say so.
      base = { ...base, rev: 0, answers: {}, earlier: [] };
      if (Object.keys($answers.get()).length) {
        addNotice({ kind: 'cleared-elsewhere' });
        dirty = true;
        // Not stored any more: never say "Saved" for it. It is saved again on the next edit or when the page is hidden.
        $save.set({ kind: 'idle' });
      }
      return;
    }
    const read = readRaw(newValue, ws);
    if (read.state === 'too-new') {
      stopSaving('too-new');
      return;
    }
    if (read.state !== 'ok' || read.record.rev <= base.rev) return;
    takeTheirs(base, read.record);
    if (!dirty) $save.set({ kind: 'saved', at: read.record.updated });
  }

  function resolveConflict(id: string, useTheirs: boolean): void {
    const all = { ...$conflicts.get() };
    const theirs = all[id];
    delete all[id];
    $conflicts.set(all);
    if (useTheirs) setAnswer(id, theirs);
    else schedule();
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
    schedule();
  }

  /** Wires the store to the page: loads, listens to other tabs, flushes before the page goes away. */
  function connect(win: Window = window): () => void {
    load();
    const key = KEYS.worksheet(ws.id);
    const legacyKey = KEYS.legacyWorksheet(ws.id);
    const onStorage = (e: StorageEvent) => {
      // key null: another tab called localStorage.clear().
      if (e.key === key || e.key === null)
        onExternal(e.newValue); // a clear() event has no new value
      else if (e.key === legacyKey) onExternal(e.newValue, true);
    };
    const onHide = () => flush();
    const onVisibility = () => {
      if (win.document.visibilityState === 'hidden') save();
    };
    win.addEventListener('storage', onStorage);
    win.addEventListener('pagehide', onHide);
    win.addEventListener('beforeunload', onHide);
    win.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
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
    flush,
    setAnswer,
    onExternal,
    resolveConflict,
    clearAll,
    dismissEarlier,
    connect,
  };
}

export type WorksheetStore = ReturnType<typeof createWorksheetStore>;
