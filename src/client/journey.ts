/** The reader's journey on the home page and the finder: plain DOM code, no framework (see home.ts, finder.ts). */
import { initFinder } from './finder';
import { initHome } from './home';

function init(): void {
  initHome();
  initFinder();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
