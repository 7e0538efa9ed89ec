/**
 * Minutes a worksheet takes in a group session: `time.groupRun` where a worksheet gives it, otherwise
 * `time.run` (the solo, or only, time). Read loosely so this works before and after the schema has
 * the optional field.
 */
export function groupMinutes(time: { run: number }): number {
  const g = (time as { groupRun?: unknown }).groupRun;
  return typeof g === 'number' && g > 0 ? g : time.run;
}

/** The fieldwork a worksheet needs outside the session (such as interviews), when it says. */
export function fieldwork(time: { run: number }): string | undefined {
  const w = (time as { fieldwork?: unknown }).fieldwork;
  return typeof w === 'string' && w ? w : undefined;
}
