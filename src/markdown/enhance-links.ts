import type { MarkdownIt } from 'markdown-it';

/**
 * Only these schemes may appear in a link or image in article text. Everything else
 * (javascript:, vbscript:, data:, file:, …) is refused, and markdown-it then leaves the
 * Markdown source as plain text, so the reader sees it but cannot follow it.
 */
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (!scheme) {
    // No scheme: a relative path, a fragment or a query. "//host" would be protocol-relative.
    return !compact.startsWith('//') && !compact.startsWith('\\');
  }
  return ALLOWED_SCHEMES.has(`${scheme[1]}:`);
}

export function enhanceLinks(md: MarkdownIt): void {
  md.validateLink = isSafeUrl;
}
