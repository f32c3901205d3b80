import markdownit from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { enhanceImages, type MarkdownEnv } from './enhance-images.ts';

const md = markdownit().use(enhanceImages);

describe('enhance-images', () => {
  it('renders an inline image as its escaped alt text and warns', () => {
    const env: MarkdownEnv = {};
    const html = md.render('Before ![A <b>map</b> of *Valdor*](https://tracker.example/x.png) after', env);
    expect(html).not.toContain('<img');
    expect(html).toContain('A &lt;b&gt;map&lt;/b&gt; of Valdor');
    expect(env.warnings).toHaveLength(1);
    expect(env.warnings?.[0]).toContain('https://tracker.example/x.png');
  });

  it('leaves text without images alone', () => {
    const env: MarkdownEnv = {};
    expect(md.render('plain', env).trim()).toBe('<p>plain</p>');
    expect(env.warnings).toBeUndefined();
  });
});
