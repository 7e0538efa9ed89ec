/**
 * Words the interface says, in one place: a translation is a change of this file. `t` holds the
 * worksheet form's words, `ui` those of the site's chrome. Functions take the values they need.
 */
export const t = {
  progress: (answered: number, total: number) => `${answered} of ${total} questions answered`,
  saved: (time: string) => `Saved on this device at ${time}`,
  saving: 'Saving…',
  notSavedYet: 'Your answers save on this device as you type.',
  quota:
    'Not saved: this browser has no room left to store the guide’s answers. Your text is still on the page. Print your answers or copy them somewhere safe, then free space by clearing answers you no longer need.',
  unavailable:
    'This browser is not letting the guide store anything, so answers will not be kept after you leave this page. Print your answers, or copy them, before you go.',
  tooNew:
    'Answers to this worksheet were saved by a newer version of the guide. To protect them, this page will not change them: what you type now will not be saved. Open the newest version of the guide to continue.',
  blocked:
    'Answers saved earlier could not be read, and there was no room to keep them aside. They are left untouched, and what you type now will not be saved. Print your answers before you leave.',
  quarantined: (key: string) =>
    `Answers saved earlier could not be read. They have not been deleted: they are kept aside in this browser’s storage under “${key}”. You are starting with an empty worksheet.`,
  clearedElsewhere:
    'This worksheet was cleared in another tab or window. Your answers are still on this page and will be saved again when you next type.',
  conflict: 'This answer was also changed in another tab or window. This page kept your version. The other version was:',
  useTheirs: 'Use the other version',
  keepMine: 'Keep mine',
  earlierTitle: 'Answers to earlier questions',
  earlierIntro:
    'This worksheet has changed since you answered it. These answers belong to questions that are no longer asked in this form. They are kept here so nothing is lost.',
  earlierDismiss: 'I have copied what I need: remove these',
  clear: 'Clear this worksheet',
  clearConfirm: 'Clear every answer on this worksheet? You can undo this straight afterwards.',
  clearYes: 'Yes, clear my answers',
  cancel: 'Cancel',
  cleared: 'Your answers were cleared.',
  undo: 'Undo',
  restored: 'Your answers are back.',
  print: 'Print my answers',
  printBlank: 'Printable blank version',
  clearChoice: 'Clear this answer',
  addRow: (name: string) => `Add ${article(name)} ${name}`,
  removeRow: (name: string, n: number) => `Remove ${name} ${n}`,
  moveUp: (name: string, n: number) => `Move ${name} ${n} up`,
  moveDown: (name: string, n: number) => `Move ${name} ${n} down`,
  rowLabel: (name: string, n: number) => `${cap(name)} ${n}`,
  maxItems: (n: number, name: string) => `You can list up to ${n} ${plural(name)}.`,
  noAnswer: 'No answer yet.',
  notAnswered: 'Not answered',
  scaleValue: (v: number, min: number, minLabel: string, max: number, maxLabel: string) =>
    `${v} on a scale from ${min} (${minLabel}) to ${max} (${maxLabel})`,
  chartEmpty: 'The picture appears as you answer.',
  choose: 'Choose…',
  jsNeeded:
    'Saving answers needs JavaScript, which is off or did not load, so the fields below are switched off. You can read the questions here, and write your answers on the printable version.',
  yourAnswers: 'Your answers',
  printedOn: (date: string) => `Printed on ${date}`,
  downloadPdf: 'Download PDF',
  pdfPreparing: 'Preparing the PDF…',
  pdfReady: (file: string) => `Your PDF is ready: ${file}`,
  pdfFailed: 'The PDF could not be made in this browser. Your answers are safe: print them instead.',
  /** A row or ranked item as buttons and announcements name it: its text when it has some, else its place. */
  itemLabel: (name: string, n: number, text?: string) => {
    const words = (text ?? '').trim().replace(/\s+/g, ' ');
    if (!words) return `${cap(name)} ${n}`;
    return `“${words.length > 40 ? `${words.slice(0, 40).replace(/\s+\S*$/, '')}…` : words}”`;
  },
  moveItemUp: (label: string) => `Move ${label} up`,
  moveItemDown: (label: string) => `Move ${label} down`,
  removeItem: (label: string) => `Remove ${label}`,
  itemMoved: (label: string, n: number, total: number) => `${label} moved to ${n} of ${total}.`,
  itemAdded: (label: string) => `${label} added.`,
  itemRemoved: (label: string) => `${label} removed.`,
  answerCleared: (question: string) => `Answer cleared: ${question}`,
  keptMine: 'Your version was kept.',
  usedTheirs: 'The other version is now in the field.',
  clearCancelled: 'Nothing was cleared.',
  inQuadrant: (q: string) => `in “${q}”`,
  betweenQuadrants: (a: string, b: string) => `on the line between “${a}” and “${b}”`,
  mapCentre: 'at the centre of the map',
  mapBlank: (x: string, y: string) =>
    `Mark each one on the grid: ${x.toLowerCase()} from left to right, ${y.toLowerCase()} from bottom to top.`,
  radarBlank: 'Mark each rating on its spoke, counting out from the centre, then join the marks of each line.',
  radarSeries: (series: string, values: string) => `${series}: ${values}.`,
  notRated: 'not rated',
  valueOf: (v: number, max: number) => `${v} of ${max}`,
} as const;

