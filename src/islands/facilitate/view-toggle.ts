/**
 * The facilitator view toggle on worksheet pages: "Self-guided" shows the how-to for one person,
 * "Facilitator" shows the group version (timing, arrangement, steps, notes, remote variant). The
 * choice is remembered in this browser (KEYS.facilitatorView) for every worksheet page.
 *
 * The toggle's buttons are in the page's HTML (src/components/facilitate/FacilitatorView.astro),
 * hidden until this code runs; it is plain DOM code in the worksheet bundle, a few hundred bytes, so a
 * remembered facilitator view shows as soon as the page's script runs, with nothing more to load.
 * Without JavaScript both views are on the page (the facilitator view as a closed <details>).
 */
import { KEYS } from '../../lib/storage-keys';

export type View = 'self' | 'facilitator';

export function readView(storage: () => Storage = () => window.localStorage): View {
  try {
    return storage().getItem(KEYS.facilitatorView) === 'facilitator' ? 'facilitator' : 'self';
  } catch {
    return 'self';
  }
}

function writeView(view: View, storage: () => Storage): void {
  try {
    storage().setItem(KEYS.facilitatorView, view);
  } catch {
    // Storage blocked or full: the choice holds for this page only.
  }
}

/**
 * Shows one view and hides the other, and marks every toggle's buttons. Only what differs is written: on
 * load the page already shows the remembered view (theme.ts), and each write would have the browser
 * restyle what it touches.
 */
export function applyView(doc: Document, view: View): void {
  const set = (el: HTMLElement, hidden: boolean) => {
    if (el.hidden !== hidden) el.hidden = hidden;
  };
  for (const el of doc.querySelectorAll<HTMLElement>('[data-self-guided]')) set(el, view !== 'self');
  for (const el of doc.querySelectorAll<HTMLDetailsElement>('[data-facilitator-view]')) {
    set(el, view !== 'facilitator');
    if (view === 'facilitator' && !el.open) el.open = true;
  }
  for (const b of doc.querySelectorAll<HTMLButtonElement>('[data-view-toggle-island] button[data-view]')) {
    const pressed = b.dataset['view'] === view ? 'true' : 'false';
    if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
  }
  if (doc.documentElement.dataset['worksheetView'] !== view) doc.documentElement.dataset['worksheetView'] = view;
}

/** Wires and shows every toggle on the page, in the remembered view; returns how many there are. */
export function initViewToggle(doc: Document = document, storage: () => Storage = () => window.localStorage): number {
  const toggles = [...doc.querySelectorAll<HTMLElement>('[data-view-toggle-island]')];
  if (toggles.length === 0) return 0;
  for (const el of toggles) {
    for (const b of el.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
      b.addEventListener('click', () => {
        const view: View = b.dataset['view'] === 'facilitator' ? 'facilitator' : 'self';
        writeView(view, storage);
        applyView(doc, view);
      });
    }
    if (el.hidden) el.hidden = false;
  }
  applyView(doc, readView(storage));
  return toggles.length;
}
