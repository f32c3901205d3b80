import type { MarkdownIt } from 'markdown-it';

/**
 * The headline is the page's only h1, so headings in the body start at h2:
 * every body heading moves down one level (h1 → h2 … h5 → h6), capped at h6.
 */
export function enhanceHeadings(md: MarkdownIt): void {
  md.core.ruler.push('masthead_demote_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        const level = Math.min(6, Number(token.tag.slice(1)) + 1);
        token.tag = `h${level}`;
      }
    }
  });
}
