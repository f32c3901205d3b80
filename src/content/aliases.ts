/**
 * Moved stories, as editors write them: each `aliases` entry is a site path the story
 * used to live at. Validated here (problems name file and field) and kept decoded
 * (Unicode, no %XX), like every other site path; src/site/redirects.ts turns them into
 * the build's redirects.
 */
import type { EditionCode } from '../editions/edition.ts';
import { ownedPath } from '../site/owned-paths.ts';
import { segmentProblem } from './limits.ts';

function decodeSegments(alias: string): string | undefined {
  try {
    return alias
      .split('/')
      .map((segment) => {
        const decoded = decodeURIComponent(segment);
        // An encoded "/" would name a different path once decoded.
        if (decoded.includes('/')) throw new Error('slash');
        return decoded;
      })
      .join('/')
      .normalize('NFC');
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with one alias as written, or undefined when it is a usable old address
 * of a story of `edition`. An alias is a plain path: hosts read `_redirects` with
 * patterns (`*` matches anything, `:name` one segment), so neither may appear, nor a query,
 * fragment, control character or `.`/`..` segment, written or %-encoded; and it lies inside
 * the story's own edition, never on a page the build writes (src/site/owned-paths.ts).
 */
export function aliasProblem(alias: string, edition: EditionCode): string | undefined {
  const example = `e.g. \`/${edition}/2025/03/01/old-story/\``;
  if (/^[a-z][a-z0-9+.-]*:/i.test(alias) || alias.startsWith('//')) {
    return `"${alias}" is a full URL: write only the old path on this site, ${example}`;
  }
  if (!alias.startsWith('/')) return `"${alias}" must start with "/": write the old path on this site, ${example}`;
  if (/[\s\\]|\p{Cc}/u.test(alias)) return `"${alias}" contains spaces, control characters or a backslash: write the path as it appeared in the address bar`;
  if (/[?#]/.test(alias)) return `"${alias}" has a query or fragment (? or #): an old page is identified by its path alone`;
  const decoded = decodeSegments(alias);
  if (decoded === undefined) return `"${alias}" has a broken %-escape or an encoded "/": write the path as plain text`;
  if (/[\\?#]|\p{Cc}/u.test(decoded)) return `"${alias}" hides a control character, backslash, "?" or "#" in a %-escape: write the old path as plain text`;
  if (decoded.includes('*'))
    return `"${alias}" contains "*", which hosts read in _redirects as "any path": an alias names one old address, written out in full`;
  if (decoded.split('/').some((s) => s.startsWith(':'))) {
    return `"${alias}" has a segment starting with ":", which hosts read in _redirects as a placeholder: write the old address in full`;
  }
  if (decoded.split('/').some((s) => s === '..' || s === '.')) return `"${alias}" contains "." or ".." segments: write the old path exactly, without them`;
  if (/\/\//.test(decoded)) return `"${alias}" contains an empty segment ("//")`;
  const top = decoded.split('/').filter(Boolean);
  if (top.length === 0) return 'cannot be "/": the home page is not a story';
  const long = top.find((segment) => segmentProblem(segment));
  if (long) return `"${alias}" ${segmentProblem(long)!}`;
  if (top[0] !== edition) return `"${alias}" is outside the ${edition} edition: an old address of this story starts with /${edition}/, ${example}`;
  const owned = ownedPath(decoded);
  if (owned) return `"${alias}" is ${owned}, a page the build writes itself: an alias is an old address that no longer has a page`;
  return undefined;
}

/** The stored form: decoded and NFC (call only when aliasProblem returned undefined). */
export function normaliseAlias(alias: string): string {
  return decodeSegments(alias) ?? alias;
}

/** Site path of the published redirect page: "/old/" → /old/index.html; "/old.html" as is; "/old" → /old/. */
export function redirectPagePath(from: string): string {
  const last = from.split('/').at(-1) ?? '';
  return from.endsWith('/') || last.includes('.') ? from : `${from}/`;
}
