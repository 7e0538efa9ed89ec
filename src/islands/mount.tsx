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
import { formParts, makeLive } from './WorksheetForm';
import { longDate, remind } from '../lib/strings';
import { browserStorage } from '../worksheets/storage';
import { exportReminder } from '../workbook/reminder';

/** Shows the page's export reminder (rendered hidden on the server, with its link) when a backup is due. */
export function showExportReminder(doc: Document = document, now = Date.now()): void {
  const el = doc.querySelector<HTMLElement>('[data-export-reminder]');
  const text = el?.querySelector('[data-export-reminder-text]');
  if (!el || !text) return;
  const r = exportReminder(browserStorage, now);
  text.textContent = r.lastExport ? remind.since(longDate(new Date(r.lastExport))) : remind.never;
  el.hidden = !r.due;
}

export function mountWorksheets(doc: Document = document): number {
  let mounted = 0;
  for (const island of doc.querySelectorAll<HTMLElement>('[data-worksheet-island]')) {
    const json = island.querySelector('script[data-worksheet-definition]')?.textContent;
    const root = island.querySelector<HTMLElement>('[data-worksheet-root]');
    if (!json || !root) continue;
    const ws = JSON.parse(json) as Worksheet;
    const store = createWorksheetStore(ws);
    store.connect(doc.defaultView ?? window);
    const form = root.querySelector<HTMLElement>('.ws-form');
    if (!form) continue;
    // The server's form becomes the live one in place, a few prompts a task (see makeLive).
    makeLive(form, formParts(ws, store));
    mounted++;
    // After a save, the reminder may become due (first answers) or stay as it was.
    store.$save.subscribe((state) => {
      if (state.kind === 'saved') showExportReminder(doc);
    });
  }
  showExportReminder(doc);
  return mounted;
}
