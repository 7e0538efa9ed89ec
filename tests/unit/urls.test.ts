/**
 * src/lib/urls.ts makes every URL of the guide: site paths under the base path, absolute URLs for
 * canonical links and previews, and the publishing settings read from the environment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  clientScriptUrl,
  guideUrl,
  href,
  manifestUrl,
  normaliseBase,
  normaliseSite,
  pagePath,
  publishConfig,
  searchBundleUrl,
  siteBase,
  stripBase,
  swScope,
  withBase,
} from '../../src/lib/urls.ts';

describe('normaliseBase', () => {
  it('gives every base path a leading and a trailing slash', () => {
    expect(normaliseBase('field-guide')).toBe('/field-guide/');
    expect(normaliseBase('/field-guide')).toBe('/field-guide/');
    expect(normaliseBase('/field-guide/')).toBe('/field-guide/');
    expect(normaliseBase('/org/field-guide/')).toBe('/org/field-guide/');
  });

  it('reads an empty or missing base as the root', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('  ')).toBe('/');
  });

  it('refuses a base that is not a plain path', () => {
    for (const bad of ['/a/../b/', '/a//b/', '/a?x=1', '/a#b', '\\a\\', './a']) expect(() => normaliseBase(bad)).toThrow(/BASE_PATH/);
  });
});

describe('normaliseSite', () => {
  it('defaults to the local server and drops a trailing slash', () => {
    expect(normaliseSite(undefined)).toBe('http://localhost:4321');
    expect(normaliseSite('https://org.github.io/')).toBe('https://org.github.io');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => normaliseSite('org.github.io')).toThrow(/SITE_URL/);
    expect(() => normaliseSite('ftp://org.example/')).toThrow(/https:\/\//);
  });
});

describe('publishConfig (SITE_URL and BASE_PATH from the environment)', () => {
  it('defaults to a local build at the root', () => {
    expect(publishConfig({})).toEqual({ site: 'http://localhost:4321', base: '/' });
  });

  it('takes both variables, normalised', () => {
    expect(publishConfig({ SITE_URL: 'https://org.github.io/', BASE_PATH: 'field-guide' })).toEqual({
      site: 'https://org.github.io',
      base: '/field-guide/',
    });
  });

  it('takes the base path from SITE_URL when BASE_PATH is not set, as GitHub Pages gives it', () => {
    expect(publishConfig({ SITE_URL: 'https://org.github.io/field-guide' })).toEqual({
      site: 'https://org.github.io',
      base: '/field-guide/',
    });
  });

  it('accepts the same path in both, and refuses two different paths', () => {
    expect(publishConfig({ SITE_URL: 'https://org.github.io/field-guide/', BASE_PATH: '/field-guide/' }).base).toBe('/field-guide/');
    expect(() => publishConfig({ SITE_URL: 'https://org.github.io/one', BASE_PATH: '/two/' })).toThrow(/one of them only/);
  });
});

describe('withBase and stripBase', () => {
  it('puts a site path under the base, keeping its fragment and query', () => {
    expect(withBase('/', '/field-guide/')).toBe('/field-guide/');
    expect(withBase('/muscles/trust/', '/field-guide/')).toBe('/field-guide/muscles/trust/');
    expect(withBase('/gaps/#gap-3', '/field-guide/')).toBe('/field-guide/gaps/#gap-3');
    expect(withBase('/search/?q=trust', '/field-guide')).toBe('/field-guide/search/?q=trust');
    expect(withBase('/muscles/trust/', '/')).toBe('/muscles/trust/');
  });

  it('leaves fragments, other sites and protocol-relative URLs alone', () => {
    for (const other of ['#main', 'https://example.org/x/', '//example.org/x/', 'mailto:a@example.org', 'relative/path/']) {
      expect(withBase(other, '/field-guide/')).toBe(other);
    }
  });

  it('turns a URL path under the base back into a site path, and says null outside it', () => {
    expect(stripBase('/field-guide/muscles/trust/', '/field-guide/')).toBe('/muscles/trust/');
    expect(stripBase('/field-guide/', '/field-guide/')).toBe('/');
    expect(stripBase('/field-guide', '/field-guide/')).toBe('/');
    expect(stripBase('/muscles/trust/', '/field-guide/')).toBeNull();
    expect(stripBase('/field-guidebook/', '/field-guide/')).toBeNull();
    expect(stripBase('/muscles/trust/', '/')).toBe('/muscles/trust/');
  });

  it('round-trips every site path', () => {
    for (const path of ['/', '/muscles/trust/', '/worksheets/muscles-check/print/', '/404.html']) {
      expect(stripBase(withBase(path, '/org/field-guide/'), '/org/field-guide/')).toBe(path);
    }
  });
});

describe('absoluteUrl', () => {
  it('joins the site origin, the base path and the site path', () => {
    expect(absoluteUrl('/muscles/trust/', 'https://org.github.io', '/field-guide/')).toBe(
      'https://org.github.io/field-guide/muscles/trust/',
    );
    expect(absoluteUrl('/', 'https://guide.example.org', '/')).toBe('https://guide.example.org/');
  });

  it('uses only the origin of a site URL with a path, so the path is not doubled', () => {
    expect(absoluteUrl('/about/', 'https://org.github.io/field-guide', '/field-guide/')).toBe('https://org.github.io/field-guide/about/');
  });
});

describe('in the browser, the base comes from the page', () => {
  const g = globalThis as { document?: unknown };
  afterEach(() => {
    delete g.document;
  });
  const pageWithBase = (base: string | undefined) => {
    g.document = { documentElement: { dataset: base === undefined ? {} : { base } } };
  };

  it('reads <html data-base> for href, the search bundle, scripts, the manifest and the worker scope', () => {
    pageWithBase('/field-guide/');
    expect(siteBase()).toBe('/field-guide/');
    expect(href('/muscles/trust/')).toBe('/field-guide/muscles/trust/');
    expect(searchBundleUrl()).toBe('/field-guide/pagefind/');
    expect(clientScriptUrl('site')).toBe('/field-guide/_client/site.js');
    expect(manifestUrl()).toBe('/field-guide/manifest.webmanifest');
    expect(swScope()).toBe('/field-guide/');
    expect(pagePath('/field-guide/muscles/trust')).toBe('/muscles/trust/');
    expect(pagePath('/field-guide/404.html')).toBe('/404.html');
  });

  it('uses a base the page gives as it is, and with a relative one (the copy on disk) names the real file', () => {
    pageWithBase('../../');
    expect(href('/muscles/trust/')).toBe('../../muscles/trust/index.html');
    expect(href('/muscles/trust/#signs')).toBe('../../muscles/trust/index.html#signs');
  });

  it('falls back to the build base (here Vite\u2019s default, /) when the page says nothing', () => {
    pageWithBase(undefined);
    expect(siteBase()).toBe('/');
    expect(href('/about/')).toBe('/about/');
  });
});

describe('guideUrl', () => {
  it('maps content ids to stable site paths', () => {
    expect(guideUrl('index')).toBe('/');
    expect(guideUrl('muscles/index')).toBe('/muscles/');
    expect(guideUrl('muscles/trust')).toBe('/muscles/trust/');
    expect(guideUrl('reference/glossary')).toBe('/glossary/');
  });
});
