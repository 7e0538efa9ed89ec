/**
 * How long a worksheet takes, in words a facilitator can plan with: the solo time and the time for the
 * largest group apart when they differ, then preparation and follow-up. Fieldwork spread over days
 * is shown on its own line by WorksheetMeta.
 */
import type { Worksheet } from '../worksheets/schema';
import { minutes } from './urls';

/** "15 min on your own, 1 h for a group of 12", or "45 min to run". */
export function runTime(ws: Pick<Worksheet, 'time' | 'mode' | 'groupSize'>): string {
  const { run, groupRun } = ws.time;
  if (groupRun === undefined || ws.mode === 'solo' || !ws.groupSize) return `${minutes(run)} to run`;
  const group = `${minutes(groupRun)} for a group of ${ws.groupSize.max}`;
  return ws.mode === 'both' ? `${minutes(run)} on your own, ${group}` : `${minutes(run)} to run, ${group}`;
}

/** The whole time line: "15 min on your own, 1 h for a group of 12; 5 min to prepare; 15 min to follow up". */
export function timeLine(ws: Pick<Worksheet, 'time' | 'mode' | 'groupSize'>): string {
  const prep = ws.time.prep ? `${minutes(ws.time.prep)} to prepare` : 'no preparation';
  const follow = ws.time.followUp ? `${minutes(ws.time.followUp)} to follow up` : 'no follow-up';
  return `${runTime(ws)}; ${prep}; ${follow}`;
}
