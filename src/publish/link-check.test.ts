import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltLinks, formatBrokenLink } from './link-check.ts';
import { LinkChecker, type LinkCheckOptions, srcsetUrls } from './link-checker.ts';

/** A built site: the files that exist, and one page per case holding only that case's markup. */
const existing = [
  'index.html',
  'en/index.html',
  'en/2026/11/26/budget-vote/index.html',
  'ru/2026/11/26/выборы/index.html',
  'assets/masthead.abc123.css',
  'media/abc.jpg',
  'media/abc-640.jpg',
  'feed.xml',
];

/** From a page five folders deep (/en/2026/11/26/page/) back to the site's root, as pages write it. */
const UP = '../../../../../';
const ROOT_RELATIVE = 'is root-relative: it breaks on a mirror and under any other path; write it relative to the page (src/site/urls.ts)';
const OWN_ORIGIN =
  "names the site's own origin https://meridian.example: a mirror's reader would be sent to the blocked site; write it relative to the page (only canonical and hreflang links name the main site)";

// [case, markup on /en/2026/11/26/page/, broken URLs expected]
const cases: [string, string, string[]][] = [
  ['page-relative, back to the root first', `<a href="${UP}en/2026/11/26/budget-vote/">x</a>`, []],
  ['missing page', `<a href="${UP}en/2026/11/26/gone/">x</a>`, [`${UP}en/2026/11/26/gone/`]],
  ['relative page', '<a href="../budget-vote/">x</a>', []],
  ['relative, broken', '<a href="../gone/">x</a>', ['../gone/']],
  ['root-relative, to a page that exists (breaks on a mirror)', '<a href="/en/2026/11/26/budget-vote/">x</a>', ['/en/2026/11/26/budget-vote/']],
  [
    'root-relative stylesheet and image',
    '<link rel="stylesheet" href="/assets/masthead.abc123.css"><img src="/media/abc.jpg" alt="">',
    ['/assets/masthead.abc123.css', '/media/abc.jpg'],
  ],
  ['directory without a trailing slash', `<a href="${UP}en/2026/11/26/budget-vote">x</a>`, []],
  ['fragment and query are ignored', `<a href="${UP}en/2026/11/26/budget-vote/?utm=1#comments">x</a>`, []],
  ['fragment on the page itself', '<a href="#main">x</a>', []],
  ['Unicode path, percent-encoded', `<a href="${UP}ru/2026/11/26/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B/">x</a>`, []],
  ['Unicode path, as an IRI', `<a href="${UP}ru/2026/11/26/выборы/">x</a>`, []],
  ['canonical names the main site', '<link rel="canonical" href="https://meridian.example/en/">', []],
  ['canonical naming the main site, broken', '<link rel="canonical" href="https://meridian.example/en/nope/">', ['https://meridian.example/en/nope/']],
  ['hreflang alternates name the main site', '<link rel="alternate" hreflang="ru" href="https://meridian.example/ru/2026/11/26/выборы/">', []],
  ["a link naming the site's origin", '<a href="https://meridian.example/en/">x</a>', ['https://meridian.example/en/']],
  [
    "a feed link naming the site's origin",
    '<link rel="alternate" type="application/atom+xml" href="https://meridian.example/feed.xml">',
    ['https://meridian.example/feed.xml'],
  ],
  ["protocol-relative, to the site's host", '<img src="//meridian.example/media/abc.jpg" alt="">', ['//meridian.example/media/abc.jpg']],
  [
    'other origins, mailto, tel, data',
    '<a href="https://example.org/x">a</a><a href="mailto:a@b.c">b</a><a href="tel:+1">c</a><img src="data:image/gif;base64,R0lGOD" alt="">',
    [],
  ],
  ['stylesheet and image', `<link rel="stylesheet" href="${UP}assets/masthead.abc123.css"><img src="${UP}media/abc.jpg" alt="">`, []],
  ['missing stylesheet', `<link rel="stylesheet" href="${UP}assets/masthead.css">`, [`${UP}assets/masthead.css`]],
  [
    'srcset, one candidate missing',
    `<img srcset="${UP}media/abc.jpg 320w, ${UP}media/abc-640.jpg 640w, ${UP}media/abc-960.jpg 960w" alt="">`,
    [`${UP}media/abc-960.jpg`],
  ],
  ['single quotes, unquoted, entities', `<a href='${UP}en/'>a</a><a href=${UP}en/>b</a><a href="${UP}en/2026/11/26/budget-vote/?a=1&amp;b=2">c</a>`, []],
  ['a URL in text is not a link', '<p>Set href="/nope/" in your config, or src=/nope.js</p>', []],
  ['a URL inside a script is not a link', '<script type="application/ld+json">{"url":"/nope/","x":"<a href=\\"/nope/\\">"}</script>', []],
  ['a script src is checked', `<script src="${UP}pagefind/pagefind.js"></script>`, [`${UP}pagefind/pagefind.js`]],
  ['a URL inside a comment is not a link', '<!-- <a href="/nope/">x</a> -->', []],
  ['an attribute value with ">" in it', `<a title="a > b" href="${UP}nope/">x</a>`, [`${UP}nope/`]],
  ['the feed', `<link rel="alternate" type="application/atom+xml" href="${UP}feed.xml">`, []],
  [
    'numeric entities in an attribute, decoded as browsers do',
    '<a href="..&#x2F;..&#47;..&#x2F;..&#47;..&#x2F;en&#47;">a</a><a href="..&#47;gone&#x2F;">b</a><a href="&#47;en&#x2F;">c</a>',
    ['../gone/', '/en/'],
  ],
  ['attribute names in capitals', `<A HREF="${UP}en/nope/">x</A><IMG SRC="${UP}media/abc.jpg" ALT="">`, [`${UP}en/nope/`]],
  ['a srcset whose URL holds a comma', `<img srcset="${UP}media/abc.jpg 1x, ${UP}media/a,b.jpg 2x" alt="">`, [`${UP}media/a,b.jpg`]],
  ['a meta refresh to a page', `<meta http-equiv="refresh" content="0; url=${UP}en/2026/11/26/budget-vote/">`, []],
  ['a meta refresh to nowhere', '<meta http-equiv="Refresh" content="0;URL=\'../gone/\'">', ['../gone/']],
  ['a meta refresh, root-relative', '<meta http-equiv="refresh" content="0; url=/en/">', ['/en/']],
  ["a meta refresh naming the site's origin", '<meta http-equiv="refresh" content="0; url=https://meridian.example/en/">', ['https://meridian.example/en/']],
  [
    "the search index's parts, written after the pages: their form only",
    `<form data-pagefind-parts="${UP}en/pagefind/a1/ ${UP}en/pagefind/b2/" data-base-url="${UP}"></form><form data-pagefind-parts="${UP}en/pagefind/c3/ /en/pagefind/d4/" data-base-url="https://meridian.example/"></form>`,
    ['/en/pagefind/d4/', 'https://meridian.example/'],
  ],
];

