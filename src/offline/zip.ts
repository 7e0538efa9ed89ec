/**
 * A reproducible zip: the same files give the same bytes. Entries are sorted, every time stamp is
 * fixed and the compression level is fixed.
 */
import { zipSync, type Zippable } from 'fflate';

/** 1 January 2000, 00:00 local time of the zip format (DOS time has no zone): any fixed date would do. */
export const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** Zips `files` (path inside the zip -> bytes) under the folder `root`. */
export function reproducibleZip(files: Map<string, Uint8Array>, root: string): Uint8Array {
  const tree: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    const data = files.get(path);
    if (data) tree[`${root}/${path}`] = [data, { mtime: FIXED_MTIME, level: 9, os: 3, attrs: 0o644 << 16 }];
  }
  return zipSync(tree, { mtime: FIXED_MTIME, level: 9 });
}
