import type { MarkdownIt } from 'markdown-it';

/**
 * The headline is the page's only h1, so body headings start at h2. Editors write
 * `#`, `##` or `###` for a subheading; the outline is renumbered so that its top level
 * becomes h2 and a heading is never more than one level below the one before it
 * (`#` then `###` → h2, h3): skipped levels are an error in the Nu HTML checker and
 * confuse screen-reader navigation. Capped at h6.
 */
export function enhanceHeadings(md: MarkdownIt): void {
  md.core.ruler.push('masthead_headings', (state) => {
    // Open ancestors: the level the editor wrote and the level we give it.
    const open: { written: number; level: number }[] = [];
    let level = 2;
    for (const token of state.tokens) {
      if (token.type === 'heading_open') {
        const written = Number(token.tag.slice(1));
        while (open.length && open[open.length - 1]!.written >= written) open.pop();
        level = Math.min(6, open.length ? open[open.length - 1]!.level + 1 : 2);
        open.push({ written, level });
        token.tag = `h${level}`;
      } else if (token.type === 'heading_close') token.tag = `h${level}`;
    }
  });
}
