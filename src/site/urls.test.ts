import { describe, expect, it } from 'vitest';
import { hostPath, machineUrl, relativeUrl, rootFrom } from './urls.ts';

describe('relativeUrl', () => {
  // [page, target, as written on the page]
  it.each([
    ['/', '/en/', './en/'],
    ['/', '/', './'],
    ['/404.html', '/assets/masthead.0123456789.css', './assets/masthead.0123456789.css'],
    ['/', '/a:b/', './a:b/'],
    ['/en/', '/', '../'],
    ['/en/', '/en/economy/', '../en/economy/'],
    ['/en/404.html', '/en/search/', '../en/search/'],
    ['/en/economy/', '/en/economy/page/2/', '../../en/economy/page/2/'],
    ['/en/economy/page/2/', '/en/economy/', '../../../../en/economy/'],
    ['/en/2026/11/26/story/', '/media/abc-640.avif', '../../../../../media/abc-640.avif'],
    ['/en/2026/11/26/story/', '/en/about/#legal', '../../../../../en/about/#legal'],
    ['/ru/tag/выборы/', '/ru/2026/11/26/маяк/', '../../../ru/2026/11/26/маяк/'],
    ['/en/old.html', '/en/2026/11/26/story/', '../en/2026/11/26/story/'],
  ])('on %s, %s is %s', (page, target, written) => {
    expect(relativeUrl(page, target)).toBe(written);
    // What a browser makes of it, at the site's root and under any prefix alike.
    for (const base of ['https://meridian.example', 'https://mirror.example/m-4f2a']) {
      expect(new URL(written, base + page).href).toBe(new URL(base + target).href);
    }
  });

  it('depends only on the depth of the page (cached markup is shared by pages of one depth)', () => {
    expect(rootFrom('/en/economy/')).toBe(rootFrom('/ru/search/'));
    expect(relativeUrl('/en/tag/x/', '/en/')).toBe(relativeUrl('/fa/author/y/', '/en/'));
  });

  it.each(['en/', 'https://meridian.example/en/', '//meridian.example/en/', ''])('refuses %j, which is not a site path', (target) => {
    expect(() => relativeUrl('/en/', target)).toThrow(/not a site path/);
  });
});

describe('absolute URLs, for what must name the main site', () => {
  it.each([
    ['/', '/ru/2026/11/26/маяк/', 'https://meridian.example/ru/2026/11/26/%D0%BC%D0%B0%D1%8F%D0%BA/', '/ru/2026/11/26/маяк/'],
    ['/news/', '/en/', 'https://meridian.example/news/en/', '/news/en/'],
  ])('prefix %s: %s', (pathPrefix, sitePath, machine, host) => {
    const options = { baseUrl: 'https://meridian.example', pathPrefix };
    expect(machineUrl(options, sitePath)).toBe(machine);
    expect(hostPath(options, sitePath)).toBe(host);
  });
});
