/**
 * Entry of the worksheet pages' facilitator bundle, injected on the first click of "Share my ratings"
 * (src/client/facilitator-loader.ts): defines `window.__psfgFacilitator`.
 */
import { openShare } from '../islands/facilitate/mount';

window.__psfgFacilitator = { openShare };