/** Words inside the PDF (src/pdf/render.ts): kept apart so the worksheet form does not ship them. */
export const pdfWords = {
  workbookTitle: 'My workbook',
  workbookSubject: 'Every worksheet with the answers saved on this device',
  savedOn: (date: string) => `Saved on ${date}`,
  worksheetCount: (n: number) => `${n} worksheet${n === 1 ? '' : 's'}`,
  contents: 'Contents',
  earlierIntro: 'Answers to questions this worksheet no longer asks, kept so nothing is lost.',
  legend: 'Lines',
  key: 'Key',
  pageOf: (page: number, pages: number) => `${page} of ${pages}`,
  missingGlyphs: (placeholder: string) =>
    `Some characters could not be drawn in this PDF and are shown as ${placeholder}. They are kept in your answers on this device and in the JSON backup.`,
} as const;

/** Words of the document model's chart text (src/worksheets/document.ts): summaries and text tables. */
export const docWords = {
  radarEmpty: (labels: string[]) => `A radar chart with ${labels.length} spokes (${labels.join(', ')}), not yet filled in.`,
  radar: (n: number, min: number, max: number, series: string[]) =>
    `A radar chart with one spoke for each of ${n} items, rated from ${min} to ${max}, one line for each of: ${series.join(', ')}. The table gives every value.`,
  radarCaption: (title: string) => `${title}: the values drawn`,
  mapEmpty: (x: string, y: string) => `A map with ${x.toLowerCase()} across and ${y.toLowerCase()} up, not yet filled in.`,
  map: (n: number, x: string, y: string, quadrants: boolean) =>
    `A map placing ${n} item${n === 1 ? '' : 's'} by ${x.toLowerCase()} (across) and ${y.toLowerCase()} (up)${quadrants ? ', in four quadrants' : ''}. The table gives every place.`,
  mapCaption: (title: string) => `${title}: where each item is placed`,
  unplaced: (items: string[]) => `Not placed yet (both ratings needed): ${items.join(', ')}.`,
  quadrant: 'Quadrant',
  between: (a: string, b: string) => `Between ${a} and ${b}`,
  centre: 'At the centre',
} as const;

