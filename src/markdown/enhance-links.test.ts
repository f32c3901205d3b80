import markdownit from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { enhanceLinks, isSafeUrl } from './enhance-links.ts';

const md = markdownit({ linkify: true }).use(enhanceLinks);

describe('enhance-links', () => {
  it.each([
    ['https://example.org/a', true],
    ['http://example.org', true],
    ['mailto:desk@example.org', true],
    ['tel:+420123456', true],
    ['/en/2026/11/26/story/', true],
    ['../other/', true],
    ['#section', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['  javascript:alert(1)', false],
    ['vbscript:msgbox(1)', false],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['data:image/png;base64,iVBOR', false],
    ['file:///etc/passwd', false],
    ['//evil.example/x', false],
  ])('%s → allowed: %s', (url, allowed) => {
    expect(isSafeUrl(url)).toBe(allowed);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x'])('a [link](%s) stays visible text, not a link', (url) => {
    const html = md.render(`[click](${url})`);
    expect(html).not.toContain('<a');
    expect(html).toContain('[click]');
  });

  it('keeps safe links and autolinks', () => {
    expect(md.render('[ok](https://example.org/)')).toContain('<a href="https://example.org/">ok</a>');
    expect(md.render('<https://example.org/x>')).toContain('href="https://example.org/x"');
  });

  it('refuses data: images too', () => {
    expect(md.render('![x](data:image/png;base64,AAAA)')).not.toContain('<img');
  });
});
