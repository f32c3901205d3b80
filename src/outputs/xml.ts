/**
 * XML for feeds and sitemaps, written as tagged templates: every interpolated value is
 * escaped unless it is itself an `xml` fragment, so content text can never become
 * markup. Characters that XML 1.0 forbids outright (NUL, most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) are dropped, because a single one makes the whole
 * document unreadable to every parser.
 */

const ILLEGAL_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text without the characters XML 1.0 cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(ILLEGAL_IN_XML, '');
}

/** Text escaped for element content and attribute values alike. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup that is already XML (built by `xml`), passed through unescaped. */
export class XmlFragment {
  readonly markup: string;
  constructor(markup: string) {
    this.markup = markup;
  }
  toString(): string {
    return this.markup;
  }
}

export type XmlValue = string | number | XmlFragment | null | undefined | false | readonly XmlValue[];

function serialise(value: XmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof XmlFragment) return value.markup;
  if (Array.isArray(value)) return value.map(serialise).join('');
  return escapeXml(String(value));
}

/** xml`<title>${headline}</title>`: values escaped, nested fragments and arrays of them kept. */
export function xml(strings: TemplateStringsArray, ...values: readonly XmlValue[]): XmlFragment {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += serialise(value) + (strings[i + 1] ?? '');
  });
  return new XmlFragment(out);
}

/** A complete document: the declaration, then the root element, then a final newline. */
export function xmlDocument(root: XmlFragment): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.markup}\n`;
}
