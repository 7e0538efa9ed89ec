/**
 * The one place islands are mounted in the browser. It runs from a classic script (see
 * src/build/client-bundles.ts), so it works on the hosted site and in the copy opened from disk.
 *
 * Markup contract (src/pages/worksheets/[id]/index.astro):
 *   <div data-worksheet-island>
 *     <script type="application/json" data-worksheet-definition>{...parsed worksheet...}</script>
 *     <div data-worksheet-root><div class="ws-form">...server-rendered form...</div></div>
 *   </div>
 */
import { createWorksheetStore } from '../stores/worksheet';
import type { Worksheet } from '../worksheets/schema';
import { formParts, makeLive, nextTask } from './WorksheetForm';
import { longDate, remind } from '../lib/strings';
import { browserStorage } from '../worksheets/storage';
import { exportReminder } from '../workbook/reminder';

/** Shows the page's export reminder (rendered hidden on the server, with its link) when a backup is due. */
export function showExportReminder(doc: Document = document, now = Date.now()): void {
  const el = doc.querySelector<HTMLElement>('[data-export-reminder]');
  const text = el?.querySelector('[data-export-reminder-text]');
  if (!el || !text) return;
  const r = exportReminder(browserStorage, now);
  // Only what changes is written (hidden, as the server drew it, on most loads).
  if (r.due) text.textContent = r.lastExport ? remind.since(longDate(new Date(r.lastExport))) : remind.never;
  if (el.hidden !== !r.due) el.hidden = !r.due;
}

export function mountWorksheets(doc: Document = document): number {
  let mounted = 0;
  const win = doc.defaultView ?? window;
  for (const island of doc.querySelectorAll<HTMLElement>('[data-worksheet-island]')) {
    const json = island.querySelector('script[data-worksheet-definition]')?.textContent;
    const form = island.querySelector<HTMLElement>('[data-worksheet-root] .ws-form');
    if (!json || !form) continue;
    const ws = JSON.parse(json) as Worksheet;
    mounted++;
    // In a task of its own (the script's first run is long enough): the answers are read, then the server's
    // form becomes the live one in place, a few prompts a task (see makeLive).
    nextTask(() => {
      const store = createWorksheetStore(ws);
      store.connect(win);
      makeLive(form, formParts(ws, store));
      // After a save, the reminder may become due (first answers) or stay as it was.
      store.$save.subscribe((state) => {
        if (state.kind === 'saved') showExportReminder(doc);
      });
    });
  }
  nextTask(() => showExportReminder(doc));
  return mounted;
}
