/**
 * Reads `_headers` and `_redirects` the way static hosts (Netlify, Cloudflare Pages) do,
 * for `npm run preview` and the deploy tests. Paths match the request's URL path:
 * `*` matches anything (also "/"), `:name` one path segment; `:splat` and `:name` in a
 * redirect's target, and in a header's value (as Cloudflare Pages does), are replaced by
 * what they matched.
 */

export interface ParsedHeaderRule {
  path: string;
  pattern: RegExp;
  headers: [name: string, value: string][];
}

export interface RedirectRule {
  from: string;
  pattern: RegExp;
  to: string;
  status: number;
}

export function pathPattern(rulePath: string): RegExp {
  // A name used twice (`*` twice, `:id` twice) is captured the first time only: a
  // regular expression cannot name two groups alike, and a rule must never stop the server.
  const named = new Set<string>();
  const group = (name: string, body: string) => {
    if (named.has(name)) return `(?:${body})`;
    named.add(name);
    return `(?<${name}>${body})`;
  };
  const source = rulePath
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]\w*)/g, (_, name: string) => group(name, '[^/]+')))
    .reduce((joined, part) => `${joined}${group('splat', '.*')}${part}`);
  return new RegExp(`^${source}$`);
}

function meaningfulLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() && !line.trim().startsWith('#'));
}

export function parseHeadersFile(text: string): ParsedHeaderRule[] {
  const rules: ParsedHeaderRule[] = [];
  for (const line of meaningfulLines(text)) {
    if (!/^\s/.test(line)) {
      const rulePath = line.trim();
      rules.push({ path: rulePath, pattern: pathPattern(rulePath), headers: [] });
      continue;
    }
    const current = rules.at(-1);
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: "${line.trim()}" is not under a path or has no "Name: value"`);
    current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Headers for one URL path. Every matching rule applies; a header set by two rules is
 * joined with ", " (as Cloudflare does); the build's own file never does that (see
 * src/outputs/headers.ts), and `conflicts` lists such headers so that tests can insist on it.
 */
export function headersFor(rules: ParsedHeaderRule[], urlPath: string): { headers: Map<string, string>; conflicts: string[] } {
  const headers = new Map<string, string>();
  const setBy = new Map<string, string>();
  const conflicts: string[] = [];
  for (const rule of rules) {
    const match = rule.pattern.exec(urlPath);
    if (!match) continue;
    for (const [name, written] of rule.headers) {
      const value = fillPlaceholders(written, match);
      const key = name.toLowerCase();
      const earlier = setBy.get(key);
      if (earlier !== undefined && earlier !== rule.path) conflicts.push(`${name} (${earlier} and ${rule.path})`);
      setBy.set(key, rule.path);
      const existing = headers.get(name);
      headers.set(name, existing === undefined ? value : `${existing}, ${value}`);
    }
  }
  return { headers, conflicts };
}

export function parseRedirectsFile(text: string): RedirectRule[] {
  return meaningfulLines(text).map((line) => {
    const [from, to, status, ...rest] = line.trim().split(/\s+/);
    const code = status === undefined ? 301 : Number(status.replace(/!$/, ''));
    if (!from || !to || rest.length || !Number.isInteger(code)) throw new Error(`_redirects: cannot read "${line.trim()}"`);
    return { from, pattern: pathPattern(from), to, status: code };
  });
}

/** `:splat` and `:name` replaced by what the rule's path matched; other text (`http:`, `data:;`) as written. */
function fillPlaceholders(text: string, match: RegExpExecArray): string {
  const groups = match.groups ?? {};
  return text.replace(/:([A-Za-z]\w*)/g, (whole, name: string) => groups[name] ?? whole);
}

/** The first rule that matches wins; the target gets the rule's placeholders filled in. */
export function redirectFor(rules: RedirectRule[], urlPath: string): { to: string; status: number } | undefined {
  for (const rule of rules) {
    const match = rule.pattern.exec(urlPath);
    if (!match) continue;
    return { to: fillPlaceholders(rule.to, match), status: rule.status };
  }
  return undefined;
}
