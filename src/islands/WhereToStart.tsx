/**
 * "Where to start" under a radar: the muscles check ranks muscles by their gap (routing.ts
 * `startFromCheck`), the gaps scan goes through the gap x muscle table (`startFromGaps`). Each pick links
 * its page and the worksheets for it; ties are said, not hidden.
 */
import type { Answers } from '../worksheets/answers';
import type { RadarAxis } from '../worksheets/charts';
import { gapRatings, muscleAt, startFromCheck, startFromGaps, worksheetsFor, type RoutingTable } from '../worksheets/routing';
import { start } from '../lib/strings';
import { href as siteHref } from '../lib/urls';

function Pick({ label, href, detail }: { label: string; href?: string | undefined; detail: string }) {
  const muscle = muscleAt(href);
  return (
    <li>
      {href ? <a href={siteHref(href)}>{label}</a> : label} ({detail})
      {muscle && (
        <>
          {' · '}
          <a href={siteHref(worksheetsFor(muscle))}>
            {start.worksheetsLink}
            <span class="visually-hidden"> {label}</span>
          </a>
        </>
      )}
    </li>
  );
}

/**
 * The gap x muscle table the worksheet page carries (`data-routing-table`), read once. None on the
 * server or on a page without it: the gaps scan's list then stays empty (answers live in the browser).
 */
let cached: RoutingTable | null | undefined;
function pageRoutingTable(): RoutingTable | null {
  if (cached !== undefined) return cached;
  if (typeof document === 'undefined') return null;
  try {
    cached = JSON.parse(document.querySelector('script[data-routing-table]')?.textContent ?? 'null') as RoutingTable | null;
  } catch {
    cached = null;
  }
  return cached;
}

interface Item {
  key: string;
  label: string;
  href?: string | undefined;
  detail: string;
}

function picksFor(axes: RadarAxis[], series: number, answers: Answers): { title: string; note: string; items: Item[] } {
  if (series >= 2) {
    const r = startFromCheck(axes);
    return {
      title: start.checkTitle,
      note: r.picks.length
        ? start.ties('widest gap', r.sharedFirst, r.picks[0]!.gap, r.widest < r.sharedFirst, r.tieAtCut, r.picks.length)
        : '',
      items: r.picks.map((m) => ({ key: m.label, label: m.label, href: m.href, detail: start.checkItem(m.today, m.needed) })),
    };
  }
  const table = pageRoutingTable();
  if (!table) return { title: '', note: '', items: [] };
  const r = startFromGaps(gapRatings(answers, table), table);
  const gapTitle = (id: string) => `gap ${table.gaps.find((g) => g.id === id)?.number ?? ''}`;
  return {
    title: start.gapsTitle,
    note: r.picks.length ? start.ties('highest score', r.sharedFirst, r.picks[0]!.score, false, r.tieAtCut, r.picks.length) : '',
    items: r.picks.map((m) => ({ key: m.muscle, label: m.label, href: m.href, detail: start.gapsItem(m.score, m.gaps.map(gapTitle)) })),
  };
}

/** A radar with two series (today, needed) is the muscles check; with one, the gaps scan. */
export function WhereToStart({ axes, series, answers }: { axes: RadarAxis[]; series: number; answers: Answers }) {
  const { title, note, items } = picksFor(axes, series, answers);
  if (!items.length) return null;
  return (
    <div class="chart__next" data-where-to-start>
      <p class="chart__next-title">{title}</p>
      {note && <p data-ties>{note}</p>}
      <ol>
        {items.map(({ key, ...item }) => (
          <Pick key={key} {...item} />
        ))}
      </ol>
    </div>
  );
}
