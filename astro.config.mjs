// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import rehypeGlossary from './src/build/rehype-glossary.ts';
import rehypeBase from './src/build/rehype-base.ts';
import clientBundles from './src/build/client-bundles.ts';
import headers from './src/build/headers.ts';
import pwa from './src/build/pwa.ts';
import { csp } from './src/build/csp.ts';
import { publishConfig } from './src/lib/urls.ts';

// Where the copy is published: SITE_URL (https://org.github.io) and BASE_PATH (/field-guide/), read at
// build time. Defaults suit a local build: http://localhost:4321 and /. See "Publish your own copy" in
// the README.
const { site, base } = publishConfig(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Order matters at the end of the build: headers.ts lists what the others have written.
  integrations: [
    mdx(),
    preact(),
    sitemap({ filter: (page) => !page.endsWith('/404/') && !page.endsWith('/app/') }),
    clientBundles(),
    pwa(),
    headers(),
  ],
  markdown: {
    syntaxHighlight: false,
    // The unified processor, so the glossary linker and the base path (rehype plugins) run on every
    // page. No syntax highlighting: Shiki's inline styles would break the Content-Security-Policy.
    processor: unified({
      rehypePlugins: [
        [rehypeGlossary, { file: './content/glossary.yaml' }],
        [rehypeBase, { base }],
      ],
    }),
  },
  // The policy lives in src/build/csp.ts: the same source writes the meta tag and `_headers`.
  security: { csp },
  devToolbar: { enabled: false },
});
