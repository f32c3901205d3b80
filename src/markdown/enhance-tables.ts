import type { MarkdownIt } from 'markdown-it';

/**
 * Column alignment in Markdown tables (`|--:|`) comes out of markdown-it as an inline
 * `style="text-align:right"`. Inline styles are refused by the site's Content Security
 * Policy (`style-src 'self'`, src/outputs/headers.ts) and flagged by html-validate, so the
 * alignment becomes a class the stylesheet styles instead (`align-left`,
 * `align-center`, `align-right`).
 */
export function enhanceTables(md: MarkdownIt): void {
  md.core.ruler.push('masthead_tables', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''))?.[1];
      if (!token.attrs || !align) continue;
      token.attrs = token.attrs.filter(([name]) => name !== 'style');
      token.attrJoin('class', `align-${align}`);
    }
  });
}
