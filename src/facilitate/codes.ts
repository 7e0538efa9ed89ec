/**
 * "Share my ratings" codes: a person's ratings from the muscles check or the gaps scan, short enough
 * to read out or paste into a chat, with nothing else in them (no text, no name, no date).
 *
 *   M1-3425134-4545545-K7QX      muscles check: 7 ratings today, 7 where each needs to be
 *   G1-3425134-K7QX              gaps scan: 7 ratings of how strongly each gap shows up
 *
 * - The letter names the worksheet, the digit after it is the code's format version.
 * - Each rating is one digit, 1 to 5; 0 means "not rated".
 * - Two tag characters are random: two people with the same ratings still give different codes, so
 *   the group view can refuse a code pasted twice without refusing a second person.
 * - Two check characters: a weighted sum of every character before them, modulo the prime 1021, in
 *   base 32. Any single changed character, and any swap of two neighbours, changes the sum, so a
 *   mistyped code is refused rather than counted wrongly.
 *
 * Reading is forgiving of what people do to codes in chats: spaces, hyphens, case, and the letters
 * Crockford's base 32 treats as look-alikes (O for 0, I and L for 1).
 */
import { GAP_IDS, MUSCLE_IDS } from '../data/frameworks';

export const CODE_VERSION = 1;
export const FILE_FORMAT = 'psfg-ratings';

/** Crockford's base 32: no I, L, O or U, so codes are hard to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PRIME = 1021;

export interface Scheme {
  /** The first character of a code. */
  letter: string;
  worksheet: 'muscles-check' | 'gaps-scan';
  /** Names of the series, in the order the groups appear in the code. */
  series: string[];
  /** Per series, the scale prompt ids in axis order. */
  prompts: string[][];
}

/** Axes follow the frameworks' order. A new order would change what existing codes mean: it needs a new CODE_VERSION. */
const MUSCLES = MUSCLE_IDS;
const GAPS = GAP_IDS;

export const SCHEMES: readonly Scheme[] = [
  {
    letter: 'M',
    worksheet: 'muscles-check',
    series: ['Today', 'Where it needs to be'],
    prompts: [MUSCLES.map((m) => `${m}-today`), MUSCLES.map((m) => `${m}-needed`)],
  },
  { letter: 'G', worksheet: 'gaps-scan', series: ['How strongly it shows up'], prompts: [GAPS.map((g) => `${g}-extent`)] },
];

export const schemeFor = (worksheet: string): Scheme | undefined => SCHEMES.find((s) => s.worksheet === worksheet);

/** A decoded code: ratings per series (null where not rated) and the code in its tidy form. */
export interface Ratings {
  scheme: Scheme;
  /** ratings[series][axis], 1 to 5, or null. */
  ratings: (number | null)[][];
  /** The canonical form, e.g. "M1-3425134-4545545-K7QX": equal codes are equal strings. */
  code: string;
}

export function checksum(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ALPHABET.indexOf(text[i]!);
    if (v < 0) throw new Error(`"${text[i]}" cannot be part of a code`);
    sum = (sum + v * (i + 1)) % PRIME;
  }
  return ALPHABET[Math.floor(sum / 32)]! + ALPHABET[sum % 32]!;
}

function randomTag(random: () => number): string {
  return ALPHABET[Math.floor(random() * 32) % 32]! + ALPHABET[Math.floor(random() * 32) % 32]!;
}

function format(scheme: Scheme, body: string, tag: string, check: string): string {
  const groups: string[] = [];
  let at = 0;
  for (const p of scheme.prompts) {
    groups.push(body.slice(at, at + p.length));
    at += p.length;
  }
  return [`${scheme.letter}${CODE_VERSION}`, ...groups, `${tag}${check}`].join('-');
}

/** The code for a set of answers (only the scheme's scale prompts are read; anything else is ignored). */
export function encodeRatings(scheme: Scheme, answers: Record<string, unknown>, random: () => number = Math.random): string {
  const body = scheme.prompts
    .flat()
    .map((id) => {
      const v = answers[id];
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? String(v) : '0';
    })
    .join('');
  const tag = randomTag(random);
  const head = `${scheme.letter}${CODE_VERSION}${body}${tag}`;
  return format(scheme, body, tag, checksum(head));
}

