import { type ComponentChildren, h, Fragment as PreactFragment } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { type Children, escapeHtml, Fragment, joined, jsx, rawHtml, renderToString } from './jsx-runtime.ts';

// Each case is written once, as a tree of [tag, props, ...children], and built twice: with
// preact's `h` and with this runtime's `jsx`. The layouts' bytes were preact-render-to-string's,
// so the two must agree on everything the layouts use.
type Component = (props: Record<string, unknown>) => Tree;
const FRAGMENT = Symbol('fragment');
type Element = { el: true; tag: string | Component | typeof FRAGMENT; props: Record<string, unknown>; children: Tree[] };
type Tree = string | number | boolean | null | undefined | Tree[] | Element;
const el = (tag: string | Component | typeof FRAGMENT, props: Record<string, unknown> = {}, ...children: Tree[]): Tree => ({ el: true, tag, props, children });
const isElement = (tree: unknown): tree is Element => typeof tree === 'object' && tree !== null && 'el' in tree;

// A component's own output is a Tree too, built by whichever builder called it; its
// children arrive already built, and pass through as they are.
function viaPreact(tree: Tree): ComponentChildren {
  if (Array.isArray(tree)) return tree.map(viaPreact);
  if (!isElement(tree)) return tree as ComponentChildren;
  const tag =
    tree.tag === FRAGMENT
      ? PreactFragment
      : typeof tree.tag === 'function'
        ? (
            (c: Component) => (p: Record<string, unknown>) =>
              viaPreact(c(p))
          )(tree.tag)
        : tree.tag;
  return h(tag as string, tree.props, ...tree.children.map(viaPreact));
}

function viaRuntime(tree: Tree): Children {
  if (Array.isArray(tree)) return tree.map(viaRuntime);
  if (!isElement(tree)) return tree as Children;
  const kids = tree.children.map(viaRuntime);
  const children = kids.length === 0 ? undefined : kids.length === 1 ? kids[0] : kids;
  const tag =
    tree.tag === FRAGMENT
      ? Fragment
      : typeof tree.tag === 'string'
        ? tree.tag
        : (
            (c: Component) => (p: Record<string, unknown>) =>
              viaRuntime(c(p))
          )(tree.tag);
  return jsx(tag as string, { ...tree.props, ...(children === undefined ? {} : { children }) });
}

const Card: Component = ({ title, children }) => [el('h2', {}, title as Tree), el('div', { class: 'body' }, children as Tree)];

const cases: [string, Tree][] = [
  ['text escaped', el('p', {}, 'Tom & "Jerry" <b> > it\'s')],
  ['attribute escaped', el('a', { href: '/a?b=1&c="2"<', title: "it's > ok" }, 'x')],
  [
    'void elements self-close',
    el('head', {}, el('meta', { charset: 'utf-8' }), el('link', { rel: 'stylesheet', href: '/a.css' }), el('img', { src: '/a.jpg', alt: 'A' })),
  ],
  ['empty alt becomes a bare attribute', el('img', { src: '/a.jpg', alt: '' })],
  ['boolean attributes', el('input', { type: 'search', autocomplete: 'off', spellcheck: false, required: true, disabled: false })],
  ['aria and data values stringified', el('div', { 'aria-hidden': true, 'aria-expanded': false, 'data-count': 3, 'data-x': null })],
  ['camelCase attributes lowered', el('main', { id: 'main', tabIndex: -1 }, 'x')],
  ['className and htmlFor', el('label', { className: 'c', htmlFor: 'f' }, 'L')],
  ['class wins over className', el('div', { class: 'a', className: 'b' })],
  ['numbers and zero', el('p', {}, 0, ' ', 42, ' ', 1.5)],
  ['null, false and true render nothing', el('p', {}, null, false, true, undefined, 'x')],
  ['nested arrays', el('ul', {}, [[el('li', {}, 'a')], [], [el('li', {}, 'b'), null]])],
  ['empty non-void element', el('li', {})],
  ['empty string child', el('span', {}, '')],
  ['void element with empty children', el('br', {}, null)],
  ['raw HTML', el('div', { class: 'story-body', dangerouslySetInnerHTML: { __html: '<p>Hi & <em>bye</em></p>' } })],
  ['empty raw HTML falls back to children', el('div', { dangerouslySetInnerHTML: { __html: '' } }, 'kids')],
  ['script with raw JSON', el('script', { type: 'application/ld+json', dangerouslySetInnerHTML: { __html: '{"a":"<\\u002fscript>"}' } })],
  ['fragment', el(FRAGMENT, {}, el('b', {}, '1'), 'two', el('i', {}, '3'))],
  ['component with children', el('section', {}, el(Card, { title: 'T & t' }, el('p', {}, 'inside')))],
  ['functions and vdom props dropped', el('button', { onClick: () => 1, ref: null, type: 'button' }, 'go')],
  ['unsafe attribute names dropped', el('div', { 'a b': 1, 'x"y': 2, ok: 'yes' })],
  ['httpEquiv and acceptCharset', el('form', { acceptCharset: 'utf-8' }, el('meta', { httpEquiv: 'refresh', content: '0; url=/a/' }))],
  ['non-Latin text', el('p', { lang: 'fa', dir: 'rtl' }, 'خبرنگاران ما به ۲۷ زبان', ' — ', 'Новости & «факты»')],
];

describe('the JSX runtime writes what preact-render-to-string wrote', () => {
  it.each(cases)('%s', (_name, tree) => {
    const expected = renderToStaticMarkup(viaPreact(tree) as never);
    expect(renderToString(viaRuntime(tree))).toBe(expected);
  });
});

describe('the JSX runtime', () => {
  it('escapes strings a component returns', () => {
    const Text = () => '<script>alert(1)</script>';
    expect(renderToString(jsx('p', { children: jsx(Text, {}) }))).toBe('<p>&lt;script>alert(1)&lt;/script></p>');
  });

  it('places joined and raw markup as it is', () => {
    const card = joined(jsx('h2', { children: 'A & B' }));
    expect(renderToString(jsx('li', { children: [card, rawHtml('<hr/>')] }))).toBe('<li><h2>A &amp; B</h2><hr/></li>');
  });

  it.each([
    ['a style object', () => jsx('p', { style: { color: 'red' } })],
    ['a select', () => jsx('select', {})],
    ['svg', () => jsx('svg', {})],
    ['an unsafe tag name', () => jsx('a onclick=x', {})],
    ['an object child', () => renderToString(jsx('p', { children: { a: 1 } as never }))],
  ])('refuses %s rather than write it differently', (_name, make) => {
    expect(make).toThrow();
  });

  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['"q"', '&quot;q&quot;'],
    ['<x>', '&lt;x>'],
    ['&&<<""', '&amp;&amp;&lt;&lt;&quot;&quot;'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});
