/**
 * The home page for a returning reader, drawn in the browser from answers stored on this device: the
 * worksheets changed most recently, with their progress, and the next step from the latest muscles
 * check (routing.ts). A first-time reader keeps the box the HTML holds: the ten-minute check.
 * Plain DOM code, no framework; it only reads storage (local-progress.ts), never writes.
 */
import { home, longDate, start } from '../lib/strings';
import { href, worksheetUrl } from '../lib/urls';
import { radarData } from '../worksheets/charts';
import { muscleAt, startFromCheck, worksheetsFor } from '../worksheets/routing';
import type { RadarChart } from '../worksheets/schema';
import { pageDefinitions, startedWorksheets } from './local-progress';

const RECENT = 3;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; href?: string } = {},
  ...children: (Node | string)[]
) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text) node.textContent = props.text;
  if (props.href && node instanceof HTMLAnchorElement) node.href = href(props.href);
  node.append(...children);
  return node;
}

function when(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return longDate(d);
}

export function initHome(): void {
  const box = document.querySelector<HTMLElement>('[data-home-start]');
  if (!box) return;
  const sheets = pageDefinitions();
  const started = startedWorksheets(sheets);
  if (!started.length) return;

  const panel = el('div', { class: 'home-start__back' });
  panel.dataset['homeReturning'] = '';
  panel.append(el('h2', { class: 'home-start__title', text: home.backTitle }));
  panel.lastElementChild!.id = 'home-start-title';

  const list = el('ul', { class: 'home-start__recent' });
  for (const s of started.slice(0, RECENT)) {
    const date = when(s.updated);
    list.append(
      el(
        'li',
        {},
        el('a', { href: worksheetUrl(s.id), text: s.title }),
        el('span', { class: 'home-start__meta', text: home.progress(s.answered, s.total, date) }),
      ),
    );
  }
  panel.append(el('p', { class: 'home-start__label', text: home.recent }), list);

  const check = started.find((s) => s.id === 'muscles-check');
  const ws = sheets.find((w) => w.id === 'muscles-check');
  const chart = ws?.charts.find((c): c is RadarChart => c.kind === 'radar');
  const next = check && ws && chart ? startFromCheck(radarData(ws, chart, check.answers)) : undefined;
  if (next?.picks.length) {
    panel.append(el('p', { class: 'home-start__label', text: home.next }));
    const note = start.ties(
      'widest gap',
      next.sharedFirst,
      next.picks[0]!.gap,
      next.widest < next.sharedFirst,
      next.tieAtCut,
      next.picks.length,
    );
    if (note) panel.append(el('p', { text: note }));
    const ol = el('ol', { class: 'home-start__next' });
    for (const m of next.picks) {
      const muscle = muscleAt(m.href);
      const item = el('li', {}, m.href ? el('a', { href: m.href, text: m.label }) : m.label, ` (${start.checkItem(m.today, m.needed)})`);
      if (muscle)
        item.append(
          ' · ',
          el(
            'a',
            { href: worksheetsFor(muscle), text: start.worksheetsLink },
            el('span', { class: 'visually-hidden', text: ` ${m.label}` }),
          ),
        );
      ol.append(item);
    }
    panel.append(ol);
  } else {
    panel.append(el('p', {}, home.noCheck, ' ', el('a', { href: worksheetUrl('muscles-check'), text: home.takeCheck })));
  }
  panel.append(el('p', {}, el('a', { href: '/worksheets/', text: home.all })));
  box.querySelector('[data-home-first]')?.replaceWith(panel);
}