const options: LinkCheckOptions = { baseUrl: 'https://meridian.example', pathPrefix: '/' };

function site(prefix = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-links-'));
  const write = (rel: string, body: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), body);
  };
  for (const rel of existing) write(rel, '<!DOCTYPE html><title>x</title>');
  cases.forEach(([, markup], i) => {
    write(`en/2026/11/26/case-${i}/index.html`, `<!DOCTYPE html><title>${prefix}</title>${markup}`);
  });
  return dir;
}

describe('checkBuiltLinks', () => {
  let result: ReturnType<typeof checkBuiltLinks>;
  beforeAll(() => {
    result = checkBuiltLinks(site(), options);
  });

  it.each(cases.map((c, i) => [...c, i] as const))('%s', (_name, _markup, expected, i) => {
    const onPage = result.broken.filter((b) => b.page === `/en/2026/11/26/case-${i}/`).map((b) => b.url);
    expect(onPage).toEqual(expected);
  });

  it('counts the pages and names the page, the URL and the attribute of a broken link', () => {
    expect(result.pages).toBe(cases.length + existing.filter((f) => f.endsWith('.html')).length);
    const line = formatBrokenLink(result.broken.find((b) => b.url === `${UP}assets/masthead.css`)!);
    expect(line).toMatch(/^\/en\/2026\/11\/26\/case-\d+\/: broken link (\.\.\/){5}assets\/masthead\.css \(href\) leads to no file$/);
  });

  it('says why a root-relative or own-origin URL is wrong, naming page and attribute', () => {
    const rootRelative = result.broken.find((b) => b.url === '/media/abc.jpg')!;
    const ownOrigin = result.broken.find((b) => b.url === 'https://meridian.example/feed.xml')!;
    expect([rootRelative, ownOrigin].map((b) => [b.attribute, b.reason])).toEqual([
      ['src', ROOT_RELATIVE],
      ['href', OWN_ORIGIN],
    ]);
    expect(formatBrokenLink(rootRelative)).toMatch(/^\/en\/2026\/11\/26\/case-\d+\/: broken link \/media\/abc\.jpg \(src\) is root-relative/);
  });
});

