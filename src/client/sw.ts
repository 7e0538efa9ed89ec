/**
 * Registers the service worker (src/build/service-worker.ts) on the hosted site, and offers to reload
 * when a new version has been deployed.
 *
 * Never from disk: the copy that opens from file:// ships this script too, and service workers do
 * not exist there. The notice is polite: it appears at the foot of the window in a status region,
 * takes no focus and reloads only when asked. Reloading tells the waiting worker to take over, then
 * reloads once it has. Answers (localStorage) are untouched by any of this.
 */
import { href, swScope } from '../lib/urls';
import { ui } from '../lib/strings';

/** How often a page left open looks for a new version when it comes back into view. */
const RECHECK_MS = 60 * 60 * 1000;

export function canRegister(loc: Pick<Location, 'protocol'> = window.location): boolean {
  return (loc.protocol === 'https:' || loc.protocol === 'http:') && 'serviceWorker' in navigator;
}

function noticeRegion(): HTMLElement {
  const existing = document.querySelector<HTMLElement>('[data-update-notice]');
  if (existing) return existing;
  const region = document.createElement('div');
  region.className = 'update-notice';
  region.setAttribute('role', 'status');
  region.dataset['updateNotice'] = '';
  document.body.append(region);
  return region;
}

function showNotice(region: HTMLElement, waiting: ServiceWorker): void {
  if (region.childElementCount) return;
  const text = document.createElement('p');
  text.textContent = ui.update.ready;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button button--primary';
  reload.textContent = ui.update.reload;
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'button';
  later.textContent = ui.update.later;
  reload.addEventListener('click', () => {
    reload.disabled = true;
    text.textContent = ui.update.reloading;
    let reloaded = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloaded) return;
      reloaded = true;
      window.location.reload();
    });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  later.addEventListener('click', () => region.replaceChildren());
  region.replaceChildren(text, reload, later);
}

export async function registerServiceWorker(): Promise<void> {
  if (!canRegister()) return;
  const region = noticeRegion();
  const registration = await navigator.serviceWorker.register(href('/sw.js'), { scope: swScope() });
  // Only a page that already has a worker is offered an update; the first install just takes control.
  const offer = (worker: ServiceWorker | null) => {
    if (worker && navigator.serviceWorker.controller) showNotice(region, worker);
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(registration.waiting ?? installing);
    });
  });
  let checked = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - checked < RECHECK_MS) return;
    checked = Date.now();
    registration.update().catch(() => {
      // Offline or the server is away: the next visit checks again.
    });
  });
}

if (typeof window !== 'undefined' && canRegister()) {
  const start = () => {
    registerServiceWorker().catch(() => {
      // Registration fails in private modes of some browsers; the site works without it.
    });
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
