import { expect, describe as group, it } from 'vitest';
import { editions } from '../editions/registry.ts';
import { createMarkdown } from '../markdown/markdown.ts';
import { DESCRIPTION_MAX, decodeEntities, describe, firstParagraphText, truncate } from './description.ts';

const render = (markdown: string) => createMarkdown(editions.en).render(markdown);

group('firstParagraphText', () => {
  it.each([
    ['plain', 'The vote was close.\n\nSecond paragraph.', 'The vote was close.'],
    ['heading first', '## Background\n\nThe *vote* was [close](https://example.org).', 'The vote was close.'],
    ['escaped markup stays text', 'Use <script>alert(1)</script> & "quotes".', 'Use <script>alert(1)</script> & “quotes”.'],
    ['soft line breaks become spaces', 'One line\nand the next.', 'One line and the next.'],
    ['Cyrillic', 'Текст новости.', 'Текст новости.'],
    ['no paragraph at all', '## Only a heading', ''],
    ['empty body', '', ''],
  ])('%s', (_name, markdown, text) => {
    expect(firstParagraphText(render(markdown))).toBe(text);
  });
});

group('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('Short.', 20)).toBe('Short.');
  });

  it('cuts long text at a word boundary with an ellipsis, within the limit', () => {
    const out = truncate('alpha beta gamma delta epsilon', 16);
    expect(out).toBe('alpha beta…');
    expect([...out].length).toBeLessThanOrEqual(16);
  });

  it('counts characters, not UTF-16 units, and never splits an emoji', () => {
    const out = truncate('🙂'.repeat(50), 10);
    expect(out).toBe(`${'🙂'.repeat(9)}…`);
  });
});

group('describe', () => {
  it('prefers the summary', () => {
    expect(describe('The summary.', render('The body.'))).toBe('The summary.');
  });

  it('falls back to the first paragraph, shortened', () => {
    const long = 'word '.repeat(200);
    expect(describe(undefined, render('The body.'))).toBe('The body.');
    expect([...describe(undefined, render(long))].length).toBeLessThanOrEqual(DESCRIPTION_MAX);
  });
});

group('escaped markup in the text', () => {
  it('stays text: tags are stripped before entities are decoded', () => {
    expect(firstParagraphText('<p>Use <em>&lt;b&gt;</em> &amp; &quot;quotes&quot;</p>')).toBe('Use <b> & "quotes"');
  });

  it('gives back the text a reader sees, for what markdown-it writes', () => {
    const md = createMarkdown(editions.en);
    // What the editor typed, as text: markup, an escaped entity, quotes, an ampersand.
    const html = md.renderInline('<a> &amp;amp; "q" &amp;#39; Fish & Chips');
    expect(decodeEntities(html)).toBe('<a> &amp; “q” &#39; Fish & Chips');
  });
});
