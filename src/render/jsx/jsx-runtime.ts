/**
 * The JSX runtime of every layout (tsconfig `jsxImportSource: "#jsx"`): elements become
 * HTML as they are created, with nothing to diff and no component state (ADR 014).
 *
 * It writes the bytes preact-render-to-string 6.8 wrote for the markup our layouts use
 * (src/render/jsx/jsx-runtime.test.ts holds the two to the same output), and refuses what it
 * does not implement (style objects, form values, SVG) instead of writing it differently.
 * Text and attribute values are escaped; raw HTML enters only through
 * `dangerouslySetInnerHTML`, as before.
 *
 * A page is a tree of `Html` nodes, joined into one string once. Preact built it by
 * concatenation, a rope of thousands of pieces per page that V8 then had to flatten
 * (as much time as the rendering itself at 5,000 pages).
 */
import type { JSX as PreactJSX } from 'preact';

type Part = string | Html;

/** Markup made by the runtime: safe to place in a page as it is. */
export class Html {
  readonly parts: readonly Part[];
  constructor(parts: readonly Part[]) {
    this.parts = parts;
  }
}

/** What a component or element may have as children. */
export type Children = Html | string | number | bigint | boolean | null | undefined | readonly Children[];

type Props = Record<string, unknown> & { children?: Children };
type Component = (props: never) => Children;

// What preact-render-to-string did with these names (src/lib/util.js, 6.8).
const UNSAFE_NAME = /[\s\n\\/='"\0<>]/;
const NAMESPACE = /^(xlink|xmlns|xml)([A-Z])/;
const HTML_LOWER_CASE =
  /^(?:accessK|auto[A-Z]|cell|ch|col|cont|cross|dateT|encT|form[A-Z]|frame|hrefL|inputM|maxL|minL|noV|playsI|popoverT|readO|rowS|src[A-Z]|tabI|useM|item[A-Z])/;
const ENUMERATED: ReadonlySet<string> = new Set(['draggable', 'spellcheck']);
const VOID: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'command',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const UNSUPPORTED_TAGS: ReadonlySet<string> = new Set(['svg', 'math', 'textarea', 'select', 'option']);
const ENTITY = /["&<]/g;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', '<': '&lt;' };

/** Escapes text and attribute values as preact did: `"`, `&` and `<`. */
export function escapeHtml(text: string): string {
  ENTITY.lastIndex = 0;
  return ENTITY.test(text) ? text.replace(ENTITY, (c) => ENTITIES[c]!) : text;
}

function attribute(tag: string, name: string, v: unknown, props: Props): string {
  if (typeof v === 'function' || name === 'key' || name === 'ref' || name === '__self' || name === '__source') return '';
  if (name === 'className' || name === 'htmlFor') {
    if ((name === 'className' ? 'class' : 'for') in props) return '';
    name = name === 'className' ? 'class' : 'for';
  } else if (name === 'style' && v !== null && typeof v === 'object') {
    throw new Error(`<${tag} style={…}>: style objects are not supported; write the CSS as a string`);
  } else if (name === 'defaultValue') name = 'value';
  else if (name === 'defaultChecked') name = 'checked';
  else if (name === 'defaultSelected') name = 'selected';
  else if (name === 'acceptCharset') name = 'accept-charset';
  else if (name === 'httpEquiv') name = 'http-equiv';
  else if (UNSAFE_NAME.test(name)) return '';
  else if (NAMESPACE.test(name)) name = name.replace(NAMESPACE, '$1:$2').toLowerCase();
  else if ((name[4] === '-' || ENUMERATED.has(name)) && v != null) v = String(v);
  else if (HTML_LOWER_CASE.test(name)) name = name.toLowerCase();
  if (v == null || v === false) return '';
  return v === true || v === '' ? ` ${name}` : ` ${name}="${escapeHtml(String(v))}"`;
}

/** Appends children's markup to `parts`; false when there was none. */
function addChildren(children: Children, parts: Part[]): boolean {
  if (children == null || typeof children === 'boolean' || children === '') return false;
  if (typeof children === 'string') parts.push(escapeHtml(children));
  else if (typeof children === 'number' || typeof children === 'bigint') parts.push(String(children));
  else if (children instanceof Html) {
    if (children.parts.length === 0) return false;
    parts.push(children);
  } else if (Array.isArray(children)) {
    let any = false;
    for (const child of children as readonly Children[]) any = addChildren(child, parts) || any;
    return any;
  } else throw new Error(`Cannot render ${Object.prototype.toString.call(children)} as HTML`);
  return true;
}

function element(tag: string, props: Props): Html {
  if (UNSAFE_NAME.test(tag)) throw new Error(`${tag} is not a valid HTML tag name`);
  if (UNSUPPORTED_TAGS.has(tag)) throw new Error(`<${tag}> is not supported by Masthead's JSX runtime`);
  let open = `<${tag}`;
  let raw: unknown;
  for (const name in props) {
    if (name === 'children') continue;
    if (name === 'dangerouslySetInnerHTML') raw = (props[name] as { __html?: unknown } | null)?.__html;
    else open += attribute(tag, name, props[name], props);
  }
  const parts: Part[] = [''];
  const filled = raw ? parts.push(String(raw)) > 0 : addChildren(props.children, parts);
  if (!filled && VOID.has(tag)) return new Html([`${open}/>`]);
  parts[0] = `${open}>`;
  parts.push(`</${tag}>`);
  return new Html(parts);
}

/** The automatic runtime's entry: components are called at once, elements become `Html`. */
export function jsx(type: string | Component, props: Props): Children {
  if (typeof type === 'function') return (type as (p: Props) => Children)(props);
  return element(type, props);
}
export { jsx as jsxs, jsx as jsxDEV };

export function Fragment({ children }: { children?: Children }): Html {
  const parts: Part[] = [];
  addChildren(children, parts);
  return new Html(parts);
}

/** Markup already made elsewhere (a rendered body, a card rendered once per build). */
export const rawHtml = (html: string): Html => new Html(html ? [html] : []);

function collect(node: Html, out: string[]): void {
  for (const part of node.parts) {
    if (typeof part === 'string') out.push(part);
    else collect(part, out);
  }
}

/**
 * Markup placed on many pages (a story's card, an edition's header) as one piece: each
 * page then copies one string instead of walking the same tree again.
 */
export const joined = (children: Children): Html => rawHtml(renderToString(children));

/** The markup as one string, joined once. */
export function renderToString(children: Children): string {
  const parts: Part[] = [];
  addChildren(children, parts);
  const out: string[] = [];
  collect(new Html(parts), out);
  return out.join('');
}

export namespace JSX {
  export type Element = Html;
  export type ElementType = string | Component;
  export interface ElementChildrenAttribute {
    children: unknown;
  }
  export interface IntrinsicAttributes {
    key?: string | number;
  }
  export interface IntrinsicElements extends PreactJSX.IntrinsicElements {}
}
