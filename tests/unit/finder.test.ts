import { describe, expect, it } from 'vitest';
import { matches, type FinderFilter } from '../../src/client/finder';

const any: FinderFilter = { muscle: '', level: '', time: 0, mode: '' };
const row = { muscles: ['trust'], levels: ['mission'], time: 30, mode: 'both' };

describe('the worksheet finder', () => {
  it('shows every worksheet when no filter is set', () => {
    expect(matches(row, any)).toBe(true);
  });
  it('keeps a worksheet that serves the chosen muscle and drops one that does not', () => {
    expect(matches(row, { ...any, muscle: 'trust' })).toBe(true);
    expect(matches(row, { ...any, muscle: 'coalitions' })).toBe(false);
  });
  it('filters by level', () => {
    expect(matches(row, { ...any, level: 'mission' })).toBe(true);
    expect(matches(row, { ...any, level: 'paradigm' })).toBe(false);
  });
  it('keeps worksheets that run within the chosen time', () => {
    expect(matches(row, { ...any, time: 30 })).toBe(true);
    expect(matches(row, { ...any, time: 15 })).toBe(false);
  });
  it('judges the time of a group session by the group time, when there is one', () => {
    const long = { ...row, time: 15, groupTime: 60 };
    expect(matches(long, { ...any, time: 15 })).toBe(true);
    expect(matches(long, { ...any, time: 15, mode: 'solo' })).toBe(true);
    expect(matches(long, { ...any, time: 15, mode: 'group' })).toBe(false);
    expect(matches(long, { ...any, time: 60, mode: 'group' })).toBe(true);
    expect(matches(row, { ...any, time: 30, mode: 'group' })).toBe(true);
  });
  it('counts a worksheet for solo or group as both', () => {
    expect(matches(row, { ...any, mode: 'solo' })).toBe(true);
    expect(matches(row, { ...any, mode: 'group' })).toBe(true);
    expect(matches({ ...row, mode: 'group' }, { ...any, mode: 'solo' })).toBe(false);
  });
});
