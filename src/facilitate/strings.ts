/**
 * Words of the facilitator's tools (the run-sheet builder, run mode, the group picture, "Share my
 * ratings" and the facilitator view). Kept beside src/lib/strings.ts, in the same shape, so that the
 * reading pages do not ship them and a translation is still a change of data only.
 */
export const f = {
  // The builder
  startFrom: 'Start from a session plan',
  usePlan: 'Use this plan',
  noPlan: 'Choose a plan…',
  planLoaded: (title: string) => `The run-sheet now follows the plan “${title}”. Change anything you like.`,
  replaceSaved: (title: string) => `You have a saved run-sheet. Replace it with the plan “${title}”?`,
  replace: 'Replace it',
  keepMine: 'Keep my run-sheet',
  sheetTitle: 'Title of the session',
  startTime: 'Start time',
  groupSize: 'Group size',
  addWorksheet: 'Add a worksheet',
  chooseWorksheet: 'Choose a worksheet…',
  add: 'Add',
  breakMinutes: 'Break length (minutes)',
  addBreak: 'Add a break',
  activity: 'Other activity',
  addActivity: 'Add the activity',
  activityMinutes: 'Its length (minutes)',
  breakLabel: 'Break',
  agenda: 'Agenda',
  empty: 'Nothing on the run-sheet yet. Start from a plan, or add worksheets, activities and breaks.',
  rowLabel: (n: number) => `Activity ${n}`,
  rowMinutes: (n: number) => `Minutes for activity ${n}`,
  moveUp: (n: number) => `Move activity ${n} up`,
  moveDown: (n: number) => `Move activity ${n} down`,
  remove: (n: number) => `Remove activity ${n}`,
  moved: (label: string, n: number) => `Moved “${label}” to place ${n}.`,
  removed: (label: string) => `Removed “${label}”.`,
  reorderHint: 'To reorder by keyboard, focus an activity and press Alt with the up or down arrow, or use the move buttons.',
  kind: { worksheet: 'Worksheet', break: 'Break', activity: 'Activity' } as Record<string, string>,
  total: (length: string, end: string) => `Total ${length}, ending at ${end}.`,
  invalidStart: 'Type the start time as hours and minutes, such as 09:30.',
  toPrint: 'What to print',
  toPrintIntro: (n: number) => `For a group of ${n}: one copy per person, and one for you.`,
  nothingToPrint: 'No worksheets on the run-sheet yet.',
  copies: (n: number) => `${n} ${n === 1 ? 'copy' : 'copies'}`,
  blankCopy: 'blank copy',
  materials: 'Materials',
  noMaterials: 'The worksheets you add list their materials here.',
  print: 'Print the run-sheet',
  clear: 'Clear the run-sheet',
  cleared: 'The run-sheet was cleared.',
  undo: 'Undo',
  saved: 'Saved in this browser.',
  quota: 'Not saved: this browser has no room left for the guide. Your run-sheet is still on the page; print it before you leave.',
  unavailable: 'This browser is not letting the guide store anything, so the run-sheet will not be kept after you leave this page.',
  tooNew: 'A run-sheet saved by a newer version of the guide is in this browser. It is left untouched, and changes here will not be saved.',
  blocked:
    'A saved run-sheet could not be read, and there was no room to keep it aside. It is left untouched, and changes here will not be saved.',
  quarantined: (key: string) =>
    `A saved run-sheet could not be read. It has not been deleted: it is kept in this browser’s storage under “${key}”. You are starting afresh.`,
  // Run mode
  startRun: 'Start run mode',
  runMode: 'Run mode',
  now: 'Now',
  left: 'Time left',
  over: 'Over time',
  ends: (t: string) => `Ends at ${t}`,
  next: 'Next',
  nextAt: (label: string, t: string) => `${label}, at ${t}`,
  nothingNext: 'Nothing: this is the last activity.',
  plus5: '+5 min',
  nextActivity: 'Next activity',
  exitRun: 'Leave run mode',
  finished: 'The session is over.',
  finishedAt: (t: string) => `It ended at ${t}.`,
  step: (n: number, of: number) => `Activity ${n} of ${of}`,
  // The group picture
  paste: 'Paste ratings codes',
  pasteHelp: 'One code per line, or separated by commas. Codes come from “Share my ratings” on the muscles check or the gaps scan.',
  addCodes: 'Add the codes',
  files: 'Or choose ratings files',
  drop: 'Or drop ratings files here',
  added: (n: number) => `${n} ${n === 1 ? 'code' : 'codes'} added.`,
  duplicate: (code: string) => `“${code}” is already in the list, so it was not added again.`,
  otherScheme: (code: string, theirs: string, ours: string) =>
    `“${code}” is from the ${theirs}; this picture holds ${ours} codes. Clear the list to draw a picture of the ${theirs}.`,
  fileUnreadable: (name: string) => `The file “${name}” holds no ratings code.`,
  people: (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`,
  codesIn: 'Codes in the picture',
  removeCode: (code: string) => `Remove ${code}`,
  noCodes: 'No codes yet. The picture appears when the first code is added.',
  median: 'Median',
  range: 'Range',
  spread: 'Spread of ratings',
  rated: 'Rated by',
  savefile: 'Save the codes as a file',
  printPicture: 'Print the picture',
  clearCodes: 'Clear the list',
  nothingStored: 'Nothing here is stored: close the page and the codes are gone, unless you save them as a file. No names are asked for.',
  spreadText: (counts: number[]) =>
    counts
      .map((c, i) => (c ? `${c} gave ${i + 1}` : ''))
      .filter(Boolean)
      .join(', ') || 'no ratings',
  radarTitle: (what: string) => `The group’s ${what}: median and range`,
  rangeText: (min: number, max: number) => `${min} to ${max}`,
  // The group picture as a PDF (src/facilitate/group-document.ts)
  pdfTitle: (name: string) => `The group picture: ${name}`,
  pdfPurpose:
    'The pattern of the room’s ratings, put together from codes that people shared themselves. A code holds ratings only: no names, no text.',
  pdfChartTitle: 'Median and range',
  pdfMedianOf: (series: string) => `Median: ${series.toLowerCase()}`,
  pdfRangeOf: (series: string) => `Range: ${series.toLowerCase()}`,
  pdfSpreadOf: (series: string) => `Spread: ${series.toLowerCase()}`,
  /** What one axis of each scheme's radar is. */
  units: { 'muscles-check': 'muscle', 'gaps-scan': 'gap' } as Record<string, string>,
  downloadPicture: 'Download the picture as a PDF',
  pdfAxis: (unit: string) => unit.charAt(0).toUpperCase() + unit.slice(1),
  pdfTableCaption: (unit: string) => `The median, range and spread of the ratings for each ${unit}`,
  pdfAlt: (people: number, axes: number, unit: string, series: string[], band: boolean) =>
    `A radar chart of the ratings of ${people} ${people === 1 ? 'person' : 'people'}, with one spoke for each of ${axes} ${unit}s, rated from 1 to 5. ` +
    `One line for the median of each of: ${series.map((s) => s.toLowerCase()).join(', ')}` +
    (band ? `; a shaded band for the range of “${series[0]!.toLowerCase()}”, from the lowest rating to the highest.` : '.') +
    ' The table gives every value.',
  // Share my ratings
  share: 'Share my ratings',
  /** The panel's name as a landmark: unique where several worksheets share a page (the disk copy's app.html). */
  shareOf: (title: string) => `Share my ratings: ${title}`,
  shareIntro:
    'For a group session: a short code with your ratings only (no text, no name) to read out or paste into a chat, or a file with the same code. Nothing is sent anywhere by the guide.',
  yourCode: 'Your code',
  copy: 'Copy the code',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the code and copy it yourself.',
  download: 'Download as a file',
  noRatings: 'Rate at least one item first, then share.',
  shareFailed: 'Sharing could not start: this page’s code for it did not load. Reload the page and try again.',
  sharedCount: (n: number, of: number) => `The code holds ${n} of ${of} ratings.`,
  // The facilitator view
  view: 'View',
  selfGuided: 'Self-guided',
  facilitator: 'Facilitator',
} as const;