describe('checkBuiltLinks under a path prefix', () => {
  it('resolves links under the prefix and reports links that leave it, or ignore it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-links-'));
    mkdirSync(path.join(dir, 'en'), { recursive: true });
    writeFileSync(
      path.join(dir, 'en/index.html'),
      '<a href="../en/">ok</a><a href="../../en/">outside</a><a href="/news/en/">root-relative</a><link rel="canonical" href="https://meridian.example/news/">',
    );
    const { broken } = checkBuiltLinks(dir, { ...options, pathPrefix: '/news/' });
    expect(broken.map((b) => [b.url, b.reason])).toEqual([
      ['../../en/', "is outside the site's path prefix /news/"],
      ['/news/en/', ROOT_RELATIVE],
      ['https://meridian.example/news/', 'leads to no page'],
    ]);
  });

  it('leaves paths published by another build alone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-links-'));
    mkdirSync(path.join(dir, 'ru'), { recursive: true });
    writeFileSync(path.join(dir, 'ru/index.html'), '<a href="../en/2026/11/26/x/">en</a><a href="../ru/nope/">ru</a>');
    const { broken } = checkBuiltLinks(dir, { ...options, elsewhere: (p) => p.startsWith('/en/') });
    expect(broken.map((b) => b.url)).toEqual(['../ru/nope/']);
  });
});

describe('srcsetUrls', () => {
  it.each([
    ['a.jpg 320w, b.jpg 640w', ['a.jpg', 'b.jpg']],
    ['a.jpg', ['a.jpg']],
    ['a.jpg 1x,b.jpg 2x', ['a.jpg', 'b.jpg']],
    ['  /m/a,b.jpg 1x , c.jpg 2x ', ['/m/a,b.jpg', 'c.jpg']],
    ['a.jpg,b.jpg', ['a.jpg,b.jpg']],
    ['a.jpg, b.jpg', ['a.jpg', 'b.jpg']],
  ])('%s', (srcset, urls) => {
    expect(srcsetUrls(srcset)).toEqual(urls);
  });
});

