import markdownit from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { enhanceHeadings } from './enhance-headings.ts';

const md = markdownit().use(enhanceHeadings);

describe('enhance-headings', () => {
  it.each([
    ['# One', '<h2>One</h2>'],
    ['## Two', '<h3>Two</h3>'],
    ['##### Five', '<h6>Five</h6>'],
    ['###### Six', '<h6>Six</h6>'],
    ['Setext\n===', '<h2>Setext</h2>'],
  ])('%j renders as %s', (source, expected) => {
    expect(md.render(source).trim()).toBe(expected);
  });

  it('never produces an h1, so the headline stays the only one', () => {
    expect(md.render('# A\n\n# B\n\ntext')).not.toMatch(/<h1/);
  });
});
