/** Entry of the run-sheet builder's bundle (a classic script), loaded by /facilitate/run-sheet/ only. */
import { mountRunSheet, onReady } from '../islands/facilitate/mount';

onReady(() => mountRunSheet());
