/**
 * Calls `run` once, in a task after the page's first paint has reached the screen.
 *
 * "Reached the screen" is when the browser reports it (the first-contentful-paint entry, which carries
 * the time the frame was shown), not when the frame was merely drawn: on a slow phone the screen can lag
 * the drawing, and a script asked for in that gap competes with the first paint for the network
 * (Lighthouse then counts its download in the time to the largest paint: about a second more on a
 * simulated phone). Where the browser has no paint entries, a task queued from a frame callback runs
 * after that frame is drawn. A page that is not being drawn (a tab opened in the background) runs it all
 * the same after a while: half a second when hidden, three seconds at most otherwise.
 */
export function afterFirstPaint(run: () => void, win: Window & typeof globalThis = window): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  const soon = () => win.setTimeout(once, 0);
  const Observer = win.PerformanceObserver;
  if (typeof Observer === 'function' && Observer.supportedEntryTypes?.includes('paint')) {
    const observer = new Observer((list: PerformanceObserverEntryList) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      soon();
    });
    // `buffered`: the paint may have been reported before this script ran.
    observer.observe({ type: 'paint', buffered: true });
  } else {
    // A frame callback runs just before the paint; a task queued from it runs after that paint.
    win.requestAnimationFrame(soon);
  }
  win.setTimeout(once, win.document.visibilityState === 'hidden' ? 500 : 3000);
}
