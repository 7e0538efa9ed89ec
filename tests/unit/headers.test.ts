/** The CSP helpers and the `_headers` writer (src/build/csp.ts, src/build/headers.ts). */
import { describe, expect, it } from 'vitest';
import { csp, formatPolicy, mergePolicies, parsePolicy } from '../../src/build/csp.ts';
import { CACHE_HASHED, CACHE_SHORT, headersFile, metaPolicy } from '../../src/build/headers.ts';

const A = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-S1='";
const B = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-BBB='; style-src 'self' 'sha256-S1='";

describe('parsePolicy and formatPolicy', () => {
  it('read directives in order and write them back', () => {
    const p = parsePolicy("default-src 'self';img-src 'self' data:;");
    expect([...p]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
    ]);
    expect(formatPolicy(p)).toBe("default-src 'self'; img-src 'self' data:");
  });
});

describe('mergePolicies', () => {
  it('keeps the shared directives and allows the hashes of every page', () => {
    const merged = mergePolicies([A, B]);
    expect(merged.get('script-src')).toEqual(["'self'", "'sha256-AAA='", "'sha256-BBB='"]);
    expect(merged.get('style-src')).toEqual(["'self'", "'sha256-S1='"]);
  });

  it('refuses pages whose policies differ in more than hashes', () => {
    expect(() => mergePolicies([A, A.replace("img-src 'self' data:", "img-src 'self'")])).toThrow(/different Content-Security-Policies/);
  });
});

describe('headersFile', () => {
  const text = headersFile('/field-guide/', ['_astro', '_client', 'index.html', 'muscles', 'pagefind', '_headers'], [A, B]);

  it('puts every rule under the base path', () => {
    const paths = text.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith(' '));
    expect(paths.every((p) => p.startsWith('/field-guide/'))).toBe(true);
    expect(paths).toContain('/field-guide/*');
    expect(paths).not.toContain('/field-guide/_headers');
  });

  it('adds frame-ancestors to the merged policy', () => {
    const line = text.split('\n').find((l) => l.includes('Content-Security-Policy:')) ?? '';
    expect(line).toContain("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(line).toContain("frame-ancestors 'none'");
  });

  it('caches /_astro/ long and the rest short', () => {
    expect(text).toContain(`/field-guide/_astro/*\n  Cache-Control: ${CACHE_HASHED}`);
    expect(text).toContain(`/field-guide/_client/*\n  Cache-Control: ${CACHE_SHORT}`);
    expect(text).toContain(`/field-guide/muscles/*\n  Cache-Control: ${CACHE_SHORT}`);
    expect(text).toContain(`/field-guide/\n  Cache-Control: ${CACHE_SHORT}`);
  });
});

describe('metaPolicy', () => {
  it('reads the policy out of a page, entities decoded', () => {
    expect(metaPolicy(`<meta http-equiv="content-security-policy" content="default-src &#39;self&#39;">`)).toBe("default-src 'self'");
    expect(metaPolicy('<meta name="description" content="x">')).toBeUndefined();
  });
});

it('the configured policy allows only the site itself for scripts and styles', () => {
  expect(csp.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(csp.styleDirective?.resources).toEqual(["'self'"]);
});
