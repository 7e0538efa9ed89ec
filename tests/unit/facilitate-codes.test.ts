import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  CodeError,
  SCHEMES,
  checksum,
  countRated,
  decodeRatings,
  encodeRatings,
  extractCodes,
  ratingsFile,
  schemeFor,
} from '../../src/facilitate/codes';
import { groupStats, median } from '../../src/facilitate/stats';
import { groupDocument } from '../../src/facilitate/group-document';
import { root } from '../support/site';

const muscles = schemeFor('muscles-check')!;
const gaps = schemeFor('gaps-scan')!;

/** A fixed "random" source, so codes are predictable in tests. */
const fixed = (x: number) => () => x;

function answersOf(scheme: typeof muscles, values: (number | null)[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  scheme.prompts.forEach((ids, s) => ids.forEach((id, a) => values[s]?.[a] != null && (out[id] = values[s]![a])));
  return out;
}

describe('the share codes', () => {
  it('name only scale prompts of 1 to 5 that exist in the worksheet files', () => {
    for (const scheme of SCHEMES) {
      const ws = parse(readFileSync(join(root, 'worksheets', `${scheme.worksheet}.yaml`), 'utf8')) as {
        sections: { prompts: { id: string; kind: string; min?: number; max?: number }[] }[];
      };
      const prompts = new Map(ws.sections.flatMap((s) => s.prompts).map((p) => [p.id, p]));
      for (const id of scheme.prompts.flat()) {
        expect(prompts.get(id)?.kind, `${scheme.worksheet}: ${id}`).toBe('scale');
        expect(prompts.get(id)?.min ?? 1).toBe(1);
        expect(prompts.get(id)?.max ?? 5).toBe(5);
      }
    }
  });

  it('round-trip the ratings of the muscles check, leaving unrated axes unrated', () => {
    const values = [
      [3, 4, 2, 5, 1, 3, 4],
      [4, 5, 4, 5, null, 4, 5],
    ];
    const code = encodeRatings(muscles, { ...answersOf(muscles, values), 'trust-evidence': 'secret text' }, fixed(0.5));
    expect(code).toMatch(/^M1-3425134-4545045-[0-9A-Z]{4}$/);
    const back = decodeRatings(code);
    expect(back.ratings).toEqual(values);
    expect(back.code).toBe(code);
    expect(code).not.toContain('secret');
  });

  it('round-trip the gaps scan and read codes typed with spaces, lower case and look-alike letters', () => {
    const code = encodeRatings(gaps, answersOf(gaps, [[1, 2, 3, 4, 5, 1, 2]]), fixed(0.1));
    expect(decodeRatings(code).ratings).toEqual([[1, 2, 3, 4, 5, 1, 2]]);
    const sloppy = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')} `;
    expect(decodeRatings(sloppy).code).toBe(code);
  });

  it('are refused when any single character is changed', () => {
    const code = encodeRatings(
      muscles,
      answersOf(muscles, [
        [3, 4, 2, 5, 1, 3, 4],
        [4, 5, 4, 5, 2, 4, 5],
      ]),
      fixed(0.7),
    );
    const compact = code.replace(/-/g, '');
    let tried = 0;
    for (let i = 1; i < compact.length; i++) {
      for (const c of '0123456789ABCDEFGHJKMNPQRSTVWXYZ') {
        if (c === compact[i]) continue;
        const changed = compact.slice(0, i) + c + compact.slice(i + 1);
        expect(() => decodeRatings(changed), changed).toThrow(CodeError);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(500);
  });

  it('are refused when two neighbouring characters are swapped', () => {
    const code = encodeRatings(
      muscles,
      answersOf(muscles, [
        [1, 2, 3, 4, 5, 1, 2],
        [3, 4, 5, 1, 2, 3, 4],
      ]),
      fixed(0.3),
    ).replace(/-/g, '');
    for (let i = 2; i < code.length - 1; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(() => decodeRatings(swapped), swapped).toThrow(CodeError);
    }
  });

  it('say why a code is refused', () => {
    expect(() => decodeRatings('')).toThrow('empty');
    expect(() => decodeRatings('X1-1234567-ABCD')).toThrow('codes start with M');
    expect(() => decodeRatings('G1-1234567-AB')).toThrow('too few');
    const g = encodeRatings(gaps, answersOf(gaps, [[1, 1, 1, 1, 1, 1, 1]]), fixed(0));
    const body = 'G2' + g.replace(/-/g, '').slice(2, -2);
    expect(() => decodeRatings(body + checksum(body))).toThrow('newer version');
    const empty = 'G1' + '0000000' + 'AB';
    expect(() => decodeRatings(empty + checksum(empty))).toThrow('no ratings');
    const six = 'G1' + '1111116' + 'AB';
    expect(() => decodeRatings(six + checksum(six))).toThrow('outside 1 to 5');
  });

  it('differ for two people with the same ratings, through their random tag', () => {
    const a = answersOf(gaps, [[2, 2, 2, 2, 2, 2, 2]]);
    expect(encodeRatings(gaps, a, fixed(0.1))).not.toBe(encodeRatings(gaps, a, fixed(0.9)));
  });

  it('count how many ratings were given', () => {
    expect(countRated(muscles, answersOf(muscles, [[1, null, 3], [2]]))).toBe(3);
  });

  it('are found in a ratings file, and in pasted text one per line or separated by commas', () => {
    const a = encodeRatings(gaps, answersOf(gaps, [[1, 2, 3, 4, 5, 1, 2]]), fixed(0.1));
    const b = encodeRatings(muscles, answersOf(muscles, [[1, 2, 3, 4, 5, 1, 2]]), fixed(0.2));
    expect(extractCodes(ratingsFile(a))).toEqual([a]);
    expect(extractCodes(`${a}\n\n${b}\r\n`)).toEqual([a, b]);
    expect(extractCodes(`${a}, ${b}`)).toEqual([a, b]);
    expect(extractCodes(`${a.replace(/-/g, ' ')} ${b.replace(/-/g, ' ')}`)).toEqual([a.replace(/-/g, ' '), b.replace(/-/g, ' ')]);
  });
});

describe('the group statistics', () => {
  it('take the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('give the median, range, spread and number of people for given codes', () => {
    const codes = [[[1, 2, 3, 4, 5, 1, null]], [[3, 2, 3, 4, 5, 5, null]], [[5, 2, 4, 4, 1, 5, 2]], [[2, 2, 3, 1, 1, 5, null]]].map(
      (v, i) => decodeRatings(encodeRatings(gaps, answersOf(gaps, v), fixed(i / 10))),
    );
    const stats = groupStats(gaps, codes);
    expect(stats.people).toBe(4);
    const first = stats.series[0]!;
    expect(first[0]).toEqual({ n: 4, median: 2.5, min: 1, max: 5, counts: [1, 1, 1, 0, 1] });
    expect(first[1]).toEqual({ n: 4, median: 2, min: 2, max: 2, counts: [0, 4, 0, 0, 0] });
    expect(first[4]).toEqual({ n: 4, median: 3, min: 1, max: 5, counts: [2, 0, 0, 0, 2] });
    expect(first[6]).toEqual({ n: 1, median: 2, min: 2, max: 2, counts: [0, 1, 0, 0, 0] });
  });

  it('become a document of one radar block and its table, for the PDF, with no code in it', () => {
    const values = [[[1, 2, 3, 4, 5, 1, null]], [[3, 2, 3, 4, 5, 5, null]], [[5, 2, 4, 4, 1, 5, 2]]];
    const codes = values.map((v, i) => decodeRatings(encodeRatings(gaps, answersOf(gaps, v), fixed(i / 10))));
    const labels = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const doc = groupDocument(groupStats(gaps, codes), labels, 'Seven gaps scan', 'gap');
    expect(doc).toMatchObject({ id: 'group-picture', title: 'The group picture: Seven gaps scan', status: '3 people', sections: [] });
    expect(doc.pdfTitle).toBe('The group picture: Seven gaps scan');
    expect(doc.charts).toHaveLength(1);
    const radar = doc.charts[0]!;
    if (radar.type !== 'radar') throw new Error('a radar');
    expect(radar.series).toEqual(['Median: how strongly it shows up']);
    expect(radar.axes.map((a) => a.values[0])).toEqual([3, 2, 3, 4, 5, 5, 2]);
    expect(radar.band).toEqual({
      label: 'Range: how strongly it shows up',
      series: 0,
      low: [1, 2, 3, 4, 1, 1, 2],
      high: [5, 2, 4, 4, 5, 5, 2],
    });
    expect(radar.summary).toMatch(/^A radar chart of the ratings of 3 people, with one spoke for each of 7 gaps, rated from 1 to 5\./);
    expect(radar.table.head).toEqual([
      'Gap',
      'Median: how strongly it shows up',
      'Range: how strongly it shows up',
      'Spread: how strongly it shows up',
    ]);
    expect(radar.table.rows[0]).toEqual({ header: 'A', cells: ['3', '1 to 5', '1 gave 1, 1 gave 3, 1 gave 5'] });
    expect(radar.table.rows[6]).toEqual({ header: 'G', cells: ['2', '2 to 2', '1 gave 2 (rated by 1)'] });
    expect(JSON.stringify(doc)).not.toMatch(new RegExp(codes.map((c) => c.code).join('|')));
    // An axis nobody rated leaves the band out (there is no range to shade) and says so in the table.
    const none = groupDocument(groupStats(gaps, codes.slice(0, 2)), labels, 'Seven gaps scan', 'gap').charts[0]!;
    expect(none.type === 'radar' && none.band).toBeFalsy();
    expect(none.table.rows[6]!.cells).toEqual(['–', '–', 'no ratings']);
  });

  it('leave out codes of another worksheet', () => {
    const g = decodeRatings(encodeRatings(gaps, answersOf(gaps, [[1, 1, 1, 1, 1, 1, 1]])));
    const m = decodeRatings(encodeRatings(muscles, answersOf(muscles, [[1, 1, 1, 1, 1, 1, 1]])));
    expect(groupStats(gaps, [g, m]).people).toBe(1);
  });
});
