#!/usr/bin/env node
/**
 * A small static file server for the built site (no dependencies).
 *
 *   node scripts/serve.mjs <dir> [port] [--base /field-guide/]
 *
 * Binds 127.0.0.1 only. Serves `index.html` for directories, redirects `/x` to `/x/` when `x` is a
 * directory (the site uses trailingSlash: 'always'), answers unknown paths with the site's own
 * `404.html` and status 404, and refuses any path that would leave `<dir>`.
 *
 * With a base path (`--base /field-guide/`, as GitHub Pages serves a project site) the folder is served
 * under that path only: `/field-guide/muscles/trust/` is `<dir>/muscles/trust/index.html`, and any
 * address outside the base answers a bare 404, so a link that escapes the base shows up as broken.
 *
 * Tests import `startServer(dir, 0)` to get a free port: `const { url, close } = await startServer('dist')`.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind's index files are binary (gzip-compressed) blobs that its script fetches itself.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** The Content-Type for a file name; unknown extensions are served as opaque bytes. */
export function mimeType(file) {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function statOrNull(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** Maps a request path to a file inside root, or null when it would escape root. */
function resolveInside(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // Reject any `..` segment outright (also backslash-separated ones), then double-check the result.
  if (decoded.split(/[/\\]+/).includes('..')) return null;
  const full = resolve(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

async function send404(root, req, res) {
  const page = join(root, '404.html');
  let body;
  try {
    body = await readFile(page);
  } catch {
    body = Buffer.from('<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1></html>');
  }
  res.writeHead(404, { 'Content-Type': MIME_TYPES['.html'], 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** `field-guide` or `/field-guide` -> `/field-guide/`; nothing -> `/`. */
export function normaliseBase(base = '/') {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function handler(root, base) {
  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Method not allowed');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (base !== '/' && url.pathname === base.slice(0, -1)) {
        res.writeHead(301, { Location: `${base}${url.search}` });
        res.end();
        return;
      }
      if (!url.pathname.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Not found: outside the base path ${base}`);
        return;
      }
      const pathname = `/${url.pathname.slice(base.length)}`;
      const file = resolveInside(root, pathname);
      if (file === null) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Forbidden');
        return;
      }
      let info = await statOrNull(file);
      let target = file;
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
          res.end();
          return;
        }
        target = join(file, 'index.html');
        info = await statOrNull(target);
      }
      if (!info?.isFile()) {
        await send404(root, req, res);
        return;
      }
      res.writeHead(200, {
        'Content-Type': mimeType(target),
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(target)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    }
  };
}

/**
 * Serves `dir` on 127.0.0.1, under `options.base` (default `/`). Port 0 picks a free port. `url` ends
 * with the base path.
 * @param {string} dir
 * @param {number} [port]
 * @param {{ base?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer(dir, port = 0, options = {}) {
  const base = normaliseBase(options.base);
  const root = resolve(dir);
  const info = await statOrNull(root);
  if (!info?.isDirectory()) throw new Error(`serve: ${root} is not a directory`);
  const server = createServer(handler(root, base));
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}${base}`,
    port: actualPort,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}

const invokedDirectly = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--base');
  const baseArg = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const [dir, portArg] = args;
  if (!dir) {
    console.error('usage: node scripts/serve.mjs <dir> [port] [--base /path/]');
    process.exit(2);
  }
  const port = portArg === undefined ? 4321 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: invalid port ${portArg}`);
    process.exit(2);
  }
  startServer(dir, port, { base: baseArg }).then(
    ({ url, close }) => {
      console.log(`Serving ${dir} at ${url}`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    },
  );
}

export default startServer;
