import type { MarkdownIt } from 'markdown-it';

/**
 * The headline is the page's only h1, so body headings start at h2. Editors write
 * either `#` or `##` for a subheading; the whole outline is shifted so that its top
 * level becomes h2 (h1 → h2, h2 → h3 …; a body that starts at h2 stays as written),
 * which keeps the heading order without gaps. Capped at h6.
 */
export function enhanceHeadings(md: MarkdownIt): void {
  md.core.ruler.push('masthead_headings', (state) => {
    const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
    if (!headings.length) return;
    const top = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
    const shift = Math.max(0, 2 - top);
    for (const token of headings) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
  });
}
