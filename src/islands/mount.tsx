/**
 * The one place islands are mounted in the browser. It runs from a classic script (see
 * src/build/client-bundles.ts), so it works on the hosted site and in the copy opened from disk.
 *
 * Markup contract (src/pages/worksheets/[id]/index.astro):
 *   <div data-worksheet-island>
 *     <script type="application/json" data-worksheet-definition>{...parsed worksheet...}</script>
 *     <div data-worksheet-root>...server-rendered form...</div>
 *   </div>
 */
import { render } from 'preact';
import { createWorksheetStore } from '../stores/worksheet';
import type { Worksheet } from '../worksheets/schema';
import { WorksheetForm } from './WorksheetForm';

export function mountWorksheets(doc: Document = document): number {
  let mounted = 0;
  for (const island of doc.querySelectorAll<HTMLElement>('[data-worksheet-island]')) {
    const json = island.querySelector('script[data-worksheet-definition]')?.textContent;
    const root = island.querySelector<HTMLElement>('[data-worksheet-root]');
    if (!json || !root) continue;
    const ws = JSON.parse(json) as Worksheet;
    const store = createWorksheetStore(ws);
    store.connect(doc.defaultView ?? window);
    root.replaceChildren();
    render(<WorksheetForm ws={ws} store={store} />, root);
    mounted++;
  }
  return mounted;
}
