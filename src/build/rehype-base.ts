/**
 * Puts the base path in front of the root-absolute links that writers put in MDX and in
 * content/glossary.yaml (`/muscles/trust/` becomes `/field-guide/muscles/trust/` in a build with
 * BASE_PATH=/field-guide/), so content never has to know where the guide is published.
 *
 * It runs after the glossary linker, on Markdown links, images and raw `<a>` / `<img>` written in
 * MDX. Components (`<Cite>`, `<WorksheetCard>`...) make their own URLs with src/lib/urls.ts.
 */
import { visitParents } from 'unist-util-visit-parents';
import type { Element, Root } from 'hast';
import { withBase } from '../lib/urls.ts';

const URL_ATTRIBUTES: Record<string, string> = { a: 'href', area: 'href', img: 'src', source: 'src', link: 'href' };

interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

export default function rehypeBase(options: { base: string }) {
  const base = options.base;
  return (tree: Root) => {
    if (base === '/') return;
    visitParents(tree, (node) => {
      if (node.type === 'element') {
        const el = node as Element;
        const attr = URL_ATTRIBUTES[el.tagName];
        const value = attr ? el.properties[attr] : undefined;
        if (attr && typeof value === 'string') el.properties[attr] = withBase(value, base);
        return;
      }
      const jsx = node as unknown as MdxJsxElement;
      if ((jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') && jsx.name && URL_ATTRIBUTES[jsx.name]) {
        for (const a of jsx.attributes) {
          if (a.type === 'mdxJsxAttribute' && a.name === URL_ATTRIBUTES[jsx.name] && typeof a.value === 'string')
            a.value = withBase(a.value, base);
        }
      }
    });
  };
}
