/** Entry of the worksheet bundle (a classic script): the form, the facilitator view toggle, "Share my ratings". */
import { mountWorksheets } from '../islands/mount';
import { initViewToggle } from '../islands/facilitate/view-toggle';
import { initShare } from './facilitator-loader';

function init(): void {
  mountWorksheets();
  initViewToggle();
  initShare();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
