import type { Env, MarkdownIt } from 'markdown-it';

export interface MarkdownEnv extends Env {
  /** Filled by transforms with problems the editor should hear about. */
  warnings?: string[];
}

/**
 * Inline images are not part of the contract: the lead photo goes in `photo:`, which is
 * validated, cropped and credited. A body image would load from anywhere and carry no
 * credit, so it is rendered as its alt text and the editor is warned.
 */
export function enhanceImages(md: MarkdownIt): void {
  md.renderer.rules.image = (tokens, idx, _options, env: MarkdownEnv = {}) => {
    const token = tokens[idx]!;
    const alt = token.children ? md.renderer.renderInlineAsText(token.children, md.options, env) : token.content;
    (env.warnings ??= []).push(`an image in the body (${token.attrGet('src') ?? ''}) is shown as its text only: put the lead photo in \`photo:\``);
    return md.utils.escapeHtml(alt);
  };
}
