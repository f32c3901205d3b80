import { describe, expect, it } from 'vitest';
import { editions } from '../editions/registry.ts';
import { createMarkdown } from './markdown.ts';

describe('article markdown', () => {
  it.each([
    ['en', '<p>He said “yes” and ‘no’.</p>'],
    ['ru', '<p>He said «yes» and „no“.</p>'],
    ['fa', '<p>He said «yes» and ‹no›.</p>'],
  ] as const)('%s uses the edition’s quotation marks', (code, expected) => {
    expect(createMarkdown(editions[code]).render(`He said "yes" and 'no'.`).trim()).toBe(expected);
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<div onclick=x>hi</div>', '&lt;div onclick=x&gt;hi&lt;/div&gt;'],
  ])('escapes raw HTML %s', (source, escaped) => {
    const html = createMarkdown(editions.en).render(source);
    expect(html).toContain(escaped);
    expect(html).not.toMatch(/<(script|img|div)\b/);
  });

  it('shows template syntax literally', () => {
    const html = createMarkdown(editions.en).render('{{ page.url }} and {% include "x" %}');
    expect(html).toContain('{{ page.url }} and {% include “x” %}');
  });
});
