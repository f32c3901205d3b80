/**
 * Hostile input: markup, event handlers, javascript:/data: URLs and `</script>` in every
 * frontmatter field and in bodies; Unicode edge cases (bidi controls, emoji, combining
 * marks, NUL, invalid UTF-8, a 5 MB article, an empty file). Each either builds a safe
 * page, its text shown as text, or stops the build with a clear message naming the file:
 * never executable content, never only a stack trace.
 */
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BASE_SCRIPT } from '../src/render/not-found-base.ts';
import { article, buildFixture, type CliResult, type FixtureFiles, type FixtureSite, jpeg, runCli } from './helpers/fixture-site.ts';
import { siteTexts } from './helpers/site-files.ts';

/** Breaks out of a <script>, an attribute, a comment and a tag, and carries an event handler. */
const P = `</script><script>alert("x")</script><img src=x onerror=alert(1)> "q" 'a' & <!-- --> ]]>`;
const yaml = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar
const DATE = 'date: 2026-11-26T09:00';

type Check = (doc: Document, html: string) => void;
const text = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent ?? '';

// [case, file (under content/), frontmatter, body, what the reader sees]
const safeCases: [string, string, string, string, Check][] = [
  [
    'headline',
    'en/2026/11/h-headline.md',
    `headline: ${yaml(P)}\n${DATE}`,
    'Body.',
    (doc) => {
      expect(text(doc, 'h1')).toBe(P);
      expect(text(doc, 'title')).toContain(P);
    },
  ],
  [
    'summary',
    'en/2026/11/h-summary.md',
    `headline: Summary\n${DATE}\nsummary: ${yaml(P)}`,
    'Body.',
    (doc) => {
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(P);
    },
  ],
  [
    'byline',
    'en/2026/11/h-byline.md',
    `headline: Byline\n${DATE}\nbyline: ${yaml(P)}`,
    'Body.',
    (doc) => {
      expect(text(doc, '.byline')).toContain(P);
    },
  ],
  [
    'credits',
    'en/2026/11/h-credits.md',
    `headline: Credits\n${DATE}\ncredits: [${yaml(P)}]`,
    'Body.',
    (doc) => {
      expect(text(doc, '.wire-credits')).toContain(P);
    },
  ],
  [
    'tags',
    'en/2026/11/h-tags.md',
    `headline: Tags\n${DATE}\ntags: [${yaml(P)}]`,
    'Body.',
    (doc) => {
      expect([...doc.querySelectorAll('a')].map((a) => a.textContent)).toContain(P);
    },
  ],
  [
    'photo alt, caption, credit',
    'en/2026/11/h-photo.md',
    `headline: Photo\n${DATE}\nphoto:\n  src: h.jpg\n  alt: ${yaml(P)}\n  caption: ${yaml(P)}\n  credit: ${yaml(P)}`,
    'Body.',
    (doc) => {
      expect(doc.querySelector('.story img')?.getAttribute('alt')).toBe(P);
      expect(text(doc, '.story figcaption')).toContain(P);
    },
  ],
  [
    'correction text',
    'en/2026/11/h-correction.md',
    `headline: Correction\n${DATE}\ncorrections:\n  - date: 2026-11-27T10:00\n    text: ${yaml(P)}`,
    'Body.',
    (doc) => {
      expect(text(doc, '.corrections li')).toContain(P);
    },
  ],
  [
    'translationKey',
    'en/2026/11/h-translation.md',
    `headline: Translation key\n${DATE}\ntranslationKey: ${yaml(P)}`,
    'Body.',
    (doc) => {
      expect(text(doc, 'h1')).toBe('Translation key');
    },
  ],
  [
    'alias (a redirect page at a path full of markup)',
    'en/2026/11/h-alias.md',
    `headline: Alias\n${DATE}\naliases: ["/en/old/<script>alert(1)</script>/"]`,
    'Body.',
    (doc) => {
      expect(text(doc, 'h1')).toBe('Alias');
    },
  ],
  [
    'raw HTML in the body',
    'en/2026/11/h-body-html.md',
    `headline: Body HTML\n${DATE}`,
    '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<svg onload=alert(1)></svg>\n\n<iframe src="javascript:alert(1)"></iframe>\n\n<a href="javascript:alert(1)">raw</a> <b onclick="alert(1)">b</b>\n\n</script> <!-- ]]>',
    (doc) => {
      const body = text(doc, '.story-body');
      for (const shown of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src=', '</script> <!-- ]]>']) expect(body).toContain(shown);
    },
  ],
  [
    'javascript:, vbscript: and data: links in the body',
    'en/2026/11/h-body-links.md',
    `headline: Body links\n${DATE}`,
    '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](java\tscript:alert(1)) [e](vbscript:msgbox(1)) [f](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(1)> [g][r] [h](\njavascript:alert(1))\n\n[r]: javascript:alert(1)',
    (doc) => {
      expect(doc.querySelectorAll('.story-body a').length).toBe(0);
      expect(text(doc, '.story-body')).toContain('[a](javascript:alert(1))');
    },
  ],
  [
    'images and attribute breakouts in the body',
    'en/2026/11/h-body-images.md',
    `headline: Body images\n${DATE}`,
    '![x](javascript:alert(1)) ![y](data:image/svg+xml,<svg/onload=alert(1)>) ![z](/x.png" onerror="alert(1))\n\n[q](<https://example.org/" onmouseover="alert(1)>) [t](https://example.org/ "t\\" onmouseover=\\"alert(1)")',
    (doc) => {
      expect(doc.querySelectorAll('.story-body img').length).toBe(0);
      for (const a of doc.querySelectorAll('.story-body a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
    },
  ],
  [
    'template syntax in the body',
    'en/2026/11/h-body-templates.md',
    `headline: Templates\n${DATE}`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax an editor might paste, as text.
    '{{ 7*7 }} {% raw %} ${alert(1)} <%= 1 %>',
    (doc) => {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the same text, shown as it was written.
      expect(text(doc, '.story-body')).toContain('{{ 7*7 }} {% raw %} ${alert(1)} <%= 1 %>');
    },
  ],
  [
    'RLM, LRM and ZWNJ in a Persian headline',
    'fa/2026/11/h-bidi.md',
    `headline: ${yaml('خبر\u200F (به‌روزرسانی)\u200E ۱۴۰۵ Meridian')}\n${DATE}`,
    'متن.',
    (doc) => {
      expect(text(doc, 'h1')).toBe('خبر\u200F (به‌روزرسانی)\u200E ۱۴۰۵ Meridian');
      expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    },
  ],
  [
    'emoji: ZWJ sequences, flags, variation selectors',
    'en/2026/11/h-emoji.md',
    `headline: ${yaml('Flood 🌊 👩‍👩‍👧 🇺🇦 ❤️ 🏳️‍🌈')}\n${DATE}\ntags: [🌊]`,
    'Body 🌊.',
    (doc) => {
      expect(text(doc, 'h1')).toBe('Flood 🌊 👩‍👩‍👧 🇺🇦 ❤️ 🏳️‍🌈');
    },
  ],
  [
    'combining characters (NFD and stacked marks)',
    'en/2026/11/h-combining.md',
    `headline: ${yaml('Cafe\u0301 Z\u0337\u0322\u0348a\u0338l\u0335g\u0336o\u0334')}\n${DATE}`,
    'Body.',
    (doc) => {
      expect(text(doc, 'h1')).toBe('Cafe\u0301 Z\u0337\u0322\u0348a\u0338l\u0335g\u0336o\u0334');
    },
  ],
  [
    'U+2028, U+2029 and a zero-width space in the headline (JSON-LD must stay valid)',
    'en/2026/11/h-separators.md',
    `headline: ${yaml('One\u2028two\u2029three\u200Bfour')}\n${DATE}`,
    'Body.',
    (doc) => {
      expect(text(doc, 'h1')).toBe('One\u2028two\u2029three\u200Bfour');
    },
  ],
  [
    'a NUL byte in the body',
    'en/2026/11/h-nul.md',
    `headline: NUL\n${DATE}`,
    'Before\u0000after.',
    (doc) => {
      expect(text(doc, '.story-body')).toContain('Before\uFFFDafter.');
    },
  ],
  [
    'a byte order mark and Windows line ends',
    'en/2026/11/h-bom.md',
    '',
    '',
    (doc) => {
      expect(text(doc, 'h1')).toBe('BOM and CRLF');
    },
  ],
  [
    'a 5 MB article',
    'en/2026/11/h-huge.md',
    `headline: Huge\n${DATE}`,
    '',
    (doc, html) => {
      expect(html.length).toBeGreaterThan(5_000_000);
      expect(text(doc, '.story-body p:last-child')).toBe('The last paragraph of a very long story.');
    },
  ],
  [
    'a Cyrillic file name saved decomposed (NFD)',
    'ru/2026/11/новость-дня.md'.normalize('NFD'),
    `headline: Новость дня\n${DATE}`,
    'Текст.',
    (doc) => {
      expect(text(doc, 'h1')).toBe('Новость дня');
    },
  ],
];

const HUGE_PARAGRAPH = `${'A sentence of a very long story, repeated to make it large. '.repeat(40)}\n\n`;

function safeFiles(photo: Buffer): FixtureFiles {
  const files: FixtureFiles = { 'content/en/2026/11/h.jpg': photo };
  for (const [, file, fm, body] of safeCases) files[`content/${file}`] = article(fm, body);
  files['content/en/2026/11/h-bom.md'] = `\uFEFF---\r\nheadline: BOM and CRLF\r\n${DATE}\r\n---\r\n\r\nBody.\r\n`;
  const huge = HUGE_PARAGRAPH.repeat(Math.ceil(5_100_000 / HUGE_PARAGRAPH.length));
  files['content/en/2026/11/h-huge.md'] = article(`headline: Huge\n${DATE}`, `${huge}The last paragraph of a very long story.`);
  expect(Object.keys(files).length).toBe(safeCases.length + 1);
  return files;
}

const urlOf = (file: string) => {
  const [edition, , , name] = file.normalize('NFC').split('/');
  return `/${edition}/2026/11/26/${name!.replace(/\.md$/, '')}/`;
};

// [case, file (under content/), its bytes, what the message says]
const P_LINE = yaml(P);
const errorCases: [string, string, string | Buffer, RegExp][] = [
  [
    'section',
    'en/2026/11/e-section.md',
    article(`headline: A\n${DATE}\nsection: ${P_LINE}`),
    /e-section\.md:4: section: ".*" is not a section of the en edition/,
  ],
  ['slug', 'en/2026/11/e-slug.md', article(`headline: A\n${DATE}\nslug: ${P_LINE}`), /e-slug\.md:4: slug: may only hold lowercase letters/],
  ['date', 'en/2026/11/e-date.md', article(`headline: A\ndate: ${P_LINE}`), /e-date\.md:3: date: ".*" is not an ISO 8601 date-time/],
  ['updated', 'en/2026/11/e-updated.md', article(`headline: A\n${DATE}\nupdated: ${P_LINE}`), /e-updated\.md:4: updated: ".*" is not an ISO 8601 date-time/],
  ['draft', 'en/2026/11/e-draft.md', article(`headline: A\n${DATE}\ndraft: ${P_LINE}`), /e-draft\.md:4: draft: must be true or false/],
  ['breaking', 'en/2026/11/e-breaking.md', article(`headline: A\n${DATE}\nbreaking: ${P_LINE}`), /e-breaking\.md:4: breaking: must be true or false/],
  ['photo src', 'en/2026/11/e-photo-src.md', article(`headline: A\n${DATE}\nphoto:\n  src: ${P_LINE}\n  alt: A`), /e-photo-src\.md:4: photo\.src: /],
  [
    'photo focus',
    'en/2026/11/e-photo-focus.md',
    article(`headline: A\n${DATE}\nphoto:\n  src: e.jpg\n  alt: A\n  focus: ${P_LINE}`),
    /e-photo-focus\.md:4: photo\.focus: must be center, top/,
  ],
  [
    'correction date',
    'en/2026/11/e-correction.md',
    article(`headline: A\n${DATE}\ncorrections:\n  - date: ${P_LINE}\n    text: A`),
    /e-correction\.md:4: corrections\[0\]\.date: /,
  ],
  [
    'alias with a javascript: URL',
    'en/2026/11/e-alias-js.md',
    article(`headline: A\n${DATE}\naliases: ["javascript:alert(1)"]`),
    /e-alias-js\.md:4: aliases.*is a full URL/,
  ],
  [
    'alias with a line break (a second _redirects rule)',
    'en/2026/11/e-alias-newline.md',
    article(`headline: A\n${DATE}\naliases: ["/en/a/\\n/* https://evil.example/ 200"]`),
    /e-alias-newline\.md:4: aliases[\s\S]*contains spaces, control characters/,
  ],
  ['a field named with markup', 'en/2026/11/e-key.md', article(`headline: A\n${DATE}\n${P_LINE}: x`), /e-key\.md(:4)?: .*unknown field/],
  [
    'a headline that is not text',
    'en/2026/11/e-headline-object.md',
    article(`headline: {a: "<script>"}\n${DATE}`),
    /e-headline-object\.md:2: headline: must be text/,
  ],
  ['a NUL byte in the frontmatter', 'en/2026/11/e-nul.md', article(`headline: A\u0000B\n${DATE}`), /e-nul\.md(:\d+)?: frontmatter: is not valid YAML/],
  [
    'invalid UTF-8',
    'en/2026/11/e-latin1.md',
    Buffer.concat([Buffer.from('---\nheadline: Caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from(`\n${DATE}\n---\nBody\n`)]),
    /e-latin1\.md: is not valid UTF-8 text/,
  ],
  ['an empty file', 'en/2026/11/e-empty.md', '', /e-empty\.md: is empty/],
  [
    'a file name with an invisible character',
    'en/2026/11/e-zero\u200Bwidth.md',
    article(`headline: A\n${DATE}`),
    /e-zero\u200Bwidth\.md: slug: the file name .* is not a valid URL slug/,
  ],
  [
    'a right-to-left override in the headline ("Invoice \u202Efdp.exe" reads as "Invoice exe.pdf")',
    'en/2026/11/e-rlo.md',
    article(`headline: ${yaml('Invoice \u202Efdp.exe')}\n${DATE}`),
    /e-rlo\.md:2: headline: contains the invisible direction control U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/,
  ],
  [
    'an invisible slug (U+3164 HANGUL FILLER)',
    'en/2026/11/e-invisible-slug.md',
    article(`headline: A\n${DATE}\nslug: ${yaml('\u3164')}`),
    /e-invisible-slug\.md:4: slug: .*invisible character U\+3164/,
  ],
  // Aliases that hosts would read as patterns, or that claim a URL the build writes.
  [
    'alias /en/* (every English URL)',
    'en/2026/11/e-alias-star.md',
    article(`headline: A\n${DATE}\naliases: ["/en/*"]`),
    /e-alias-star\.md:4: aliases\[0\]: "\/en\/\*" contains "\*"/,
  ],
  [
    'alias /* (the whole site)',
    'en/2026/11/e-alias-root-star.md',
    article(`headline: A\n${DATE}\naliases: ["/*"]`),
    /e-alias-root-star\.md:4: aliases\[0\]: "\/\*" contains "\*"/,
  ],
  [
    'alias with an encoded placeholder',
    'en/2026/11/e-alias-placeholder.md',
    article(`headline: A\n${DATE}\naliases: ["/en/%3Aslug"]`),
    /e-alias-placeholder\.md:4: aliases\[0\]: .*placeholder/,
  ],
  [
    'alias claiming a feed',
    'en/2026/11/e-alias-feed.md',
    article(`headline: A\n${DATE}\naliases: [/en/feed.xml]`),
    /e-alias-feed\.md:4: aliases\[0\]: "\/en\/feed\.xml" is the en edition's feed\.xml, a page the build writes itself/,
  ],
  [
    'alias claiming a tag page',
    'en/2026/11/e-alias-tag.md',
    article(`headline: A\n${DATE}\naliases: [/en/tag/ports/]`),
    /e-alias-tag\.md:4: aliases\[0\]: .*the tag pages of the en edition/,
  ],
  [
    'alias claiming the search index',
    'en/2026/11/e-alias-pagefind.md',
    article(`headline: A\n${DATE}\naliases: [/en/pagefind/pagefind.js]`),
    /e-alias-pagefind\.md:4: aliases\[0\]: .*search index/,
  ],
  [
    'alias claiming _redirects',
    'en/2026/11/e-alias-redirects.md',
    article(`headline: A\n${DATE}\naliases: [/_redirects]`),
    /e-alias-redirects\.md:4: aliases\[0\]: .*outside the en edition/,
  ],
  [
    'alias claiming its own page',
    'en/2026/11/e-alias-story.md',
    article(`headline: A\n${DATE}\naliases: [/en/2026/11/26/e-alias-story/index.html]`),
    /e-alias-story\.md:4: aliases: .*is the address of this story itself/,
  ],
  // Dates the build could not place.
  [
    'an offset of +24:00',
    'en/2026/11/e-offset.md',
    article('headline: A\ndate: 2026-11-26T09:00+24:00'),
    /e-offset\.md:3: date: .*\+24:00 is not a time zone offset/,
  ],
  ['the year 0000', 'en/2026/11/e-year.md', article('headline: A\ndate: 0000-01-01T10:00'), /e-year\.md:3: date: .*the year 0000 is outside 1900–2200/],
  ['T24:00', 'en/2026/11/e-midnight.md', article('headline: A\ndate: 2026-11-27T24:00'), /e-midnight\.md:3: date: .*24:00 is the next day's 00:00/],
  [
    'a time the clocks skip',
    'en/2026/11/e-dst-gap.md',
    article('headline: A\ndate: 2026-03-29T01:30'),
    /e-dst-gap\.md:3: date: .*does not exist in Europe\/London/,
  ],
  ['30 February', 'en/2026/11/e-february.md', article('headline: A\ndate: 2026-02-30T10:00'), /e-february\.md:3: date: .*February 2026 has no day 30/],
  // Sizes.
  [
    'a 151-character Russian tag',
    'ru/2026/11/e-long-tag.md',
    article(`headline: A\n${DATE}\ntags: ["${'т'.repeat(151)}"]`),
    /e-long-tag\.md:4: tags\[0\]: is 151 characters long/,
  ],
  [
    'an 11 MB headline',
    'en/2026/11/e-huge-headline.md',
    article(`headline: ${'x'.repeat(11 * 1024 * 1024)}\n${DATE}`),
    /e-huge-headline\.md: is 11,264 KB, over the 10,240 KB/,
  ],
  [
    'YAML aliases that repeat a text thousands of times',
    'en/2026/11/e-yaml-bomb.md',
    article(
      `headline: A\n${DATE}\na: &a ["${'x'.repeat(20_000)}"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]`,
    ),
    /e-yaml-bomb\.md:2: frontmatter: expands to more than 256 KB/,
  ],
  [
    'a body link to a story file that does not exist',
    'en/2026/11/e-file-link.md',
    article(`headline: A\n${DATE}`, 'See [the vote](../10/budget-vote.md).'),
    /e-file-link\.md:6: links to \.\.\/10\/budget-vote\.md, which is no story file/,
  ],
  [
    'a body link to a story that does not exist',
    'en/2026/11/e-link.md',
    article(`headline: A\n${DATE}`, 'See [this](/en/2026/11/26/no-such-story/).'),
    /e-link\.md:6: links to \/en\/2026\/11\/26\/no-such-story\/, which is not the address of any story/,
  ],
];

const NO_STACK = /\n\s+at .*(\.(ts|js|cjs|mjs)|node:internal).*:\d+/;

const BODY_ELEMENTS = new Set([
  'p',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  's',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

/** Problems that make a page unsafe, anywhere in one built HTML file. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  const { document } = parseHTML(html);
  for (const script of document.querySelectorAll('script')) {
    const type = script.getAttribute('type') ?? '';
    if (type === 'application/ld+json') {
      try {
        JSON.parse(script.textContent ?? '');
      } catch {
        found.push(`JSON-LD that is not JSON (broken out of?): ${script.textContent?.slice(0, 80)}`);
      }
    } else if (script.textContent === NOT_FOUND_BASE_SCRIPT && !script.hasAttribute('src')) {
      // The not-found pages' base script, the one inline script the CSP allows (by its hash).
    } else if (!/^(\.\.\/)+assets\/|^\.\/assets\//.test(script.getAttribute('src') ?? '') || script.textContent?.trim()) {
      found.push(`a script that is not ours: ${script.outerHTML.slice(0, 120)}`);
    }
  }
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`event attribute ${name} on <${element.localName}>`);
      const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data):/.test(compact) && name !== 'content') found.push(`${name}="${value.slice(0, 60)}" on <${element.localName}>`);
    }
    if (['iframe', 'object', 'embed', 'base', 'frame'].includes(element.localName)) found.push(`a <${element.localName}> element`);
  }
  // An article body holds only what Markdown makes, whatever its text.
  for (const element of document.querySelectorAll('.story-body *')) {
    if (!BODY_ELEMENTS.has(element.localName)) found.push(`a <${element.localName}> element in the article body`);
  }
  // The raw text too, in case a browser would parse it differently from linkedom.
  if (/<script>alert|<img[^>]*\sonerror\s*=/i.test(html)) found.push('markup from the content, unescaped, in the raw HTML');
  return found;
}

describe('the safety check itself', () => {
  it.each([
    ['<h1></h1><script>alert("x")</script>'],
    ['<script type="application/ld+json">{"headline":"</script><script>alert(1)</script>"}</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['<a href="  JaVa\tScript:alert(1)">x</a>'],
    ['<a href="data:text/html,hi">x</a>'],
    ['<iframe src="https://evil.example"></iframe>'],
    ['<div class="story-body"><p>x</p><span>y</span></div>'],
    ['<p>&lt;ok&gt;</p><script>alert(1)</script>'],
    ['<script src="https://cdn.example/assets/x.js"></script>'],
    [`<script src="../assets/x.js">${NOT_FOUND_BASE_SCRIPT}</script>`],
  ])('finds %s unsafe', (html) => {
    expect(unsafeParts(`<!DOCTYPE html><html><body>${html}</body></html>`)).not.toEqual([]);
  });

  it('finds escaped markup and JSON-LD data safe', () => {
    const html =
      '<!DOCTYPE html><html><head><script type="application/ld+json">{"headline":"\\u003c/script>"}</script><script type="module" src="../assets/search.js"></script></head><body><h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><a href="../en/">x</a></body></html>';
    expect(unsafeParts(html)).toEqual([]);
  });
});

let safe: FixtureSite;
let broken: FixtureSite;
let checked: CliResult;

beforeAll(async () => {
  const errorFiles: FixtureFiles = { 'content/en/2026/11/e.jpg': await jpeg(1600, 900) };
  for (const [, file, bytes] of errorCases) errorFiles[`content/${file}`] = bytes;
  [safe, broken] = await Promise.all([buildFixture(safeFiles(await jpeg(1600, 900))), buildFixture(errorFiles)]);
  checked = await runCli('check', ['--content', path.join(broken.dir, 'content'), '--now', '2026-11-28T00:00:00Z']);
});

describe('hostile content that makes a page: the page is safe and shows the text as text', () => {
  it('builds', () => {
    expect(safe.stderr).toBe('');
    expect(safe.code).toBe(0);
  });

  it.each(safeCases.map(([name, file, , , check]) => [name, file, check] as const))('%s', (_name, file, check) => {
    const url = urlOf(file);
    expect(safe.has(url), url).toBe(true);
    const html = safe.html(url);
    check(safe.page(url), html);
    expect(unsafeParts(html)).toEqual([]);
  });

  it('every built page is safe: listings, tag and author pages, redirects, search, 404', () => {
    const pages = siteTexts(safe.outDir).filter((f) => f.file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(safeCases.length * 2);
    const unsafe = pages.map((p) => ({ file: p.file, problems: unsafeParts(p.text) })).filter((p) => p.problems.length);
    expect(unsafe).toEqual([]);
  });

  it('every feed and sitemap is well-formed and carries no markup from the content', () => {
    const machine = siteTexts(safe.outDir).filter((f) => /\.(xml|json)$/.test(f.file) && !f.file.startsWith('pagefind/'));
    expect(machine.length).toBeGreaterThan(3);
    for (const { file, text } of machine) {
      if (file.endsWith('.xml')) {
        // Escaped as XML text, markup from the content never appears as a tag.
        expect(XMLValidator.validate(text), file).toBe(true);
        expect(text, file).not.toMatch(/<script|<img/i);
      } else {
        // JSON Feed: titles and summaries are plain text (markup in them is just text);
        // content_html is HTML, and must hold none of the content's markup as markup.
        const feed = JSON.parse(text) as { items?: { content_html?: string }[] };
        for (const item of feed.items ?? []) expect(item.content_html ?? '', file).not.toMatch(/<script|<img[^>]*onerror|javascript:/i);
      }
    }
  });
});

describe.each(errorCases.map(([name, file, , message]) => [name, file, message] as const))(
  'hostile content that cannot make a page: %s',
  (_name, file, message) => {
    it.each([
      ['npm run build', () => broken],
      ['npm run check', () => checked],
    ] as const)('%s stops with a clear message naming the file', (_cli, run) => {
      const { code, stdout, stderr } = run();
      expect(code).toBe(1);
      const output = `${stdout}\n${stderr}`;
      expect(output).toContain(`content/${file}`);
      expect(output).toMatch(message);
      expect(output).not.toMatch(NO_STACK);
    });
  },
);