/** Words of rounds (src/worksheets/rounds.ts, islands/Rounds.tsx and the document model). */
export const rounds = {
  defaultName: (date: string) => `Round of ${date}`,
  row: (n: number) => `Row ${n}`,
  title: 'Your rounds: change over months',
  intro:
    'Save your ratings as a dated round, then come back in a few months, rate again and save another. The radar draws your rounds over each other and the table shows what moved.',
  introTable:
    'Save your ratings as a dated round, then come back in a few months, rate again and save another. The tables show what moved.',
  save: 'Save this round',
  nameLabel: 'Name of the round (optional)',
  nothingRated: 'Rate at least one item first: a round keeps your ratings.',
  saved: (name: string) => `Saved: ${name}.`,
  none: 'No rounds saved yet.',
  listTitle: 'Saved rounds',
  savedOn: (date: string) => `saved ${date}`,
  rename: 'Rename',
  renameLabel: (name: string) => `New name for ${name}`,
  renameSave: 'Save name',
  renamed: (name: string) => `Renamed: ${name}.`,
  renameCancelled: 'The name was not changed.',
  delete: 'Delete',
  deleteConfirm: (name: string) => `Delete ${name}? You can undo this straight afterwards.`,
  deleteYes: 'Yes, delete it',
  deleted: (name: string) => `Deleted: ${name}.`,
  deleteCancelled: 'Nothing was deleted.',
  undone: (name: string) => `${name} is back.`,
  quota:
    'There is no room left in this browser’s storage, so the round was not stored. It stays on this page until you close it; free some space or export a backup.',
  unavailable: 'This browser is not letting the guide store anything: rounds stay on this page only until you close it.',
  tooNew: 'Your rounds were saved by a newer version of the guide. Open the newest version to see them; this page will not change them.',
  quarantined: 'Your saved rounds could not be read. They were set aside unchanged (see the workbook page) and new rounds start afresh.',
  blocked: 'Your saved rounds could not be read and could not be set aside, so this page will not store rounds, to keep them as they are.',
  dropped: (n: number) => `${n} saved value${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'was' : 'were'} left out.`,
  hidden: (shown: number, total: number) => `The radar and the tables show your latest ${shown} rounds of ${total}.`,
  valuesCaption: (title: string) => `${title}: your rating in each round`,
  changesTitle: 'What changed between rounds',
  changesCaption: 'The change in each rating, in points, between rounds and from the first round to now',
  changeBetween: (a: string, b: string) => `${a} to ${b}`,
  firstToNow: (first: string) => `${first} to now`,
  now: 'Now',
  radarSeries: (name: string) => name,
  summary: (n: number) =>
    `${n === 1 ? 'One saved round is' : `${n} saved rounds are`} drawn over the current ratings, each with its own line.`,
  quarantineLabel: (title: string) => `Rounds of ${title}`,
} as const;

/** The backup reminder on worksheet pages (src/islands/mount.tsx): kept apart so the form does not ship `w`. */
const remindNever = 'You have answers that have never been backed up. Export a backup and keep the file somewhere safe.';
const remindSince = (when: string) => `Your answers have changed since your last backup (${when}). Export a new one.`;
export const remind = { never: remindNever, since: remindSince } as const;

