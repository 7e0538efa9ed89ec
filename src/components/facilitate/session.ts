/** Finds the session plan of the page being built, from its address (plan pages and their packs). */
import { getEntry } from 'astro:content';
import { sessionSlugOf } from '../../facilitate/urls';

export async function currentSession(pathname: string) {
  const slug = sessionSlugOf(pathname);
  const entry = slug ? await getEntry('sessions', slug) : undefined;
  if (!entry) throw new Error(`${pathname}: a session component is used outside a session plan`);
  return entry;
}
