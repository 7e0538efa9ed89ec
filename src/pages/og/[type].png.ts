/** One social preview image per page type, written into the build as /og/<type>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { PAGE_TYPES, type PageType } from '../../lib/page-types';
import { previewPng } from '../../build/preview-image';

export const getStaticPaths: GetStaticPaths = () => Object.keys(PAGE_TYPES).map((type) => ({ params: { type } }));

export const GET: APIRoute = ({ params }) => {
  const label = PAGE_TYPES[params['type'] as PageType];
  return new Response(new Uint8Array(previewPng(label)), { headers: { 'Content-Type': 'image/png' } });
};
