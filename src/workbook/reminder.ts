/**
 * When to remind the reader to export a backup: answers exist that were never exported, or answers changed
 * since the last export and that export is more than a week old. Browsers do delete site data (Safari after
 * seven days without a visit), so a file the reader keeps is the only real safety. Reads only.
 */
import { KEYS, isWorksheetKey } from '../lib/storage-keys';

export const REMIND_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface ReminderState {
  /** Show the reminder. */
  due: boolean;
  /** When the answers were last exported, if ever. */
  lastExport?: string | undefined;
  /** The newest change to any worksheet's answers. */
  lastChange?: string | undefined;
}

/** The `updated` time of a stored worksheet record, read without decoding the rest. */
function updatedOf(raw: string | null): string | undefined {
  if (!raw) return undefined;
  try {
    const v = (JSON.parse(raw) as { updated?: unknown; answers?: unknown }) ?? {};
    const hasAnswers = typeof v.answers === 'object' && v.answers !== null && Object.keys(v.answers).length > 0;
    return hasAnswers && typeof v.updated === 'string' ? v.updated : undefined;
  } catch {
    return undefined;
  }
}

export function exportReminder(getStorage: () => Storage, now: number): ReminderState {
  let s: Storage;
  try {
    s = getStorage();
  } catch {
    return { due: false };
  }
  let lastChange: string | undefined;
  let lastExport: string | undefined;
  try {
    lastExport = s.getItem(KEYS.lastExport) ?? undefined;
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (!key || !isWorksheetKey(key)) continue;
      const u = updatedOf(s.getItem(key));
      if (u && (!lastChange || u > lastChange)) lastChange = u;
    }
  } catch {
    return { due: false };
  }
  if (!lastChange) return { due: false, lastExport };
  if (!lastExport) return { due: true, lastChange };
  const changedSince = lastChange > lastExport;
  const old = now - Date.parse(lastExport) > REMIND_AFTER_MS;
  return { due: changedSince && old, lastExport, lastChange };
}

/** Remembers that the answers were exported now. */
export function markExported(getStorage: () => Storage, now: Date): boolean {
  try {
    getStorage().setItem(KEYS.lastExport, now.toISOString());
    return true;
  } catch {
    return false;
  }
}
