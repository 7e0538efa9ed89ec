/**
 * The facilitator view toggle on worksheet pages: "Self-guided" shows the how-to for one person,
 * "Facilitator" shows the group version (timing, arrangement, steps, notes, remote variant). The
 * choice is remembered in this browser (KEYS.facilitatorView) for every worksheet page.
 *
 * Without JavaScript both views are on the page (the facilitator view as a closed <details>).
 */
import { useEffect, useState } from 'preact/hooks';
import { KEYS } from '../../lib/storage-keys';
import { f } from '../../facilitate/strings';

export type View = 'self' | 'facilitator';

export function readView(storage: () => Storage = () => window.localStorage): View {
  try {
    return storage().getItem(KEYS.facilitatorView) === 'facilitator' ? 'facilitator' : 'self';
  } catch {
    return 'self';
  }
}

function writeView(view: View): void {
  try {
    window.localStorage.setItem(KEYS.facilitatorView, view);
  } catch {
    // Storage blocked or full: the choice holds for this page only.
  }
}

/** Shows one view and hides the other. */
export function applyView(doc: Document, view: View): void {
  for (const el of doc.querySelectorAll<HTMLElement>('[data-self-guided]')) el.hidden = view !== 'self';
  for (const el of doc.querySelectorAll<HTMLDetailsElement>('[data-facilitator-view]')) {
    el.hidden = view !== 'facilitator';
    if (view === 'facilitator') el.open = true;
  }
  doc.documentElement.dataset['worksheetView'] = view;
}

export function ViewToggle() {
  const [view, setView] = useState<View>(() => readView());
  useEffect(() => applyView(document, view), [view]);
  const choose = (v: View) => {
    setView(v);
    writeView(v);
  };
  return (
    <div class="fac-view-toggle" role="group" aria-label={f.view}>
      <span>{f.view}:</span>
      <button
        type="button"
        class="button"
        aria-pressed={view === 'self' ? 'true' : 'false'}
        onClick={() => choose('self')}
        data-view="self"
      >
        {f.selfGuided}
      </button>
      <button
        type="button"
        class="button"
        aria-pressed={view === 'facilitator' ? 'true' : 'false'}
        onClick={() => choose('facilitator')}
        data-view="facilitator"
      >
        {f.facilitator}
      </button>
    </div>
  );
}
