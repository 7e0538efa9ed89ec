/**
 * Mounting the facilitator's islands in the browser, from classic scripts (see
 * src/build/client-bundles.ts), in the way src/islands/mount.tsx mounts the worksheet form.
 *
 * Markup contracts:
 *   <div data-run-sheet-island><script type="application/json" data-run-sheet-data>{...}</script><div data-root>…</div></div>
 *   <div data-group-island><script type="application/json" data-group-data>{...}</script><div data-root>…</div></div>
 *   <div data-share-island data-worksheet="muscles-check">…the panel's heading, text and button…</div>
 */
import { render } from 'preact';
import { schemeFor } from '../../facilitate/codes';
import { createRunSheetStore } from '../../facilitate/run-sheet-store';
import { RunSheetBuilder, type BuilderData } from './RunSheetBuilder';
import { GroupPicture, type GroupData } from './GroupPicture';
import { ShareRatings } from './ShareRatings';

function island<T>(el: HTMLElement, attr: string): { data: T; root: HTMLElement } | undefined {
  const json = el.querySelector(`script[${attr}]`)?.textContent;
  const root = el.querySelector<HTMLElement>('[data-root]');
  if (!json || !root) return undefined;
  return { data: JSON.parse(json) as T, root };
}

export function mountRunSheet(doc: Document = document): number {
  let n = 0;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-run-sheet-island]')) {
    const found = island<BuilderData>(el, 'data-run-sheet-data');
    if (!found) continue;
    const store = createRunSheetStore();
    store.load();
    const plan = new URLSearchParams(doc.defaultView?.location.search ?? '').get('plan') ?? undefined;
    found.root.replaceChildren();
    render(<RunSheetBuilder data={found.data} store={store} requestedPlan={plan} />, found.root);
    n++;
  }
  return n;
}

export function mountGroup(doc: Document = document): number {
  let n = 0;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-group-island]')) {
    const found = island<GroupData>(el, 'data-group-data');
    if (!found) continue;
    found.root.replaceChildren();
    render(<GroupPicture data={found.data} live />, found.root);
    n++;
  }
  return n;
}

/** Opens "Share my ratings" in its panel, in place of the panel's server-rendered button. */
export function openShare(el: HTMLElement): void {
  const scheme = schemeFor(el.dataset['worksheet'] ?? '');
  if (!scheme) return;
  el.replaceChildren();
  render(<ShareRatings scheme={scheme} initiallyOpen label={el.dataset['label']} />, el);
  el.hidden = false;
}

export function onReady(run: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