/** How many ratings the answers hold, to say "rate at least one" before sharing. */
export function countRated(scheme: Scheme, answers: Record<string, unknown>): number {
  return scheme.prompts.flat().filter((id) => typeof answers[id] === 'number').length;
}

export class CodeError extends Error {}

/** Tidies what people paste: case, spaces, hyphens, and look-alike letters. */
export function normalise(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Reads one code; throws CodeError with a message a facilitator can act on. */
export function decodeRatings(input: string): Ratings {
  const raw = input.trim();
  if (!raw) throw new CodeError('The code is empty.');
  // The first letter is read before look-alikes are replaced, so "G" and "M" stay letters.
  const text = normalise(raw);
  const scheme = SCHEMES.find((s) => s.letter === text[0]);
  if (!scheme) throw new CodeError(`“${raw}” is not a ratings code: codes start with M (muscles check) or G (gaps scan).`);
  const version = Number(text[1]);
  if (!Number.isInteger(version) || text[1] === undefined)
    throw new CodeError(`“${raw}” is not a ratings code: the version number is missing.`);
  if (version > CODE_VERSION) throw new CodeError(`“${raw}” comes from a newer version of the guide. Open the newest version to read it.`);
  if (version < 1) throw new CodeError(`“${raw}” is not a ratings code: its version number is not valid.`);
  const n = scheme.prompts.flat().length;
  const expected = 2 + n + 4;
  if (text.length !== expected)
    throw new CodeError(
      `“${raw}” has ${text.length < expected ? 'too few' : 'too many'} characters. Check it against the original and type it again.`,
    );
  if ([...text].some((c) => !ALPHABET.includes(c)))
    throw new CodeError(`“${raw}” holds characters a code never has. Check it and type it again.`);
  const body = text.slice(2, 2 + n);
  const tag = text.slice(2 + n, 4 + n);
  const check = text.slice(4 + n);
  if (checksum(text.slice(0, 4 + n)) !== check)
    throw new CodeError(`“${raw}” does not check out: a character was probably mistyped. Ask for the code again.`);
  if (!/^[0-5]+$/.test(body)) throw new CodeError(`“${raw}” holds a rating outside 1 to 5.`);
  const digits = [...body].map((d) => (d === '0' ? null : Number(d)));
  const ratings: (number | null)[][] = [];
  let at = 0;
  for (const p of scheme.prompts) {
    ratings.push(digits.slice(at, at + p.length));
    at += p.length;
  }
  if (digits.every((d) => d === null)) throw new CodeError(`“${raw}” holds no ratings at all.`);
  return { scheme, ratings, code: format(scheme, body, tag, check) };
}

/** The text of the file "Share my ratings" offers: the code and what it is, nothing else. */
export function ratingsFile(code: string): string {
  return `${JSON.stringify({ format: FILE_FORMAT, version: CODE_VERSION, code }, null, 2)}\n`;
}

/**
 * Finds the codes in what was pasted or dropped: a ratings file (JSON), or any text with codes
 * separated by new lines, commas, semicolons or spaces between codes.
 */
export function extractCodes(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const data: unknown = JSON.parse(trimmed);
      const items = Array.isArray(data) ? data : [data];
      const codes = items.flatMap((d) =>
        typeof d === 'object' &&
        d !== null &&
        (d as Record<string, unknown>)['format'] === FILE_FORMAT &&
        typeof (d as Record<string, unknown>)['code'] === 'string'
          ? [(d as Record<string, string>)['code']!]
          : [],
      );
      if (codes.length) return codes;
    } catch {
      // Not JSON after all: read it as text.
    }
  }
  // One code per line, or several on a line separated by commas, semicolons or runs of spaces that
  // separate whole codes (a code itself may have been typed with single spaces in it).
  return trimmed
    .split(/[\n\r,;]+|\s{2,}|\t+/)
    .flatMap((part) => part.trim().split(/\s+(?=[MGmg]\s?\d)/))
    .map((s) => s.trim())
    .filter(Boolean);
}
