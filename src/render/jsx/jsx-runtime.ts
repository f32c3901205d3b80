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
 * Each element is its markup as one string, made from its children's as it is created
 * (ADR 018 measured this against the tree of parts joined once that ADR 014 chose).
 */
import type { JSX as PreactJSX } from 'preact';
import { memoise } from '../../build/memoise.ts';

/** Markup made by the runtime: safe to place in a page as it is. */
export class Html {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
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

/** What preact wrote for an attribute's name ('' to drop it); the same few names recur on every element. */
const attributeName = memoise((name: string): string => {
  if (name === 'defaultValue') return 'value';
  if (name === 'defaultChecked') return 'checked';
  if (name === 'defaultSelected') return 'selected';
  if (name === 'acceptCharset') return 'accept-charset';
  if (name === 'httpEquiv') return 'http-equiv';
  if (UNSAFE_NAME.test(name)) return '';
  if (NAMESPACE.test(name)) return name.replace(NAMESPACE, '$1:$2').toLowerCase();
  if (HTML_LOWER_CASE.test(name)) return name.toLowerCase();
  return name;
});

function attribute(tag: string, name: string, v: unknown, props: Props): string {
  if (typeof v === 'function' || name === 'key' || name === 'ref' || name === '__self' || name === '__source') return '';
  if (name === 'className' || name === 'htmlFor') {
    if ((name === 'className' ? 'class' : 'for') in props) return '';
    name = name === 'className' ? 'class' : 'for';
  } else if (name === 'style' && v !== null && typeof v === 'object') {
    throw new Error(`<${tag} style={…}>: style objects are not supported; write the CSS as a string`);
  } else {
    if ((name[4] === '-' || ENUMERATED.has(name)) && v != null) v = String(v);
    name = attributeName(name);
    if (!name) return '';
  }
  if (v == null || v === false) return '';
  return v === true || v === '' ? ` ${name}` : ` ${name}="${escapeHtml(String(v))}"`;
}

/** The markup of children; '' when there is none. */
function childrenHtml(children: Children): string {
  if (children == null || typeof children === 'boolean') return '';
  if (typeof children === 'string') return escapeHtml(children);
  if (typeof children === 'number' || typeof children === 'bigint') return String(children);
  if (children instanceof Html) return children.html;
  if (Array.isArray(children)) {
    let out = '';
    for (const child of children as readonly Children[]) out += childrenHtml(child);
    return out;
  }
  throw new Error(`Cannot render ${Object.prototype.toString.call(children)} as HTML`);
}

/** A tag name, once checked: refused when it is not one the runtime writes as preact did. */
const checkedTag = memoise((tag: string): string => {
  if (UNSAFE_NAME.test(tag)) throw new Error(`${tag} is not a valid HTML tag name`);
  if (UNSUPPORTED_TAGS.has(tag)) throw new Error(`<${tag}> is not supported by Masthead's JSX runtime`);
  return tag;
});

function element(tag: string, props: Props): Html {
  let open = `<${checkedTag(tag)}`;
  let raw: unknown;
  for (const name in props) {
    if (name === 'children') continue;
    if (name === 'dangerouslySetInnerHTML') raw = (props[name] as { __html?: unknown } | null)?.__html;
    else open += attribute(tag, name, props[name], props);
  }
  const inner = raw ? String(raw) : childrenHtml(props.children);
  if (!inner && VOID.has(tag)) return new Html(`${open}/>`);
  return new Html(`${open}>${inner}</${tag}>`);
}

/** The automatic runtime's entry: components are called at once, elements become `Html`. */
export function jsx(type: string | Component, props: Props): Children {
  if (typeof type === 'function') return (type as (p: Props) => Children)(props);
  return element(type, props);
}
export { jsx as jsxs, jsx as jsxDEV };

export function Fragment({ children }: { children?: Children }): Html {
  return new Html(childrenHtml(children));
}

/** Markup already made elsewhere (a rendered body, a card rendered once per build). */
export const rawHtml = (html: string): Html => new Html(html);

/**
 * Markup placed on many pages (a story's card, an edition's header) as one flat piece:
 * each page then copies one string instead of joining the same pieces again.
 */
export const joined = (children: Children): Html => rawHtml(renderToString(children));

/** The markup as one string. */
export function renderToString(children: Children): string {
  return childrenHtml(children);
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
