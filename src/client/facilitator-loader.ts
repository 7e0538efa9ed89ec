/**
 * "Share my ratings" on the muscles check and the gaps scan, loaded on demand: the page's HTML holds the
 * panel's heading, text and button (src/components/WorksheetBody.astro); the first click injects the
 * facilitator bundle (`_client/facilitator.js`, with its own Preact) and hands it the panel, so the
 * worksheet page ships none of that code before the reader asks for it.
 */
import { loadClientScript } from './script-loader';

export interface FacilitatorBundle {
  /** Opens "Share my ratings" in its panel (an element with `data-share-island`). */
  openShare(el: HTMLElement): void;
}

declare global {
  interface Window {
    __psfgFacilitator?: FacilitatorBundle | undefined;
  }
}

export function initShare(doc: Document = document): number {
  let n = 0;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-share-island]')) {
    const button = el.querySelector<HTMLButtonElement>('button[data-share-open]');
    if (!button) continue;
    button.addEventListener('click', () => {
      const win = doc.defaultView ?? window;
      button.setAttribute('aria-busy', 'true');
      loadClientScript('facilitator', () => win.__psfgFacilitator !== undefined, win).then(
        () => win.__psfgFacilitator?.openShare(el),
        () => {
          // The code could not be loaded (a broken copy, or offline on first visit): the button stays.
          button.removeAttribute('aria-busy');
          el.querySelector('[data-share-failed]')?.removeAttribute('hidden');
        },
      );
    });
    el.hidden = false;
    n++;
  }
  return n;
}
