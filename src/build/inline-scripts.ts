/**
 * Scripts written into the page itself rather than loaded: the `<head>` script (src/client/theme.ts)
 * must run before the first paint, and as a separate file it was a render-blocking request on every
 * page. Bundled once per build as the client bundles are; its hash goes into each page's
 * policy, and the copy on disk keeps inline scripts (and the policy) as they are.
 */
import { createHash } from 'node:crypto';
import { bundle } from './client-bundles';

export interface InlineScript {
  code: string;
  /** For the page's policy (`Astro.csp.insertScriptHash`): Astro does not hash `is:inline` scripts itself. */
  hash: `sha256-${string}`;
}

const cache = new Map<string, Promise<InlineScript>>();

/** The minified code of a client entry (src/client/<name>.ts) for an inline `<script>`, and its hash. */
export function inlineScript(name: 'theme'): Promise<InlineScript> {
  let script = cache.get(name);
  if (!script) {
    script = bundle(name).then((text) => {
      const code = text.trim();
      return { code, hash: `sha256-${createHash('sha256').update(code).digest('base64')}` };
    });
    cache.set(name, script);
  }
  return script;
}
