/**
 * The site's navigation, generated from the collections: sections in a fixed order, pages by their
 * `order`. The sidebar, the previous / next links and the content tests all read this one list.
 */
import { getCollection } from 'astro:content';
import { guideUrl, workbookUrl, worksheetUrl } from './urls';
import { GROUP_URL, RUN_SHEET_URL, sessionUrl } from '../facilitate/urls';

export interface NavLink {
  href: string;
  label: string;
}
export interface NavSection {
  id: string;
  label: string;
  links: NavLink[];
}

const SECTION_LABELS: Record<string, string> = {
  start: 'Start here',
  gaps: 'The seven gaps',
  muscles: 'The seven muscles',
  levels: 'The four levels',
  practices: 'Practices',
  worksheets: 'Worksheets',
  facilitate: 'Facilitate',
  reference: 'Reference',
};

export async function getNav(): Promise<NavSection[]> {
  const pages = await getCollection('guide');
  const sheets = await getCollection('worksheets');
  const sections: NavSection[] = [];
  for (const [id, label] of Object.entries(SECTION_LABELS)) {
    if (id === 'worksheets') {
      sections.push({
        id,
        label,
        links: [
          { href: '/worksheets/', label: 'All worksheets' },
          { href: workbookUrl(), label: 'My workbook' },
          ...sheets.map((s) => ({ href: worksheetUrl(s.data.id), label: s.data.title })).sort((a, b) => a.label.localeCompare(b.label)),
        ],
      });
      continue;
    }
    if (id === 'facilitate') {
      sections.push({ id, label, links: await facilitateLinks(pages) });
      continue;
    }
    const links = pages
      .filter((p) => p.data.section === id)
      .sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title))
      .map((p) => ({ href: guideUrl(p.id), label: p.data.navTitle ?? p.data.title }));
    if (links.length) sections.push({ id, label, links });
  }
  return sections;
}

/** The facilitator's guide, then the session plans in their order, then the two tools. */
async function facilitateLinks(pages: Awaited<ReturnType<typeof getCollection<'guide'>>>): Promise<NavLink[]> {
  const sessions = await getCollection('sessions');
  return [
    ...pages.filter((p) => p.data.section === 'facilitate').map((p) => ({ href: guideUrl(p.id), label: p.data.navTitle ?? p.data.title })),
    ...sessions
      .sort((a, b) => a.data.order - b.data.order)
      .map((s) => ({ href: sessionUrl(s.id), label: s.data.navTitle ?? s.data.title })),
    { href: RUN_SHEET_URL, label: 'Run-sheet builder' },
    { href: GROUP_URL, label: 'Group picture' },
  ];
}

/** The reading order over the whole guide, for previous / next. */
export function flatten(nav: NavSection[]): NavLink[] {
  return [{ href: '/', label: 'Home' }, ...nav.flatMap((s) => s.links)];
}

export function neighbours(nav: NavSection[], href: string): { prev?: NavLink; next?: NavLink } {
  const flat = flatten(nav);
  const i = flat.findIndex((l) => l.href === href);
  if (i < 0) return {};
  const out: { prev?: NavLink; next?: NavLink } = {};
  const prev = flat[i - 1];
  const next = flat[i + 1];
  if (prev) out.prev = prev;
  if (next) out.next = next;
  return out;
}
