/**
 * Every localStorage key the guide uses, in one place. All start with the guide's prefix; the
 * worksheet keys also carry the storage schema version, so a future format can live beside an old one.
 */
export const PREFIX = 'psfg';
/** Version of the stored worksheet record (see src/worksheets/storage.ts). */
export const STORAGE_VERSION = 1;

export const KEYS = {
  theme: `${PREFIX}:theme`,
  worksheet: (id: string) => `${PREFIX}:v${STORAGE_VERSION}:ws:${id}`,
  /** The key an earlier storage version used; read (never written) when the current key is empty. */
  worksheetAt: (id: string, version: number) => `${PREFIX}:v${version}:ws:${id}`,
  /** Unreadable data is moved here, never overwritten; the time keeps several apart. */
  quarantine: (id: string, at: number) => `${PREFIX}:quarantine:${id}:${at}`,
  /** A probe written and removed to learn whether storage can be written at all. */
  probe: `${PREFIX}:probe`,
} as const;

export const isGuideKey = (key: string): boolean => key.startsWith(`${PREFIX}:`);
export const isWorksheetKey = (key: string): boolean => key.startsWith(`${PREFIX}:v${STORAGE_VERSION}:ws:`);
export const quarantinePrefix = (id: string): string => `${PREFIX}:quarantine:${id}:`;
