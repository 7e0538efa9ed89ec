/**
 * Run mode: the day itself. The current activity, the time left in large type, what comes next and
 * when, "+5 min" (which moves everything after it), "Next activity", and a way out. The clock ticks
 * once a second; the times are worked out in src/facilitate/timing.ts.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RunSheetStore } from '../../facilitate/run-sheet-store';
import { clockAt, countdown, position, runStarts } from '../../facilitate/timing';
import { f } from '../../facilitate/strings';

export function RunMode({ store }: { store: RunSheetStore }) {
  const sheet = useStore(store.$sheet);
  const [now, setNow] = useState(() => Date.now());
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves to the heading as soon as run mode is drawn, in the same task: an effect runs after the
  // next paint, and the button that started it is gone by then (focus would fall to the page meanwhile).
  useLayoutEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.stopRun();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearInterval(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const run = sheet.run;
  if (!run) return null;
  const pos = position(run, now);
  const starts = runStarts(run);
  const current = sheet.rows[pos.index];
  const next = sheet.rows[pos.index + 1];
  const act = (fn: () => void) => () => {
    setNow(Date.now());
    fn();
    setNow(Date.now());
  };
  return (
    <section class="run-mode" aria-labelledby="run-mode-title" data-run-mode>
      <h2 id="run-mode-title" tabIndex={-1} ref={heading} class="visually-hidden">
        {f.runMode}
      </h2>
      {pos.done || !current ? (
        <>
          <p class="run-mode__now" data-run-now>
            {f.finished}
          </p>
          <p class="run-mode__meta">{f.finishedAt(clockAt(pos.end))}</p>
        </>
      ) : (
        <>
          <p class="run-mode__meta">{f.step(pos.index + 1, sheet.rows.length)}</p>
          <p class="run-mode__now" data-run-now>
            <span class="run-mode__label">{f.now}</span>
            {current.label}
          </p>
          <p class="run-mode__left" data-run-left>
            <span class="visually-hidden">{f.left}: </span>
            {countdown(pos.left)}
          </p>
          <p class="run-mode__meta" data-run-ends>
            {f.ends(clockAt(pos.end))}
          </p>
          <p class="run-mode__next" data-run-next>
            <span class="run-mode__label">{f.next}</span>
            {next ? f.nextAt(next.label, clockAt(starts[pos.index + 1]!)) : f.nothingNext}
          </p>
        </>
      )}
      <div class="run-mode__actions">
        {!pos.done && (
          <>
            <button type="button" class="button button--primary" onClick={act(() => store.plus5())} data-run-plus5>
              {f.plus5}
            </button>
            <button type="button" class="button" onClick={act(() => store.next())} data-run-next-button>
              {f.nextActivity}
            </button>
          </>
        )}
        <button type="button" class="button" onClick={() => store.stopRun()} data-run-exit>
          {f.exitRun}
        </button>
      </div>
    </section>
  );
}
