import markdownit from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { enhanceHeadings } from './enhance-headings.ts';

const md = markdownit().use(enhanceHeadings);
const tags = (source: string) => [...md.render(source).matchAll(/<(h\d)>/g)].map((m) => m[1]);

describe('enhance-headings', () => {
  it.each([
    ['# One', ['h2']],
    ['## Two', ['h2']],
    ['# One\n\n## Two\n\n### Three', ['h2', 'h3', 'h4']],
    ['## Two\n\n### Three', ['h2', 'h3']],
    ['# A\n\n###### Six', ['h2', 'h3']],
    ['### Only a third-level heading', ['h2']],
    ['## A\n\n#### B\n\n## C\n\n### D', ['h2', 'h3', 'h2', 'h3']],
    ['# A\n\n### B\n\n## C', ['h2', 'h3', 'h3']],
    ['# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6', ['h2', 'h3', 'h4', 'h5', 'h6', 'h6']],
    ['Setext\n===\n\nSub\n---', ['h2', 'h3']],
    ['no headings', []],
  ])('%j → %j', (source, expected) => {
    expect(tags(source)).toEqual(expected);
  });

  it('never produces an h1, so the headline stays the only one', () => {
    expect(md.render('# A\n\n# B\n\ntext')).not.toMatch(/<h1/);
  });
});
