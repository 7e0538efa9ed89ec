/** When the scripts that wait for the first paint are loaded (src/client/after-paint.ts). */
import { describe, expect, it } from 'vitest';
import { afterFirstPaint } from '../../src/client/after-paint.ts';

/** A window whose timers, frames and paint entries the test plays by hand. */
function fakeWindow({ paintEntries = true, hidden = false } = {}) {
  const timers: { ms: number; fn: () => void }[] = [];
  const frames: (() => void)[] = [];
  const observers: { cb: (list: { getEntriesByName: (n: string) => unknown[] }) => void; opts?: unknown; off: boolean }[] = [];
  class Observer {
    static supportedEntryTypes = paintEntries ? ['paint', 'resource'] : ['resource'];
    private entry: (typeof observers)[number];
    constructor(cb: (typeof observers)[number]['cb']) {
      this.entry = { cb, off: false };
      observers.push(this.entry);
    }
    observe(opts: unknown) {
      this.entry.opts = opts;
    }
    disconnect() {
      this.entry.off = true;
    }
  }
  const win = {
    setTimeout: (fn: () => void, ms: number) => timers.push({ ms, fn }),
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    PerformanceObserver: Observer,
    document: { visibilityState: hidden ? 'hidden' : 'visible' },
  };
  const report = (...names: string[]) => {
    for (const o of observers.filter((x) => !x.off)) o.cb({ getEntriesByName: (n) => names.filter((x) => x === n) });
  };
  /** Runs the timers queued so far whose delay is at most `ms`, in order. */
  const runTimers = (ms: number) => {
    for (const t of timers.splice(0).filter((x) => x.ms <= ms)) t.fn();
  };
  return { win: win as unknown as Window & typeof globalThis, timers, frames, observers, report, runTimers };
}

describe('afterFirstPaint', () => {
  it('waits for the first contentful paint to be reported, then runs once in a task of its own', () => {
    const f = fakeWindow();
    let runs = 0;
    afterFirstPaint(() => runs++, f.win);
    expect(f.observers[0]?.opts).toEqual({ type: 'paint', buffered: true });
    expect(f.frames, 'no frame callback where paint entries exist').toHaveLength(0);
    // A frame drawn is not yet a frame shown; the first paint (not contentful) is not enough either.
    f.report('first-paint');
    f.runTimers(0);
    expect(runs).toBe(0);
    f.report('first-contentful-paint');
    expect(runs, 'not within the observer callback').toBe(0);
    expect(f.observers[0]?.off, 'the observer is let go').toBe(true);
    f.runTimers(0);
    expect(runs).toBe(1);
    f.runTimers(3000);
    expect(runs, 'the fallback timer does not run it again').toBe(1);
  });

  it('runs after three seconds if the paint is never reported, and half a second on a hidden page', () => {
    for (const [hidden, ms] of [
      [false, 3000],
      [true, 500],
    ] as const) {
      const f = fakeWindow({ hidden });
      let runs = 0;
      afterFirstPaint(() => runs++, f.win);
      expect(f.timers.map((t) => t.ms)).toEqual([ms]);
      f.runTimers(ms);
      expect(runs).toBe(1);
      f.report('first-contentful-paint');
      f.runTimers(0);
      expect(runs).toBe(1);
    }
  });

  it('without paint entries, runs in a task queued from the next frame', () => {
    const f = fakeWindow({ paintEntries: false });
    let runs = 0;
    afterFirstPaint(() => runs++, f.win);
    expect(f.observers).toHaveLength(0);
    expect(f.frames).toHaveLength(1);
    f.runTimers(0);
    expect(runs).toBe(0);
    f.frames[0]!();
    f.runTimers(0);
    expect(runs).toBe(1);
  });
});
