/**
 * The session plans as content: each names its worksheets, each worksheet it names exists, every
 * run-sheet adds up to its stated length, and the schema fails the build when one does not. The built
 * /facilitate/ page lists every plan with its length and group size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKSHEET_IDS } from '../../src/data/frameworks';
import { sessionSchema } from '../../src/facilitate/session-schema';
import { sessionUrl } from '../../src/facilitate/urls';
import { contentDir, mustPage, worksheetsDir } from './helpers';

const dir = join(contentDir, 'facilitate', 'sessions');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const frontmatter = (file: string): Record<string, unknown> =>
  parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '') as Record<string, unknown>;
const plans = files.map((file) => ({ file, slug: file.replace(/\.mdx$/, ''), raw: frontmatter(file), data: sessionSchema.parse(frontmatter(file)) }));
const worksheetFiles = new Set(readdirSync(worksheetsDir).filter((f) => f.endsWith('.yaml')));

describe('the session plans', () => {
  it('are the six the content guide names, with their lengths', () => {
    expect(
      plans
        .sort((a, b) => a.data.order - b.data.order)
        .map((p) => [p.slug, p.data.length])
        .slice(0, 6),
    ).toEqual([
      ['team-check-in', 90],
      ['mission-workshop', 210],
      ['coalition-mapping', 120],
      ['paradigm-audit', 210],
      ['reflection-retreat', 690],
      ['involving-service-users', 120],
    ]);
    expect(plans.find((p) => p.slug === 'reflection-retreat')?.data.days).toBe(2);
  });

  it.each(files)('%s names its worksheets, and each one exists as a worksheet file', (file) => {
    const plan = plans.find((p) => p.file === file)!;
    expect(plan.data.worksheets.length).toBeGreaterThan(0);
    for (const w of plan.data.worksheets) {
      expect(WORKSHEET_IDS, `${file}: ${w.id}`).toContain(w.id);
      expect(worksheetFiles.has(`${w.id}.yaml`), `${file}: worksheets/${w.id}.yaml`).toBe(true);
    }
    for (const r of plan.data.runSheet) if (r.worksheet) expect(plan.data.worksheets.map((w) => w.id)).toContain(r.worksheet);
  });

  it.each(files)('%s has a run-sheet whose minutes add up to the stated length', (file) => {
    const plan = plans.find((p) => p.file === file)!;
    const sum = (plan.raw['runSheet'] as { minutes: number }[]).reduce((n, r) => n + r.minutes, 0);
    expect(sum).toBe(plan.raw['length']);
  });

  it('refuses, with the reason, a plan whose run-sheet does not add up', () => {
    const raw = structuredClone(plans[0]!.raw);
    (raw['runSheet'] as { minutes: number }[])[0]!.minutes += 5;
    const result = sessionSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === 'runSheet');
    expect(issue?.message).toBe(`the run-sheet adds up to ${Number(raw['length']) + 5} minutes, but the stated length is ${String(raw['length'])}`);
  });

  it('refuses a worksheet that does not exist, and a run-sheet worksheet missing from the print list', () => {
    const raw = structuredClone(plans[0]!.raw);
    (raw['worksheets'] as { id: string }[])[0]!.id = 'no-such-sheet';
    expect(sessionSchema.safeParse(raw).success).toBe(false);
    const other = structuredClone(plans[0]!.raw);
    (other['runSheet'] as { worksheet?: string }[])[0]!.worksheet = 'coalition-map';
    expect(sessionSchema.safeParse(other).error?.issues.map((i) => i.message)).toContain('"coalition-map" is used in the run-sheet but not listed under worksheets');
  });

  it.each(files)('%s covers each part the issue asks for', (file) => {
    const body = readFileSync(join(dir, file), 'utf8');
    for (const h of [
      '## Purpose and what the group leaves with',
      '## Who to invite',
      '## Room set-up and materials',
      '## The opening question',
      '## How the group is arranged',
      '## In person and remote',
      '## What to print',
      '## Run-sheet',
      '## Facilitation notes',
      '## Debrief',
      '## Follow-up',
    ])
      expect(body, `${file}: ${h}`).toContain(h);
    for (const c of ['<SessionFacts />', '<Materials />', '<OpeningQuestion />', '<PrintList />', '<RunSheet />']) expect(body, `${file}: ${c}`).toContain(c);
    const roles = plans.find((p) => p.file === file)!.data.roles.map((r) => r.role);
    expect(roles).toEqual(expect.arrayContaining(['Facilitator', 'Note-taker', 'Timekeeper']));
  });

  it('are listed on /facilitate/ with their length and group size', () => {
    const page = mustPage('/facilitate/');
    const rows = page.querySelectorAll('table.session-list tbody tr');
    expect(rows).toHaveLength(plans.length);
    for (const p of plans) {
      const row = rows.find((r) => r.querySelector(`a[href="${sessionUrl(p.slug)}"]`) !== null);
      expect(row, p.slug).toBeDefined();
      const text = row!.textContent.replace(/\s+/g, ' ');
      expect(text).toContain(p.data.lengthLabel);
      expect(text).toContain(`${p.data.groupSize.min} to ${p.data.groupSize.max}`);
    }
  });

  it.each(files)('%s is built with a run-sheet table whose rows hold the plan’s minutes', (file) => {
    const plan = plans.find((p) => p.file === file)!;
    const page = mustPage(sessionUrl(plan.slug));
    const minutes = page.querySelectorAll('table[data-run-sheet] tbody tr[data-minutes]').map((tr) => Number(tr.getAttribute('data-minutes')));
    expect(minutes).toEqual(plan.data.runSheet.map((r) => r.minutes));
  });
});
