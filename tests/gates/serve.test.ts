/**
 * scripts/serve.mjs serves a build the way a static host does.
 */
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, startServer } from '../../scripts/serve.mjs';

let dir: string;
let server: { url: string; port: number; close: () => Promise<void> };

/** A raw GET, so that `..` segments reach the server unnormalised. */
function get(
  path: string,
  port = server.port,
): Promise<{ status: number; type: string | undefined; location: string | undefined; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: res.headers['content-type'], location: res.headers.location, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
  mkdirSync(join(dir, 'guide', 'page'), { recursive: true });
  mkdirSync(join(dir, 'pagefind'));
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><title>Home</title>');
  writeFileSync(join(dir, '404.html'), '<!DOCTYPE html><title>Not here</title>');
  writeFileSync(join(dir, 'guide', 'page', 'index.html'), '<!DOCTYPE html><title>Page</title>');
  writeFileSync(join(dir, 'pagefind', 'wasm.en.pagefind'), 'x');
  writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), '{}');
  writeFileSync(join(tmpdir(), 'serve-test-secret.txt'), 'secret');
  server = await startServer(dir, 0);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'serve-test-secret.txt'), { force: true });
});

describe('the static server', () => {
  it('listens on a free port of localhost when given port 0', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://localhost:${server.port}/`);
  });

  it('serves index.html for a directory', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html; charset=utf-8');
    expect(home.body).toContain('Home');
    expect((await get('/guide/page/')).body).toContain('Page');
  });

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    const res = await get('/guide/page?q=1');
    expect(res.status).toBe(301);
    expect(res.location).toBe('/guide/page/?q=1');
  });

  it('answers a missing file with the site’s 404 page and status 404', async () => {
    const res = await get('/no/such/thing/');
    expect(res.status).toBe(404);
    expect(res.body).toContain('Not here');
  });

  it('refuses paths that leave the served directory', async () => {
    for (const path of ['/../serve-test-secret.txt', '/%2e%2e/serve-test-secret.txt', '/guide/..%2f..%2fserve-test-secret.txt']) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain('secret');
    }
  });

  it('sends the right MIME types, Pagefind’s files and WebAssembly included', async () => {
    expect((await get('/pagefind/wasm.en.pagefind')).type).toBe('application/octet-stream');
    expect((await get('/pagefind/pagefind-entry.json')).type).toBe('application/json; charset=utf-8');
    expect(mimeType('a.wasm')).toBe('application/wasm');
    expect(mimeType('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('a.svg')).toBe('image/svg+xml');
    expect(mimeType('a.woff2')).toBe('font/woff2');
    expect(mimeType('a.png')).toBe('image/png');
    expect(mimeType('a.pdf')).toBe('application/pdf');
    for (const ext of ['pf_meta', 'pf_index', 'pf_fragment', 'pagefind']) expect(mimeType(`x.${ext}`)).toBe('application/octet-stream');
  });
});

describe('the static server under a base path', () => {
  let sub: { url: string; port: number; close: () => Promise<void> };
  beforeAll(async () => {
    sub = await startServer(dir, 0, { base: 'field-guide' });
  });
  afterAll(async () => {
    await sub?.close();
  });

  it('says its address with the base path', () => {
    expect(sub.url).toBe(`http://localhost:${sub.port}/field-guide/`);
  });

  it('serves the folder under the base path', async () => {
    expect((await get('/field-guide/', sub.port)).body).toContain('Home');
    expect((await get('/field-guide/guide/page/', sub.port)).body).toContain('Page');
  });

  it('redirects the base without its slash, and a directory without its slash, under the base', async () => {
    expect((await get('/field-guide', sub.port)).location).toBe('/field-guide/');
    const res = await get('/field-guide/guide/page?q=1', sub.port);
    expect(res.status).toBe(301);
    expect(res.location).toBe('/field-guide/guide/page/?q=1');
  });

  it('answers a missing file under the base with the site’s 404 page', async () => {
    const res = await get('/field-guide/no/such/thing/', sub.port);
    expect(res.status).toBe(404);
    expect(res.body).toContain('Not here');
  });

  it('answers every address outside the base with a bare 404, so links that escape it show up', async () => {
    for (const path of ['/', '/guide/page/', '/field-guidebook/', '/pagefind/pagefind-entry.json']) {
      const res = await get(path, sub.port);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('Not here');
    }
  });

  it('still refuses paths that leave the served directory', async () => {
    const res = await get('/field-guide/../serve-test-secret.txt', sub.port);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain('secret');
  });
});
