/**
 * The guide's Content-Security-Policy, in one place. astro.config.mjs gives it to Astro's
 * `security.csp` (which writes it, with the hashes of each page's inline scripts and styles, into a
 * meta tag on every page), and src/build/headers.ts writes the same policy into `_headers` for hosts
 * that read one, adding what a meta tag cannot carry.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

export const csp: CspConfig = {
  // Only the site's own scripts and styles; nothing may connect elsewhere. 'wasm-unsafe-eval'
  // lets Pagefind compile its WebAssembly search index (also from the site's own origin).
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
};

/** Directives a meta tag cannot carry (browsers ignore them there), sent only as a header. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

export type Policy = Map<string, string[]>;

/** `"a x y; b z"` -> Map { a => [x, y], b => [z] }, in order. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    const list = policy.get(key) ?? [];
    for (const v of values) if (!list.includes(v)) list.push(v);
    policy.set(key, list);
  }
  return policy;
}

export const formatPolicy = (policy: Policy): string => [...policy].map(([name, values]) => [name, ...values].join(' ')).join('; ');

/**
 * One policy that allows what every page's own policy allows: the pages share their directives and
 * differ only in the hashes of their inline scripts and styles, which are merged. Throws when two
 * pages disagree on anything but hashes, since one header could not then match both.
 */
export function mergePolicies(texts: string[]): Policy {
  const merged: Policy = new Map();
  const withoutHashes = (values: string[]) => values.filter((v) => !/^'sha(256|384|512)-/.test(v)).join(' ');
  let reference: string | undefined;
  for (const text of texts) {
    const policy = parsePolicy(text);
    const shape = [...policy].map(([n, v]) => `${n} ${withoutHashes(v)}`).join('; ');
    if (reference !== undefined && shape !== reference) {
      throw new Error(`pages carry different Content-Security-Policies:\n  ${reference}\n  ${shape}`);
    }
    reference = shape;
    for (const [name, values] of policy) {
      const list = merged.get(name) ?? [];
      for (const v of values) if (!list.includes(v)) list.push(v);
      merged.set(name, list);
    }
  }
  return merged;
}