describe('LinkChecker, as the build runs it (pages in memory)', () => {
  it.each(cases)('%s', (_name, markup, expected) => {
    // Nothing of the site is on disk: the files are told, the page is handed over.
    const checker = new LinkChecker(mkdtempSync(path.join(tmpdir(), 'masthead-links-empty-')), options);
    checker.addFiles([...existing, 'en/2026/11/26/page/index.html']);
    checker.checkPage('en/2026/11/26/page/index.html', `<!DOCTYPE html><title>x</title>${markup}`);
    expect(checker.result.broken.map((b) => b.url)).toEqual(expected);
  });

  it('looks a target up on disk before calling it broken (a file written by another step)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-links-disk-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'late.css'), '');
    const checker = new LinkChecker(dir, options);
    checker.checkPage('index.html', '<link rel="stylesheet" href="./assets/late.css"><a href="./assets/never.css">x</a>');
    expect(checker.result.broken.map((b) => b.url)).toEqual(['./assets/never.css']);
  });

  it('reports broken links in page order, whatever order the pages came in', () => {
    const checker = new LinkChecker(mkdtempSync(path.join(tmpdir(), 'masthead-links-order-')), options);
    checker.checkPage('ru/index.html', '<a href="../nope-ru/">x</a>');
    checker.checkPage('en/index.html', '<a href="../nope-en/">x</a>');
    expect(checker.result.broken.map((b) => b.page)).toEqual(['/en/', '/ru/']);
    expect(checker.result.pages).toBe(2);
  });
});

