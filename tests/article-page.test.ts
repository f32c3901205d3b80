/**
 * The article page as a reader gets it: every block, in order, in each edition's
 * language and direction, with hostile frontmatter and body made harmless.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type FixtureSite, jpeg } from './helpers/fixture-site.ts';

let site: FixtureSite;

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';

beforeAll(async () => {
  site = await buildFixture({
    'content/en/2026/11/budget-vote.md': article(
      `
headline: Parliament passes the budget
date: 2026-11-26T09:30
updated: 2026-11-26T14:05
byline: [Jana Novak, Omid Rahimi]
credits: [Reuters, Interfax, AFP]
breaking: true
summary: The vote ended a standoff.
photo:
  src: budget-vote.jpg
  alt: Lawmakers in the chamber
  caption: Lawmakers after the vote (file photo)
  credit: Jana Novak/Meridian
`,
      'The vote was close.\n\n## What happens next\n\nThe "upper house" votes next.',
    ),
    'content/en/2026/11/budget-vote.jpg': await jpeg(900, 1200),
    'content/en/2026/11/hostile.md': article(
      `
headline: '${hostile} & "quotes"'
date: 2026-11-25T08:00
byline: '${hostile}'
credits: ['</script><script>alert(2)</script>']
summary: '${hostile}'
tags: ['${hostile}']
`,
      `${hostile}\n\n[click me](javascript:alert(3)) [data](data:text/html,hi) {{ page.url }} {% raw %}\n\n<iframe src="https://evil.example"></iframe>`,
    ),
    'content/ru/2026/11/vybory.md': article('headline: Выборы в Валдоре\ndate: 2026-11-26T10:00\ncredits: [Reuters, Interfax, AFP]', 'Текст "новости".'),
    'content/fa/2026/11/namayeshgah.md': article(
      'headline: نمایشگاه کتاب والدور\ndate: 2026-03-21T09:30\ncredits: [رویترز, اینترفاکس, خبرگزاری فرانسه]',
      'متن "خبر".',
    ),
  });
  expect(site.stderr).toBe('');
  expect(site.code).toBe(0);
});

describe('article page', () => {
  it('has every block in the order of the model page', () => {
    const doc = site.page('/en/2026/11/26/budget-vote/');
    const blocks = [
      ['skip links', 'nav.skip-links'],
      ['site header', 'header.site-header'],
      ['breaking banner', '.breaking'],
      ['headline', 'main h1'],
      ['dateline', '.dateline'],
      ['byline', '.byline'],
      ['lead photo', 'main figure'],
      ['body', '.story-body'],
      ['wire credits', '.wire-credits'],
      ['publisher box', 'aside.publisher-box'],
      ['disclaimer footer', 'footer'],
    ] as const;
    const all = [...doc.querySelectorAll('*')];
    const positions = blocks.map(([name, selector]) => {
      const el = doc.querySelector(selector);
      expect(el, name).not.toBeNull();
      return all.indexOf(el!);
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('starts with skip links to the main content and the navigation', () => {
    const doc = site.page('/en/2026/11/26/budget-vote/');
    const firstLinks = [...doc.querySelectorAll('a')].slice(0, 2);
    expect(firstLinks.map((a) => a.getAttribute('href'))).toEqual(['#main', '#sections']);
    expect(firstLinks[0]?.closest('nav')?.getAttribute('aria-label')).toBe('Accessibility links');
    expect(doc.querySelector('main#main')).not.toBeNull();
    expect(doc.querySelector('nav#sections')).not.toBeNull();
  });

  it('shows the headline as the only h1, dates as <time datetime>, and the byline', () => {
    const doc = site.page('/en/2026/11/26/budget-vote/');
    expect([...doc.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Parliament passes the budget']);
    const times = [...doc.querySelectorAll('.dateline time')];
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual(['2026-11-26T09:30:00+00:00', '2026-11-26T14:05:00+00:00']);
    expect(doc.querySelector('.dateline')?.textContent).toContain('Updated');
    expect(doc.querySelector('.byline')?.textContent).toContain('Jana Novak and Omid Rahimi');
    expect(doc.querySelector('.story-body h2')?.textContent).toBe('What happens next');
    expect(doc.querySelectorAll('.story-body h3').length).toBe(0);
    expect(doc.querySelector('.story-body')?.textContent).toContain('The “upper house” votes next.');
  });

  it('frames the lead photo at 16:9 with alt text, caption and credit', () => {
    const doc = site.page('/en/2026/11/26/budget-vote/');
    const img = doc.querySelector('main figure img');
    expect(img?.getAttribute('alt')).toBe('Lawmakers in the chamber');
    const ratio = Number(img?.getAttribute('width')) / Number(img?.getAttribute('height'));
    expect(ratio).toBeCloseTo(16 / 9, 2);
    const caption = doc.querySelector('main figure figcaption');
    expect(caption?.textContent).toContain('Lawmakers after the vote (file photo)');
    expect(caption?.querySelector('.credit')?.textContent).toContain('Jana Novak/Meridian');
    expect(img?.getAttribute('alt')).not.toContain('Jana Novak');
  });

  it('ends with the wire credits, the publisher box and the legal footer', () => {
    const doc = site.page('/en/2026/11/26/budget-vote/');
    expect(doc.querySelector('.wire-credits')?.textContent).toBe('With reporting by Reuters, Interfax, and AFP');
    const box = doc.querySelector('aside.publisher-box');
    expect(box?.textContent).toContain('27 languages in 23 countries');
    const boxImg = box?.querySelector('img');
    expect(Number(boxImg?.getAttribute('width')) / Number(boxImg?.getAttribute('height'))).toBeCloseTo(16 / 9, 2);
    const footer = doc.querySelector('footer');
    expect(footer?.textContent).toContain('undesirable');
    const links = [...(footer?.querySelectorAll('a') ?? [])];
    // The link texts make sense out of context: no "click here".
    expect(links.map((a) => a.textContent)).toEqual(['What the “undesirable” designation means for readers in Ostravia', 'If this site is blocked']);
    const targets = site.targets('/en/2026/11/26/budget-vote/', 'footer a');
    expect(targets).toEqual(['/en/about/#legal', '/en/access/']);
    for (const target of targets) expect(site.has(target.split('#')[0]!)).toBe(true);
  });

  it('shows the breaking banner on every page of the edition, linking to the story', () => {
    for (const path of ['/en/2026/11/26/budget-vote/', '/en/2026/11/25/hostile/', '/en/']) {
      const banner = site.page(path).querySelector('.breaking');
      expect(banner?.textContent, path).toContain('Breaking News');
      expect(site.targets(path, '.breaking a')).toEqual(['/en/2026/11/26/budget-vote/']);
    }
    expect(site.page('/ru/2026/11/26/vybory/').querySelector('.breaking')).toBeNull();
  });

  it('loads no JavaScript', () => {
    const html = site.html('/en/2026/11/26/budget-vote/');
    expect(html.match(/<script(?![^>]*application\/ld\+json)/g)).toBeNull();
  });
});

describe('editions', () => {
  it.each([
    ['/en/2026/11/26/budget-vote/', 'en', 'ltr', 'With reporting by Reuters, Interfax, and AFP', 'Published'],
    ['/ru/2026/11/26/vybory/', 'ru', 'ltr', 'При участии Reuters, Interfax и AFP', '26 ноября 2026 г. в 10:00'],
    ['/fa/2026/03/21/namayeshgah/', 'fa', 'rtl', 'با گزارشی از رویترز،‏ اینترفاکس، و خبرگزاری فرانسه', '۱ فروردین ۱۴۰۵'],
  ])('%s speaks %s, %s', (path, lang, dir, credits, dateText) => {
    const doc = site.page(path);
    expect(doc.documentElement.getAttribute('lang')).toBe(lang);
    expect(doc.documentElement.getAttribute('dir')).toBe(dir);
    expect(doc.querySelector('.wire-credits')?.textContent).toBe(credits);
    expect(doc.querySelector('.dateline')?.textContent).toContain(dateText);
  });

  it('uses the edition’s quotation marks in the body', () => {
    expect(site.page('/ru/2026/11/26/vybory/').querySelector('.story-body')?.textContent).toContain('Текст «новости».');
    expect(site.page('/fa/2026/03/21/namayeshgah/').querySelector('.story-body')?.textContent).toContain('متن «خبر».');
  });

  it('dates without an offset are in the edition’s zone', () => {
    expect(site.page('/fa/2026/03/21/namayeshgah/').querySelector('time')?.getAttribute('datetime')).toBe('2026-03-21T09:30:00+03:30');
    expect(site.page('/ru/2026/11/26/vybory/').querySelector('time')?.getAttribute('datetime')).toBe('2026-11-26T10:00:00+03:00');
  });
});

describe('hostile content', () => {
  it('escapes every frontmatter string and the body', () => {
    const html = site.html('/en/2026/11/25/hostile/');
    const doc = site.page('/en/2026/11/25/hostile/');
    expect(doc.querySelector('h1')?.textContent).toBe(`${hostile} & "quotes"`);
    expect(doc.querySelector('.byline')?.textContent).toContain(hostile);
    // No element or attribute came from the content.
    expect(doc.querySelectorAll('script:not([type="application/ld+json"]), iframe').length).toBe(0);
    expect(doc.querySelector('main img')).toBeNull();
    expect([...doc.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect(html).not.toMatch(/<script>alert/);
  });

  it('neutralises javascript: and data: links and shows template syntax literally', () => {
    const doc = site.page('/en/2026/11/25/hostile/');
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
    const body = doc.querySelector('.story-body')?.textContent ?? '';
    expect(body).toContain('[click me](javascript:alert(3))');
    expect(body).toContain('{{ page.url }} {% raw %}');
    expect(body).toContain('<iframe src=');
  });
});
