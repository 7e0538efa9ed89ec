/**
 * Run-sheet timing, framework-free: clock times from a start time and a list of lengths, across
 * breaks and past midnight, and the state of a session being run ("+5 min", "next").
 *
 * Times of day are minutes after midnight of the first day (a session starting at 23:30 with a
 * 45-minute first activity ends its first activity at 1455, shown as "00:15 (next day)").
 */

/** Parses "9:30" or "09:30" into minutes after midnight; null for anything else. */
export function parseClock(text: string): number | null {
  const m = /^\s*(\d{1,2})[:.h](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** "09:30" for minutes after midnight, whatever the day. */
export function clock(minutes: number): string {
  const day = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(day / 60)).padStart(2, '0')}:${String(day % 60).padStart(2, '0')}`;
}

/** 0 on the first day, 1 on the next, and so on. */
export const dayOf = (minutes: number): number => Math.floor(minutes / 1440);

/** "09:30", or "00:15 (next day)" / "09:00 (day 3)" after midnight. */
export function clockWithDay(minutes: number): string {
  const d = dayOf(minutes);
  if (d === 0) return clock(minutes);
  return `${clock(minutes)} (${d === 1 ? 'next day' : `day ${d + 1}`})`;
}

export interface Timed {
  minutes: number;
  /** A row that begins a new day starts at `dayStart` minutes after midnight of that day. */
  day?: number | undefined;
}

export interface Slot {
  start: number;
  end: number;
}

/**
 * Start and end of each row. Rows follow each other without gaps; a row whose `day` is higher than
 * the row before it starts that day at the start time (an overnight break in a retreat).
 */
export function schedule(start: number, rows: readonly Timed[]): Slot[] {
  let at = start;
  let day = rows[0]?.day ?? 1;
  return rows.map((r) => {
    const d = r.day ?? day;
    if (d > day) {
      at = (d - 1) * 1440 + start;
      day = d;
    }
    const slot = { start: at, end: at + r.minutes };
    at = slot.end;
    return slot;
  });
}

/** The sum of the rows' minutes: the session's stated length, preparation and follow-up apart. */
export const totalMinutes = (rows: readonly Timed[]): number => rows.reduce((sum, r) => sum + r.minutes, 0);

/**
 * A session being run. Lengths are in milliseconds and change as the facilitator adds time or moves
 * on early; `startedAt` is the clock time (ms since the epoch) the first activity began.
 */
export interface RunState {
  startedAt: number;
  lengths: number[];
}

export const MINUTE = 60_000;

export function startRun(rows: readonly Timed[], now: number): RunState {
  return { startedAt: now, lengths: rows.map((r) => r.minutes * MINUTE) };
}

export interface RunPosition {
  /** The activity under way; equals lengths.length when the session is over. */
  index: number;
  /** When the current activity started and ends, in ms since the epoch. */
  start: number;
  end: number;
  /** Time left in the current activity (0 once over). */
  left: number;
  done: boolean;
}

export function position(run: RunState, now: number): RunPosition {
  let at = run.startedAt;
  for (let i = 0; i < run.lengths.length; i++) {
    const end = at + run.lengths[i]!;
    if (now < end) return { index: i, start: at, end, left: end - Math.max(now, at), done: false };
    at = end;
  }
  return { index: run.lengths.length, start: at, end: at, left: 0, done: true };
}

/** Start times (ms) of every activity as the run now stands: what "+5 min" shifts. */
export function runStarts(run: RunState): number[] {
  let at = run.startedAt;
  return run.lengths.map((l) => {
    const s = at;
    at += l;
    return s;
  });
}

/** "+5 min": the current activity gets longer and everything after it moves later by as much. */
export function addTime(run: RunState, now: number, minutes = 5): RunState {
  const { index, done } = position(run, now);
  if (done) return run;
  return { ...run, lengths: run.lengths.map((l, i) => (i === index ? l + minutes * MINUTE : l)) };
}

/** "Next": the current activity ends now and the next one starts now. */
export function nextActivity(run: RunState, now: number): RunState {
  const { index, start, done } = position(run, now);
  if (done) return run;
  return { ...run, lengths: run.lengths.map((l, i) => (i === index ? Math.max(0, now - start) : l)) };
}

/** "12:05" or "1:02:05" for a duration in ms, rounded up to the second (a countdown never shows 0 early). */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Clock time of day for an epoch time, in the browser's own time zone. */
export function clockAt(epochMs: number): string {
  const d = new Date(epochMs);
  return clock(d.getHours() * 60 + d.getMinutes());
}
