/** Behaviour every page shares: the theme toggle, the menu on narrow screens, and search. */
import { KEYS } from '../lib/storage-keys';
import { ui } from '../lib/strings';
import { initSearch, initSearchPage } from './search/ui';
import { initFinder } from './finder';

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
  button.hidden = false;
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

function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-button]');
  const nav = document.getElementById('site-nav');
  if (!button || !nav) return;
  button.hidden = false;
  document.documentElement.classList.add('has-menu');
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      set(false);
      button.focus();
    }
  });
}

function init(): void {
  initTheme();
  initMenu();
  initSearch();
  initSearchPage();
  initFinder();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
