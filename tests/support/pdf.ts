/**
 * Reading a PDF the way a reader's tools do: poppler's `pdftotext` and `pdfinfo` (Debian's poppler-utils)
 * for text, page count and the tagged flag, pdfjs-dist for the structure tree (roles and alternative
 * text) and the outline. Nothing here knows how the file was made.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../src/lib/strings.ts';
import type { WorksheetDocument } from '../../src/worksheets/document.ts';
import { scaleText } from '../../src/worksheets/kinds.ts';

function withFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'psfg-pdf-'));
  const file = join(dir, 'file.pdf');
  writeFileSync(file, bytes);
  try {
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text, in content order (`-raw`) by default; pages from `first` to `last` (1-based) when given. */
export function pdfText(bytes: Uint8Array, o: { first?: number; last?: number; layout?: boolean } = {}): string {
  return withFile(bytes, (file) => {
    const args = [o.layout ? '-layout' : '-raw', '-enc', 'UTF-8'];
    if (o.first) args.push('-f', String(o.first));
    if (o.last) args.push('-l', String(o.last));
    return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  });
}

/** `pdfinfo`'s fields (Title, Pages, Tagged...). */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  return withFile(bytes, (file) => {
    const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
    return Object.fromEntries(
      out.split('\n').flatMap((line) => {
        const m = /^([^:]+):\s*(.*)$/.exec(line);
        return m ? [[m[1]!.trim(), m[2]!.trim()]] : [];
      }),
    );
  });
}

/** `pdfinfo -struct`: the structure tree as poppler prints it. */
export function pdfStructText(bytes: Uint8Array): string {
  return withFile(bytes, (file) => execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' }));
}

export interface StructNode {
  role: string;
  alt?: string;
  children: StructNode[];
}

interface RawNode {
  role?: string;
  alt?: string;
  children?: RawNode[];
  type?: string;
}

/** pdfjs-dist's structure tree of every page, and the outline titles (nested titles flattened, in order). */
export async function pdfStructure(
  bytes: Uint8Array,
): Promise<{ pages: StructNode[]; outline: string[]; lang: string | null; title: string | null }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const pdf = await task.promise;
  try {
    const convert = (n: RawNode): StructNode => ({
      role: n.role ?? n.type ?? '',
      ...(n.alt ? { alt: n.alt } : {}),
      children: (n.children ?? []).filter((c) => c.role !== undefined).map(convert),
    });
    const pages: StructNode[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const tree = (await page.getStructTree()) as RawNode | null;
      if (tree) pages.push(convert(tree));
    }
    const outline: string[] = [];
    const walk = (items: { title: string; items?: unknown[] }[] | null) => {
      for (const item of items ?? []) {
        outline.push(item.title);
        walk((item.items ?? []) as { title: string; items?: unknown[] }[]);
      }
    };
    walk((await pdf.getOutline()) as { title: string; items?: unknown[] }[] | null);
    const meta = await pdf.getMetadata();
    const info = meta.info as { Title?: string; Language?: string };
    return { pages, outline, lang: info.Language ?? null, title: info.Title ?? null };
  } finally {
    await task.destroy();
  }
}

/** Every node of a tree, depth first. */
export function allNodes(node: StructNode): StructNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** Whitespace folded to single spaces; the footer lines ("Guide name  2 of 5") removed. */
export function flat(text: string, guideName: string): string {
  const footer = new RegExp(`${guideName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\d+ of \\d+`, 'g');
  return text.replace(footer, ' ').replace(/\s+/g, ' ').trim();
}

/** Asserts that each needle occurs in the haystack after the previous one; returns the first missing, if any. */
export function firstOutOfOrder(haystack: string, needles: string[]): string | undefined {
  let at = 0;
  for (const needle of needles) {
    const i = haystack.indexOf(needle, at);
    if (i < 0) return needle;
    at = i + needle.length;
  }
  return undefined;
}

/**
 * What a worksheet PDF must say, in reading order, from the document model alone: title, purpose, then per
 * prompt its label and its answer in display form (scales with end labels, choices by label, list items,
 * table headers then cells row by row), the charts' value tables and the earlier answers.
 */
export function expectedTexts(doc: WorksheetDocument): string[] {
  const out: string[] = [doc.title, doc.purpose];
  for (const s of doc.sections) {
    out.push(s.title);
    for (const p of s.prompts) {
      out.push(p.label);
      const d = p.display;
      if (d.type === 'empty') out.push(t.notAnswered);
      else if (d.type === 'text') out.push(d.text);
      else if (d.type === 'scale') out.push(scaleText(d));
      else if (d.type === 'choice') out.push(d.label);
      else if (d.type === 'list') out.push(...d.items);
      else if (d.type === 'table') {
        out.push(...d.columns.map((c) => c.label));
        for (const r of d.rows) out.push(...r.cells.filter((c) => c !== ''));
      }
    }
  }
  for (const c of doc.charts) {
    out.push(c.title, c.table.caption);
    for (const r of c.table.rows) out.push(r.header, ...r.cells);
  }
  if (doc.rounds) {
    out.push(doc.rounds.title);
    if (doc.rounds.note) out.push(doc.rounds.note);
    for (const table of [doc.rounds.values, doc.rounds.changes]) {
      if (!table) continue;
      out.push(table.caption, ...table.head.filter(Boolean));
      for (const r of table.rows) out.push(r.header, ...r.cells);
    }
  }
  for (const e of doc.earlier) out.push(e.id, e.text);
  return out;
}

/** Text with every whitespace removed, footers first: line breaks inside a word ("plain-/language") no longer matter. */
export function squeezed(text: string, guideName: string): string {
  return flat(text, guideName).replace(/\s+/g, '');
}
