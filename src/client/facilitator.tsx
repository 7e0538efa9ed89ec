/** Entry of the worksheet pages' facilitator bundle: the view toggle, and "Share my ratings" where it applies. */
import { mountWorksheetExtras, onReady } from '../islands/facilitate/mount';

onReady(() => mountWorksheetExtras());
