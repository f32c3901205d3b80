/**
 * Updates and corrections as readers see them: "Updated …" in the dateline, a dated box
 * of corrections at the end of the story in the edition's language, a "Corrected" mark
 * in listings, and dateModified in the structured data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { editions } from '../src/editions/registry.ts';
import { article, buildFixture, type FixtureSite } from './helpers/fixture-site.ts';

let site: FixtureSite;

beforeAll(async () => {
  site = await buildFixture({
    'content/en/2026/11/budget-vote.md': article(
      // Written newest first on purpose: the box lists them oldest first.
      'headline: Parliament passes the budget\ndate: 2026-11-26T09:30\nupdated: 2026-11-26T14:00\ntags: [budget]\ncorrections:\n  - date: 2026-11-27T16:45\n    text: The vote was on Thursday, not Wednesday.\n  - date: 2026-11-27T10:00\n    text: An earlier version misstated the margin as 84 to 60; it was 84 to 61.',
      'The vote was close.',
    ),
    'content/en/2026/11/plain.md': article('headline: A story without corrections\ndate: 2026-11-26T08:00\ntags: [budget]', 'Text.'),
    'content/ru/2026/11/byudzhet.md': article(
      'headline: Парламент принял бюджет\ndate: 2026-11-26T12:00\ncorrections:\n  - date: 2026-11-27T10:00\n    text: В первой версии неверно указан счёт голосования.',
      'Текст.',
    ),
    'content/fa/2026/11/budje.md': article(
      'headline: تصویب بودجه\ndate: 2026-11-26T12:00\ncorrections:\n  - date: 2026-11-27T10:00\n    text: در نسخه نخست این خبر تعداد آرا نادرست آمده بود.',
      'متن.',
    ),
  });
  expect(site.stderr).toBe('');
  expect(site.code).toBe(0);
});

describe('the corrections box', () => {
  it('comes at the end of the story, after the body, with every correction oldest first and dated', () => {
    const doc = site.page('/en/2026/11/26/budget-vote/');
    const story = doc.querySelector('article.story')!;
    const box = story.querySelector('.corrections')!;
    const order = [...story.querySelectorAll('.story-body, .corrections')].map((e) => e.className);
    expect(order).toEqual(['story-body', 'corrections']);
    expect(box.querySelector('h2')?.textContent).toBe('Corrections');
    const items = [...box.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual(['2026-11-27T10:00:00+00:00', '2026-11-27T16:45:00+00:00']);
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^November 27, 2026 at 10:00 AM GMT: An earlier version misstated the margin as 84 to 60; it was 84 to 61\.$/),
      expect.stringMatching(/^November 27, 2026 at 4:45 PM GMT: The vote was on Thursday, not Wednesday\.$/),
    ]);
    expect(box.getAttribute('aria-labelledby')).toBe(box.querySelector('h2')?.id);
  });

  it.each([
    ['ru', '/ru/2026/11/26/byudzhet/', '2026-11-27T10:00:00+03:00', /^27 ноября 2026 г\. в 10:00 GMT\+3: В первой версии/],
    ['fa', '/fa/2026/11/26/budje/', '2026-11-27T10:00:00+03:30', /^۶ آذر ۱۴۰۵،? ساعت ۱۰:۰۰ .*: در نسخه نخست/],
  ] as const)('speaks the %s edition: heading, date in its zone, calendar and digits', (code, url, datetime, text) => {
    const box = site.page(url).querySelector('.corrections')!;
    expect(box.querySelector('h2')?.textContent).toBe(editions[code].strings.correction);
    expect(box.querySelector('time')?.getAttribute('datetime')).toBe(datetime);
    expect(box.querySelector('li')?.textContent).toMatch(text);
  });

  it('is absent from a story without corrections', () => {
    expect(site.page('/en/2026/11/26/plain/').querySelector('.corrections')).toBeNull();
  });
});

describe('an update', () => {
  it('shows "Updated …" in the dateline', () => {
    const updated = site.page('/en/2026/11/26/budget-vote/').querySelector('.dateline .updated');
    expect(updated?.textContent).toMatch(/^Updated November 26, 2026 at 2:00 PM GMT$/);
    expect(updated?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-26T14:00:00+00:00');
  });
});

describe('listings', () => {
  it.each(['/en/', '/en/tag/budget/'])('mark the corrected story, and only it, on %s', (url) => {
    const cards = [...site.page(url).querySelectorAll('.story-card')];
    const marks = Object.fromEntries(cards.map((c) => [c.querySelector('h2 a')?.textContent, c.querySelector('.corrected-mark')?.textContent ?? null]));
    expect(marks).toEqual({ 'Parliament passes the budget': 'Corrected', 'A story without corrections': null });
  });

  it('mark it in the edition language', () => {
    expect(site.page('/fa/').querySelector('.corrected-mark')?.textContent).toBe(editions.fa.strings.corrected);
  });
});

describe('structured data', () => {
  it('sets dateModified to the latest correction (later than the update)', () => {
    const scripts = [...site.page('/en/2026/11/26/budget-vote/').querySelectorAll('script[type="application/ld+json"]')];
    const data = scripts.map((s) => JSON.parse(s.textContent ?? '') as Record<string, unknown>);
    const news = data.flatMap((d) => (Array.isArray(d['@graph']) ? (d['@graph'] as Record<string, unknown>[]) : [d])).find((d) => d['@type'] === 'NewsArticle');
    expect(news).toMatchObject({ datePublished: '2026-11-26T09:30:00+00:00', dateModified: '2026-11-27T16:45:00+00:00' });
  });
});
