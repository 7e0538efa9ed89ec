/** Entry of the group picture's bundle (a classic script), loaded by /facilitate/group/ only. */
import { mountGroup, onReady } from '../islands/facilitate/mount';

onReady(() => mountGroup());
