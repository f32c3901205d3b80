import { describe, expect, it } from 'vitest';
import { builtPrefix } from '../cli/preview.ts';
import { ADMIN_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, headerRules, renderHeadersFile } from '../outputs/headers.ts';
import { headersFor, parseHeadersFile, parseRedirectsFile, pathPattern, redirectFor } from './host-rules.ts';

describe('host rule paths', () => {
  it.each([
    ['/*', '/', true],
    ['/*', '/en/a/b/', true],
    ['/en/*', '/en/', true],
    ['/en/*', '/en', false],
    ['/en/*', '/enx/', false],
    ['/:code/about/', '/ru/about/', true],
    ['/:code/about/', '/ru/x/about/', false],
    ['/feed.xml', '/feedxxml', false],
    ['/', '/', true],
    ['/', '/en/', false],
    // Names used twice: rules a host accepts, which must never stop the preview server.
    ['/*/*', '/en/a/', true],
    ['/*/*', '/en', false],
    ['/:a/:a/', '/en/ru/', true],
    ['/:a/:a/', '/en/', false],
    ['/(x[', '/(x[', true],
  ])('%s matches %s: %s', (rule, urlPath, expected) => {
    expect(pathPattern(rule).test(urlPath)).toBe(expected);
  });

  it('fills placeholders and the splat into redirect targets; the first matching rule wins', () => {
    const rules = parseRedirectsFile('# old URLs\n/old/:year/* /en/:year/:splat 301\n/old/* /en/ 302\n/x /y');
    expect(redirectFor(rules, '/old/2026/11/story/')).toEqual({ to: '/en/2026/11/story/', status: 301 });
    expect(redirectFor(rules, '/old/')).toEqual({ to: '/en/', status: 302 });
    expect(redirectFor(rules, '/x')).toEqual({ to: '/y', status: 301 });
    expect(redirectFor(rules, '/y')).toBeUndefined();
  });

  it('fills a name used twice with what it matched first', () => {
    expect(redirectFor(parseRedirectsFile('/a/*/* /b/:splat 301\n/:x/:x/ /c/:x/ 302'), '/a/1/2')).toEqual({ to: '/b/1', status: 301 });
    expect(redirectFor(parseRedirectsFile('/:x/:x/ /c/:x/ 302'), '/p/q/')).toEqual({ to: '/c/p/', status: 302 });
  });

  it('refuses a _headers line that belongs to no path', () => {
    expect(() => parseHeadersFile('  X-A: b\n')).toThrow(/not under a path/);
  });
});

describe("the build's _headers", () => {
  const entries = [
    { name: 'en', isDirectory: true },
    { name: 'assets', isDirectory: true },
    { name: 'media', isDirectory: true },
    { name: 'index.html', isDirectory: false },
    { name: 'sitemap.xml', isDirectory: false },
    { name: '_redirects', isDirectory: false },
  ];

  it.each(['/', '/news/'])('reads back as written, and never sets one header from two rules (prefix %s)', (prefix) => {
    const rules = parseHeadersFile(renderHeadersFile(headerRules(prefix, entries)));
    const paths = ['', 'index.html', 'en/', 'en/2026/11/26/x/', 'assets/m.0123456789.css', 'media/x.jpg', 'sitemap.xml', 'en/pagefind/pagefind.js'];
    for (const p of paths) {
      const { headers, conflicts } = headersFor(rules, prefix + p);
      expect(conflicts, p).toEqual([]);
      expect(headers.get('Cache-Control'), p).toMatch(/^public, max-age=(300|31536000, immutable)$/);
      expect(headers.get('Content-Security-Policy'), p).toContain("default-src 'self'");
    }
    expect(rules.map((r) => r.path)).not.toContain(`${prefix}_redirects`);
    expect(builtPrefix(renderHeadersFile(headerRules(prefix, entries)))).toBe(prefix);
  });

  it.each(['/', '/news/'])('gives the web editor its own policy and every other path the site policy, each from one rule (prefix %s)', (prefix) => {
    const rules = parseHeadersFile(renderHeadersFile(headerRules(prefix, [...entries, { name: 'admin', isDirectory: true }])));
    const paths = ['', 'index.html', 'en/2026/11/26/x/', 'assets/m.0123456789.css', 'media/x.jpg', 'sitemap.xml', 'admin/', 'admin/decap-cms.js'];
    for (const p of paths) {
      const { headers, conflicts } = headersFor(rules, prefix + p);
      expect(conflicts, p).toEqual([]);
      expect(headers.get('Content-Security-Policy'), p).toBe(p.startsWith('admin/') ? ADMIN_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
      expect(headers.get('X-Frame-Options'), p).toBe('DENY');
    }
  });
});