/** Words of the workbook page (src/islands/Workbook.tsx). */
export const w = {
  notStarted: 'Not started',
  inProgress: (n: number, m: number) => `In progress: ${n} of ${m} answered`,
  complete: (m: number) => `Complete: all ${m} answered`,
  unreadable: 'Saved answers could not be read (kept aside, see below)',
  tooNew: 'Saved by a newer version of the guide',
  changed: (when: string) => `Last changed ${when}`,
  print: 'Print answers',
  printAll: 'Print all my answers',
  pdfAll: 'Download all as one PDF',
  backupTitle: 'Back up and move your answers',
  backupIntro:
    'Your answers are stored only in this browser. Browsers do delete stored data: Safari after seven days without a visit, and anyone clearing their history. A backup file you keep is the only real safety, and it is how you move answers between devices, browsers, or the website and a copy on disk.',
  lastExport: (when: string) => `Last exported ${when}.`,
  neverExported: 'You have not exported a backup from this browser yet.',
  export: 'Export backup (JSON)',
  exported: (n: number) => `Backup saved: ${n} worksheet${n === 1 ? '' : 's'}. Keep the file somewhere safe.`,
  import: 'Import backup',
  drop: 'Or drop a backup file here.',
  tooLarge: (mb: string) =>
    `This file is ${mb} MB, larger than any backup of the guide can be (at most 5 MB). It is not a backup of the guide.`,
  nothingChanged: 'Nothing was changed.',
  previewTitle: 'What this import will change',
  previewIntro: (file: string, when: string, version: string) => `${file}: exported ${when} by version ${version} of the guide.`,
  migrated: 'The file was made by an earlier version of the guide; its answers have been brought up to date.',
  colWorksheet: 'Worksheet',
  colChange: 'What happens',
  change: {
    new: 'Added: nothing is saved for it here yet',
    replaced: 'Replaces the answers saved here',
    unchanged: 'Unchanged: the same answers are saved here',
    kept: 'Kept: saved here by a newer version of the guide, which this one does not overwrite',
  },
  changeRounds: {
    new: 'Added: no rounds are saved for it here yet',
    replaced: 'Replaces the rounds saved here',
    unchanged: 'Unchanged: the same rounds are saved here',
    kept: 'Kept: saved here by a newer version of the guide, which this one does not overwrite',
  },
  changeRunSheet: {
    new: 'Added: no run-sheet is saved here yet',
    replaced: 'Replaces the run-sheet saved here',
    unchanged: 'Unchanged: the same run-sheet is saved here',
    kept: 'Kept: saved here by a newer version of the guide, which this one does not overwrite',
  },
  runSheetTitle: 'Your run-sheet',
  quarantineRounds: (title: string) => `Rounds of ${title}`,
  localNewer: (local: string, file: string) => `The answers here were changed more recently (${local}) than the file’s (${file}).`,
  safetyNote: 'Before anything is written, the answers in this browser are kept as a safety copy, which one click puts back.',
  confirmImport: 'Import these answers',
  imported: (n: number, rounds = 0, runSheet = false) =>
    `Imported: ${n} worksheet${n === 1 ? '' : 's'} changed${rounds ? `, and the saved rounds of ${rounds} worksheet${rounds === 1 ? '' : 's'}` : ''}${runSheet ? ', and the run-sheet' : ''}. Open tabs of those worksheets now show the imported answers.`,
  restore: 'Put back the answers from before the last import',
  restored: 'The answers from before the last import are back.',
  quarantineTitle: 'Data set aside as unreadable',
  quarantineIntro:
    'What is listed here (answers, or a run-sheet) was saved in a form the guide could not read, so it was set aside instead of being overwritten. Download the raw text to keep it or to ask for help recovering it.',
  downloadRaw: 'Download its raw text',
  /** What the list of data set aside calls a run-sheet that could not be read. */
  runSheetSetAside: 'Run-sheet',
  keepTitle: 'Ask the browser to keep your answers',
  keepIntro:
    'Browsers may clear stored data when space runs low. You can ask this browser to keep the guide’s answers unless you remove them yourself.',
  keepAsk: 'Ask this browser to keep my answers',
  keepGranted: 'This browser has agreed to keep the guide’s answers until you remove them.',
  keepDenied: 'This browser did not agree. Export a backup regularly instead.',
  keepFromDisk: 'This is not available in a copy opened from disk: browsers offer it only to websites. Export a backup regularly instead.',
  keepUnsupported: 'This browser does not offer it. Export a backup regularly instead.',
  deleteTitle: 'Delete everything',
  deleteIntro: 'Removes every answer and setting the guide has stored in this browser, and nothing else.',
  delete: 'Delete everything…',
  deleteConfirm:
    'Delete every answer the guide has stored in this browser? This cannot be undone. Export a backup first if you may want them again. Close other tabs of the guide first, or they will save what they show again.',
  exportFirst: 'Export a backup first',
  deleteYes: 'Yes, delete everything',
  deleted: (n: number) => `Deleted: ${n} item${n === 1 ? '' : 's'} removed from this browser.`,
  remindNever,
  remindSince,
  remindLink: 'Back up on the workbook page',
} as const;

