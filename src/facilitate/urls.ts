/** Addresses of the facilitator's section (see the content guide's table of addresses). */
export const FACILITATE_URL = '/facilitate/';
export const RUN_SHEET_URL = '/facilitate/run-sheet/';
export const GROUP_URL = '/facilitate/group/';
export const sessionUrl = (slug: string): string => `/facilitate/sessions/${slug}/`;
export const packUrl = (slug: string): string => `/facilitate/sessions/${slug}/pack/`;
/** The builder, opened on a plan's run-sheet. */
export const builderUrl = (slug: string): string => `${RUN_SHEET_URL}?plan=${encodeURIComponent(slug)}`;

/** The session slug of a plan page or its pack, from the page's path. */
export function sessionSlugOf(pathname: string): string | undefined {
  return /\/facilitate\/sessions\/([a-z0-9-]+)\//.exec(pathname)?.[1];
}
