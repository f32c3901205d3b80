/**
 * Moved stories, as editors write them: each `aliases` entry is a site path the story
 * used to live at. Validated here (problems name file and field) and kept decoded
 * (Unicode, no %XX), like every other site path; src/site/redirects.ts turns them into
 * the build's redirects.
 */
import { editions } from '../editions/registry.ts';

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

/** What is wrong with one alias as written, or undefined when it is a usable site path. */
export function aliasProblem(alias: string): string | undefined {
  const example = 'e.g. `/en/2025/03/01/old-story/`';
  if (/^[a-z][a-z0-9+.-]*:/i.test(alias) || alias.startsWith('//')) {
    return `"${alias}" is a full URL: write only the old path on this site, ${example}`;
  }
  if (!alias.startsWith('/')) return `"${alias}" must start with "/": write the old path on this site, ${example}`;
  if (/[\s\\]|\p{Cc}/u.test(alias)) return `"${alias}" contains spaces, control characters or a backslash: write the path as it appeared in the address bar`;
  if (/[?#]/.test(alias)) return `"${alias}" has a query or fragment (? or #): an old page is identified by its path alone`;
  const decoded = decodeSegments(alias);
  if (decoded === undefined) return `"${alias}" has a broken %-escape or an encoded "/": write the path as plain text`;
  if (decoded.split('/').some((s) => s === '..' || s === '.')) return `"${alias}" contains "." or ".." segments: write the old path exactly, without them`;
  if (/\/\//.test(decoded)) return `"${alias}" contains an empty segment ("//")`;
  const top = decoded.split('/').filter(Boolean);
  if (top.length === 0) return 'cannot be "/": the home page is not a story';
  const [code, second] = top;
  const edition = code && Object.hasOwn(editions, code) ? editions[code as keyof typeof editions] : undefined;
  if (edition && (top.length === 1 || (top.length === 2 && (second === 'about' || second === 'access' || edition.sections.some((s) => s.slug === second))))) {
    return `"${alias}" is the address of an edition page, not an old story address`;
  }
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
