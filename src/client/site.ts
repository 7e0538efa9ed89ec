/** Behaviour every page shares: the theme toggle, the menu on narrow screens, and search. */
import { KEYS } from '../lib/storage-keys';
import { ui } from '../lib/strings';
import { initSearch, initSearchPage } from './search/ui';

function currentTheme(): 'light' | 'dark' {
  const set = document.documentElement.dataset['theme'];
  if (set === 'light' || set === 'dark') return set;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function initTheme(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  const label = button?.querySelector('[data-theme-label]');
  if (!button || !label) return;
  const render = () => {
    const dark = currentTheme() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    label.textContent = ui.darkTheme;
  };
  render();
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset['theme'] = next;
    try {
      window.localStorage.setItem(KEYS.theme, next);
    } catch {
      // The choice lasts for this page only.
    }
    render();
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', render);
}

/**
 * The menu on narrow screens. The button is shown by CSS (html.js) from the first paint and the
 * navigation is folded away by CSS too, so nothing moves when this runs. Opening lays the
 * navigation over the page and moves focus to the current page's link in it (the navigation follows
 * the content in the page); its close button, Escape, a click outside or focus leaving it close it.
 */
function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-button]');
  const nav = document.getElementById('site-nav');
  if (!button || !nav) return;
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
  };
  nav.tabIndex = -1;
  button.addEventListener('click', () => {
    set(!isOpen());
    if (!isOpen()) return;
    const current = nav.querySelector<HTMLElement>('[aria-current="page"]');
    (current ?? nav).focus({ preventScroll: true });
    current?.scrollIntoView({ block: 'center' });
  });
  nav.querySelector('[data-menu-close]')?.addEventListener('click', () => {
    set(false);
    button.focus();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen()) {
      set(false);
      button.focus();
    }
  });
  nav.addEventListener('focusout', (e) => {
    const to = e.relatedTarget;
    if (isOpen() && to instanceof Node && !nav.contains(to) && to !== button) set(false);
  });
  document.addEventListener('click', (e) => {
    const target = e.target;
    if (isOpen() && target instanceof Node && !nav.contains(target) && !button.contains(target)) set(false);
  });
}

function init(): void {
  initTheme();
  initMenu();
  initSearch();
  initSearchPage();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