// [case, pages checked in this order as [file, markup], links counted, broken as [page, URL, attribute, reason]]
const repeated: [string, [string, string][], number, [string, string, string, string][]][] = [
  [
    'a relative link, on pages in different folders',
    [
      ['en/2026/11/26/a/index.html', '<a href="../budget-vote/">x</a>'],
      ['en/2026/11/27/b/index.html', '<a href="../budget-vote/">x</a>'],
      ['en/2026/11/26/c/index.html', '<a href="../budget-vote/">x</a>'],
    ],
    3,
    [['/en/2026/11/27/b/', '../budget-vote/', 'href', 'leads to no page']],
  ],
  [
    'a relative link, broken on the first page it is on',
    [
      ['en/2026/11/27/b/index.html', '<a href="../budget-vote/">x</a>'],
      ['en/2026/11/26/a/index.html', '<a href="../budget-vote/">x</a>'],
    ],
    2,
    [['/en/2026/11/27/b/', '../budget-vote/', 'href', 'leads to no page']],
  ],
  [
    'a relative srcset, on pages in different folders',
    [
      ['media/index.html', '<img srcset="abc.jpg 1x, abc-640.jpg 2x" alt="">'],
      ['en/index.html', '<img srcset="abc.jpg 1x, abc-640.jpg 2x" alt="">'],
      ['media/gallery.html', '<img srcset="abc.jpg 1x, abc-640.jpg 2x" alt="">'],
    ],
    6,
    [
      ['/en/', 'abc.jpg', 'srcset', 'leads to no file'],
      ['/en/', 'abc-640.jpg', 'srcset', 'leads to no file'],
    ],
  ],
  [
    'a repeated srcset with one candidate missing, on pages of one depth and of another',
    [
      ['en/index.html', '<img srcset="../media/abc.jpg 320w, ../media/abc-960.jpg 960w, ../media/abc-640.jpg 640w" alt="">'],
      ['ru/index.html', '<img srcset="../media/abc.jpg 320w, ../media/abc-960.jpg 960w, ../media/abc-640.jpg 640w" alt="">'],
      ['en/2026/11/26/a/index.html', `<img srcset="${UP}media/abc.jpg 320w, ${UP}media/abc-960.jpg 960w, ${UP}media/abc-640.jpg 640w" alt="">`],
      ['en/2026/11/26/b/index.html', '<img srcset="../media/abc.jpg 320w" alt="">'],
    ],
    10,
    [
      ['/en/', '../media/abc-960.jpg', 'srcset', 'leads to no file'],
      ['/en/2026/11/26/a/', `${UP}media/abc-960.jpg`, 'srcset', 'leads to no file'],
      ['/en/2026/11/26/b/', '../media/abc.jpg', 'srcset', 'leads to no file'],
      ['/ru/', '../media/abc-960.jpg', 'srcset', 'leads to no file'],
    ],
  ],
  [
    'entities in a repeated attribute',
    [
      [
        'en/index.html',
        `<a href="../nope/?a=1&amp;b=2">x</a><a href='../en/2026/11/26/budget-vote/?a=1&amp;b=2'>y</a><img srcset="../media/abc.jpg 1x, ../media&#x2F;abc-2x.jpg 2x" alt="">`,
      ],
      [
        'ru/index.html',
        `<a href="../nope/?a=1&amp;b=2">x</a><a href='../en/2026/11/26/budget-vote/?a=1&amp;b=2'>y</a><img srcset="../media/abc.jpg 1x, ../media&#x2F;abc-2x.jpg 2x" alt="">`,
      ],
    ],
    8,
    [
      ['/en/', '../nope/?a=1&b=2', 'href', 'leads to no page'],
      ['/en/', '../media/abc-2x.jpg', 'srcset', 'leads to no file'],
      ['/ru/', '../nope/?a=1&b=2', 'href', 'leads to no page'],
      ['/ru/', '../media/abc-2x.jpg', 'srcset', 'leads to no file'],
    ],
  ],
  [
    'a tag with a root-relative and a relative URL, in order',
    [
      ['media/index.html', '<img src="/media/abc.jpg" srcset="abc.jpg 1x" alt="">'],
      ['en/index.html', '<img src="/media/abc.jpg" srcset="abc.jpg 1x" alt="">'],
    ],
    4,
    [
      ['/en/', '/media/abc.jpg', 'src', ROOT_RELATIVE],
      ['/en/', 'abc.jpg', 'srcset', 'leads to no file'],
      ['/media/', '/media/abc.jpg', 'src', ROOT_RELATIVE],
    ],
  ],
  [
    'the same attributes on a script and an image, and a URL in a script body',
    [
      ['en/index.html', '<script src="../nope.js"></script><img src="../nope.js"><script>document.write(\'<img src="../nope.js">\')</script>'],
      ['ru/index.html', '<img src="../nope.js"><script src="../nope.js"></script>'],
    ],
    4,
    [
      ['/en/', '../nope.js', 'src', 'leads to no file'],
      ['/en/', '../nope.js', 'src', 'leads to no file'],
      ['/ru/', '../nope.js', 'src', 'leads to no file'],
      ['/ru/', '../nope.js', 'src', 'leads to no file'],
    ],
  ],
  [
    'a root-relative link and a page-relative one to the same place are judged apart',
    [
      ['en/index.html', '<a href="../en/">x</a><a href="/en/">y</a>'],
      ['ru/index.html', '<a href="/en/">y</a><a href="../en/">x</a>'],
    ],
    4,
    [
      ['/en/', '/en/', 'href', ROOT_RELATIVE],
      ['/ru/', '/en/', 'href', ROOT_RELATIVE],
    ],
  ],
  [
    'a lone surrogate in a repeated srcset, and the replacement character',
    [
      ['en/index.html', '<img srcset="../media/\ud800.jpg 1x" alt="">'],
      ['ru/index.html', '<img srcset="../media/\ufffd.jpg 1x" alt="">'],
      ['fa/index.html', '<img srcset="../media/\ud800.jpg 1x" alt="">'],
    ],
    3,
    [
      ['/en/', '../media/\ud800.jpg', 'srcset', 'leads to no file'],
      ['/fa/', '../media/\ud800.jpg', 'srcset', 'leads to no file'],
      ['/ru/', '../media/\ufffd.jpg', 'srcset', 'leads to no file'],
    ],
  ],
];

describe('LinkChecker, the same markup on many pages', () => {
  it.each(repeated)('%s', (_name, pages, links, expected) => {
    const checker = new LinkChecker(mkdtempSync(path.join(tmpdir(), 'masthead-links-repeated-')), options);
    checker.addFiles([...existing, ...pages.map(([rel]) => rel)]);
    for (const [rel, markup] of pages) checker.checkPage(rel, `<!DOCTYPE html><title>x</title>${markup}`);
    const { broken, links: counted } = checker.result;
    expect(broken.map((b) => [b.page, b.url, b.attribute, b.reason])).toEqual(expected);
    expect(counted).toBe(links);
  });
});
