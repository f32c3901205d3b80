import markdownit from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { enhanceTables } from './enhance-tables.ts';

const md = markdownit().use(enhanceTables);

describe('enhance-tables', () => {
  it.each([
    ['| a |\n|:--|\n| 1 |', 'align-left'],
    ['| a |\n|:-:|\n| 1 |', 'align-center'],
    ['| a |\n|--:|\n| 1 |', 'align-right'],
  ])('%j: alignment becomes the class %s on header and body cells, with no inline style', (source, cls) => {
    const html = md.render(source);
    expect(html).not.toMatch(/style=/);
    expect(html.match(new RegExp(`<t[hd] class="${cls}">`, 'g'))).toHaveLength(2);
  });

  it('leaves unaligned cells bare', () => {
    expect(md.render('| a | b |\n|---|---|\n| 1 | 2 |')).toMatch(/<th>a<\/th>\n<th>b<\/th>/);
  });
});
