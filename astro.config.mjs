// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import rehypeGlossary from './src/build/rehype-glossary.ts';
import clientBundles from './src/build/client-bundles.ts';

export default defineConfig({
  site: 'https://field-guide.example.org',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx(), preact(), clientBundles()],
  markdown: {
    syntaxHighlight: false,
    // The unified processor, so the glossary linker (a rehype plugin) runs on every page. No syntax
    // highlighting: Shiki's inline styles would break the Content-Security-Policy.
    processor: unified({ rehypePlugins: [[rehypeGlossary, { file: './content/glossary.yaml' }]] }),
  },
  security: {
    csp: {
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
    },
  },
  devToolbar: { enabled: false },
});
