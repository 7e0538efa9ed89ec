/**
 * Runs in <head> before the first paint, so the first paint is the final layout:
 * - applies the theme the reader chose, if any (without a choice the CSS follows the system setting);
 * - marks the page `html.js`, so CSS shows the controls that need JavaScript from the start;
 * - copies the finder's filters from the address (?muscle=trust&time=30) to `data-finder-*`
 *   attributes, which the finder's CSS uses to hide rows before they are ever drawn;
 * - marks `html.returning` when answers are stored, so the home page keeps room for them;
 * - sets `data-worksheet-view` to the remembered view of worksheet pages (src/islands/facilitate/view-toggle.ts),
 *   so CSS shows the right how-to from the first paint;
 * - loads the scripts named in `data-after-paint` (site.js and sw.js on every page, the worksheet form on
 *   a worksheet page) once the first paint is on the screen (after-paint.ts).
 */
import { KEYS, worksheetIdOfKey } from '../lib/storage-keys';
import { afterFirstPaint } from './after-paint';
import { injectClientScript } from './script-loader';

const root = document.documentElement;
root.classList.add('js');
try {
  const query = new URLSearchParams(window.location.search);
  for (const name of ['muscle', 'level', 'time', 'mode']) {
    const value = query.get(name);
    if (value && /^[a-z0-9-]{1,40}$/.test(value)) root.setAttribute(`data-finder-${name}`, value);
  }
} catch {
  // No filters.
}
try {
  const storage = window.localStorage;
  const theme = storage.getItem(KEYS.theme);
  if (theme === 'light' || theme === 'dark') root.dataset['theme'] = theme;
  root.dataset['worksheetView'] = storage.getItem(KEYS.facilitatorView) === 'facilitator' ? 'facilitator' : 'self';
  for (let i = 0; i < storage.length; i++) {
    if (worksheetIdOfKey(storage.key(i) ?? '')) {
      root.classList.add('returning');
      break;
    }
  }
} catch {
  // Storage blocked: follow the system setting.
}

/*
 * No script file runs before the first paint: a deferred one could run in the same task as the page's
 * first layout, and Lighthouse's simulated phone then made that layout wait for the file's download (the
 * largest paint came about 0.2 s later on a worksheet page). They are injected in order
 * (script-loader.ts, from `data-base`), and run in the order given (`async = false`).
 */
const names = (root.dataset['afterPaint'] ?? '').split(/\s+/).filter(Boolean);
if (names.length > 0) {
  afterFirstPaint(() => {
    for (const name of names) injectClientScript(name, document, false);
  });
}
