import type { MarkdownIt } from 'markdown-it';
import type { MarkdownEnv } from './enhance-images.ts';

export interface BodyLink {
  /** The link target as written (after markdown-it's normalisation). */
  href: string;
  /** 1-based line in the Markdown body (not the file) where the link is. */
  line: number;
}

export interface LinkEnv extends MarkdownEnv {
  /** Filled by collectLinks: every link that might point into the site. */
  links?: BodyLink[];
}

/** Links that never point at a page of the site; everything else is checked by `npm run check`. */
const NEVER_INTERNAL = /^(mailto:|tel:|#)/i;

/**
 * Records the links in an article body, with their line, so that `npm run check` can
 * report a link to a story that does not exist as `file:line` without rendering any
 * page. It only reads tokens; the HTML is unchanged.
 */
export function collectLinks(md: MarkdownIt): void {
  md.core.ruler.push('masthead_collect_links', (state) => {
    const env = state.env as LinkEnv;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let line = (block.map?.[0] ?? 0) + 1;
      for (const token of block.children) {
        if (token.type === 'softbreak' || token.type === 'hardbreak') line++;
        if (token.type !== 'link_open') continue;
        const href = String(token.attrGet('href') ?? '');
        if (!NEVER_INTERNAL.test(href)) (env.links ??= []).push({ href, line });
      }
    }
  });
}
