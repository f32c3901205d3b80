/**
 * Links to another story written the way editors write them: to its Markdown file,
 * relative to the linking file (`[the vote](../11/budget-vote.md)`) or from the repository
 * root (`/content/en/2026/11/budget-vote.md`). They are the easy way to link (an editor's
 * tools complete file names, and a moved story keeps its file), and they become the
 * story's URL when the page is written (src/render/body-links.ts); `npm run check` and the
 * build report one that leads to no story file (src/content/cross-checks.ts).
 */
import path from 'node:path';

/** The story file a body link names, repository-relative, and its #fragment; undefined for any other link. */
export function storyFileTarget(href: string, fromFile: string): { file: string; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\\/i.test(href)) return undefined;
  const hash = href.indexOf('#');
  const [pathPart = '', fragment = ''] = hash === -1 ? [href] : [href.slice(0, hash), href.slice(hash)];
  const plain = pathPart.split('?')[0] ?? '';
  if (!/\.md$/i.test(plain)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(plain).normalize('NFC');
  } catch {
    return undefined;
  }
  const file = decoded.startsWith('/') ? path.posix.normalize(decoded.slice(1)) : path.posix.join(path.posix.dirname(fromFile), decoded);
  return { file, fragment };
}