/** Words of the site's chrome (search, finder, theme): kept apart so reading pages do not ship the form's words. */
export const ui = {
  search: {
    searching: 'Searching…',
    results: (n: number, q: string) => (n ? `${n} result${n === 1 ? '' : 's'} for “${q}”` : `No pages match “${q}”.`),
    unavailable: 'Search is not available here. Use the menu to browse the guide.',
    tooShort: 'Type at least two letters in the search box at the top of the page.',
  },
  finder: {
    count: (shown: number, total: number) =>
      shown === total
        ? `All ${total} worksheets`
        : shown === 0
          ? 'No worksheet matches: try fewer filters.'
          : `${shown} of ${total} worksheets match`,
    progress: (answered: number, total: number) =>
      answered >= total ? 'Yours: every question answered' : `Yours: ${answered} of ${total} answered`,
  },
  darkTheme: 'Dark theme',
  update: {
    ready: 'A new version of the guide is ready. Your answers stay as they are.',
    reload: 'Reload to update',
    later: 'Not now',
    reloading: 'Updating…',
  },
} as const;

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);
const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

/** Words of "where to start" (routing.ts), under the radar and on the home page. */
export const start = {
  checkTitle: 'Where to start: the widest gaps between today and where you need to be',
  gapsTitle: 'Where to start: the muscles that answer the gaps you see most',
  worksheetsLink: 'worksheets for it',
  checkItem: (today: number, needed: number) => `${today} now, ${needed} needed`,
  gapsItem: (score: number, gaps: string[]) => `${points(score)}, from ${gaps.join(', ')}`,
  /**
   * Says plainly when several muscles tie, instead of picking by list order: how many share the first
   * place (`shared`, on `what` with `value` points), whether a second key ordered them (`ordered`), and
   * whether a tie on the cut made the list longer (`tieAtCut`, `listed`).
   */
  ties: (what: 'widest gap' | 'highest score', shared: number, value: number, ordered: boolean, tieAtCut: boolean, listed: number) =>
    [
      shared > 1 ? `${cap(count(shared))} muscles share the ${what} (${points(value)}).` : '',
      shared > 1 && ordered ? 'Among them, lower scores today come first.' : '',
      tieAtCut ? `Several tie for the last place, so all ${count(listed)} are listed.` : '',
    ]
      .filter(Boolean)
      .join(' '),
} as const;

/** Words of the home page for a returning reader (client/home.ts). */
export const home = {
  backTitle: 'Welcome back',
  recent: 'What you were working on',
  progress: (answered: number, total: number, date: string) =>
    `${answered >= total ? 'Every question answered' : `${answered} of ${total} questions answered`}${date ? `, last changed ${date}` : ''}`,
  next: 'Your next step, from your latest muscles check',
  noCheck: 'For a next step, take the ten-minute check.',
  takeCheck: 'The seven muscles check',
  all: 'All worksheets',
} as const;

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function plural(s: string): string {
  return s.endsWith('y') ? `${s.slice(0, -1)}ies` : `${s}s`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "1 December 2026", as British English writes it, in the reader's time zone (or in UTC). Written out
 * rather than asked of `Intl`: a page's first `toLocaleDateString` loads the locale data, about 25 ms on a
 * desktop and four times that on a phone, in the task that draws the worksheet.
 */
export function longDate(d: Date, utc = false): string {
  if (Number.isNaN(d.getTime())) return '';
  return utc
    ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** 14:02, on the 24-hour clock, in the reader's time zone. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return Number.isNaN(d.getTime()) ? '' : `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Words of the printed worksheet (src/components/PrintSheet.astro) and its method card (MethodCard.astro). */
export const printWords = {
  brand: 'Public Systems Field Guide · Worksheet',
  steps: 'How to use it',
  draw: 'Draw your answers',
  facilitatorNotes: 'Notes for facilitators',
  methodCard: 'Method card',
  when: 'When to use it',
  whenNot: 'When not to use it',
  leave: 'What you leave with',
  involve: 'Who to involve',
  watch: 'What to watch out for',
  exampleDirect: 'A real example',
  exampleNearest: 'The nearest real example',
  fitsDirect: 'How it fits: ',
  fitsNearest: 'How it relates: ',
  worked: 'See a worked example',
  workedAfter: '(this worksheet filled in with invented answers, as an illustration).',
} as const;
