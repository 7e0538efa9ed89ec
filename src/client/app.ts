/**
 * The app page (src/pages/app.astro, `app.html` in the copy on disk): shows the workbook or one worksheet
 * by the address's `#id`, so back and forward move between them. Anything else shows the workbook.
 */
function show(): void {
  const views = [...document.querySelectorAll<HTMLElement>('[data-app-view]')];
  if (views.length === 0) return;
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  // A view by its id, or the view holding an anchor (`#trust-inventory-people`).
  const current = views.find((v) => target && (v === target || v.contains(target))) ?? views[0];
  for (const v of views) v.hidden = v !== current;
  const title = current?.dataset['appTitle'];
  if (title) document.title = `${title} | Public Systems Field Guide`;
  if (!target || target === current) window.scrollTo(0, 0);
  else target.scrollIntoView();
}

window.addEventListener('hashchange', show);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
else show();
