/**
 * What a reader's browser would show us about one page, as lists of readable problems
 * (empty = fine). In-page code is passed to page.evaluate as strings: vitest rewrites
 * functions it transforms, which breaks them inside the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Legacy mode runs axe in the page itself: our pages have no frames, and the default
 * mode opens an extra page per analysis to merge frame results, which made every
 * analysis about three times slower.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (page.frames().length > 1) return ['the page has frames: axe must run in its default (frame-aware) mode'];
  const results = await new AxeBuilder({ page, axeSource }).setLegacyMode(true).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
    const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
    return [`${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n');
  });
}

/** The focused element: where it is, and whether something else is painted over it. */
const FOCUS_STATE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const box = el.getBoundingClientRect();
  const first = el.getClientRects()[0] || box;
  const x = first.left + first.width / 2, y = first.top + first.height / 2;
  const inView = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const hit = inView ? document.elementFromPoint(x, y) : null;
  const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('href') || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  return {
    probe: el.getAttribute('data-tab-probe'),
    name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + label + '"',
    href: el.getAttribute('href'),
    inMain: !!el.closest('main'),
    visible: box.width > 0 && box.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    inView,
    covered: inView && !(hit && (hit === el || el.contains(hit))),
    coveredBy: hit && hit !== el && !el.contains(hit) ? hit.tagName.toLowerCase() + (hit.className ? '.' + String(hit.className).split(' ')[0] : '') : null,
  };
})()`;

type FocusState = {
  probe: string | null;
  name: string;
  href: string | null;
  inMain: boolean;
  visible: boolean;
  inView: boolean;
  covered: boolean;
  coveredBy: string | null;
} | null;

/** Marks every element a keyboard user should reach, returns how many. */
const MARK_TABBABLE = `(() => {
  const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"], audio[controls], video[controls]';
  const all = [...document.querySelectorAll(sel)].filter((el) =>
    el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && el.checkVisibility({ visibilityProperty: true }));
  all.forEach((el, i) => el.setAttribute('data-tab-probe', String(i)));
  return all.map((el) => el.tagName.toLowerCase() + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '"');
})()`;

/**
 * Puts the page back to its just-loaded state for the keyboard: scrolled to the top and
 * the sequential focus starting point at <body>, so the next Tab is "the first Tab".
 */
const RESET_FOCUS = `(() => {
  window.scrollTo(0, 0);
  document.activeElement?.blur?.();
  const body = document.body;
  body.tabIndex = -1;
  body.focus({ preventScroll: true });
  body.removeAttribute('tabindex');
})()`;

/**
 * From the top of the page, Tab through the whole page: the first stop is a visible
 * skip link (unless nothing precedes <main>); every interactive element is reached; none is hidden under something
 * else (the breaking banner, a sticky header) while it has focus. Then Enter on the
 * skip link must move focus into <main>.
 */
export async function keyboardProblems(page: Page, width: number): Promise<string[]> {
  const problems: string[] = [];
  const at = `at ${width} px`;
  await page.evaluate(RESET_FOCUS);
  const tabbable = (await page.evaluate(MARK_TABBABLE)) as string[];
  const reached = new Set<string>();
  let first: FocusState = null;
  for (let i = 0; i < tabbable.length + 5; i++) {
    await page.keyboard.press('Tab');
    const state = (await page.evaluate(FOCUS_STATE)) as FocusState;
    if (i === 0) first = state;
    if (!state || (state.probe !== null && reached.has(state.probe))) break;
    if (state.probe !== null) reached.add(state.probe);
    if (!state.inView) problems.push(`${at}: focused ${state.name} is outside the viewport`);
    else if (state.covered) problems.push(`${at}: focused ${state.name} is hidden under ${state.coveredBy}`);
  }
  const missed = tabbable.filter((_, i) => !reached.has(String(i)));
  if (missed.length) problems.push(`${at}: not reachable with Tab (${missed.length} of ${tabbable.length}): ${missed.slice(0, 5).join(', ')}`);

  if (!first) return [`${at}: the first Tab focuses nothing`, ...problems];
  // A skip link bypasses what comes before the content (WCAG 2.4.1). A page whose first
  // focusable element is already inside <main> (the root language chooser) has nothing to skip.
  const needsSkipLink = !first.inMain;
  if (needsSkipLink && !first.href?.startsWith('#')) problems.push(`${at}: the first Tab focuses ${first.name}, not a skip link`);
  if (!first.visible || !first.inView || first.covered) {
    problems.push(
      `${at}: the first focused element ${first.name} is not visible (visible=${first.visible}, in view=${first.inView}, covered by ${first.coveredBy})`,
    );
  }
  if (needsSkipLink && first.probe !== null && first.href?.startsWith('#')) {
    await page.evaluate(`document.querySelector('[data-tab-probe="${first.probe}"]').focus()`);
    await page.keyboard.press('Enter');
    const after = (await page.evaluate(
      `(() => { const a = document.activeElement; return { name: a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') : 'nothing', inMain: !!(a && a.closest('main')) }; })()`,
    )) as { name: string; inMain: boolean };
    if (!after.inMain) problems.push(`${at}: Enter on the skip link moves focus to ${after.name}, not into <main>`);
  }
  return problems;
}

export async function horizontalScroll(page: Page): Promise<string[]> {
  const r = (await page.evaluate(`(() => {
    const d = document.documentElement;
    const wide = [...document.querySelectorAll('body *')].filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.right > d.clientWidth + 1 || b.left < -1); })
      .slice(0, 3).map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + Math.round(el.getBoundingClientRect().width) + 'px');
    return { scroll: d.scrollWidth, client: d.clientWidth, wide };
  })()`)) as { scroll: number; client: number; wide: string[] };
  return r.scroll > r.client ? [`scrolls sideways at ${r.client} px: content is ${r.scroll} px wide (${r.wide.join(', ')})`] : [];
}

export interface LineMeasure {
  text: string;
  lines: number;
  charsPerLine: number;
  widthCh: number;
}

/** Every wrapped paragraph's widest line, in characters of its own text and in `ch`. */
export async function lineLengths(page: Page): Promise<LineMeasure[]> {
  return (await page.evaluate(`(() => {
    const out = [];
    for (const p of document.querySelectorAll('p')) {
      if (!p.checkVisibility() || p.closest('.visually-hidden')) continue;
      const text = p.textContent.trim().replace(/\\s+/g, ' ');
      const lh = parseFloat(getComputedStyle(p).lineHeight) || 20;
      const top = p.getBoundingClientRect().top;
      const lines = new Map();
      let total = 0;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          if (!r.width) continue;
          const key = Math.round((r.top - top) / lh);
          lines.set(key, (lines.get(key) || 0) + r.width);
          total += r.width;
        }
      }
      if (lines.size < 2 || !text.length) continue;
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;width:1ch';
      p.append(probe);
      const ch = probe.getBoundingClientRect().width;
      probe.remove();
      const widest = Math.max(...lines.values());
      out.push({ text: text.slice(0, 40), lines: lines.size, charsPerLine: Math.round(widest / (total / text.length)), widthCh: Math.round(p.clientWidth / ch) });
    }
    return out;
  })()`)) as LineMeasure[];
}

/**
 * The edition's direction, applied: the document's direction, the section navigation
 * running from the start side, and paragraphs starting on the start side.
 */
export async function directionProblems(page: Page, dir: 'ltr' | 'rtl'): Promise<string[]> {
  const r = (await page.evaluate(`(() => {
    const nav = [...document.querySelectorAll('header nav a')].map((a) => a.getBoundingClientRect());
    const paras = [...document.querySelectorAll('main p')].filter((p) => p.checkVisibility() && p.textContent.trim().length > 20).map((p) => {
      const box = p.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(p);
      // The first line's fragments (bidi runs may come in any order): its outer edges.
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const top = Math.min(...rects.map((r) => r.top));
      const first = rects.filter((r) => r.top < top + 2);
      const cs = getComputedStyle(p);
      const pad = parseFloat(cs.paddingLeft), padR = parseFloat(cs.paddingRight);
      return { text: p.textContent.trim().slice(0, 30), direction: cs.direction, align: cs.textAlign,
        leftGap: first.length ? Math.round(Math.min(...first.map((r) => r.left)) - box.left - pad) : 0,
        rightGap: first.length ? Math.round(box.right - padR - Math.max(...first.map((r) => r.right))) : 0 };
    });
    return { direction: getComputedStyle(document.documentElement).direction, nav: nav.length > 1 ? [nav[0].left, nav[nav.length - 1].left] : null, paras };
  })()`)) as {
    direction: string;
    nav: [number, number] | null;
    paras: { text: string; direction: string; align: string; leftGap: number; rightGap: number }[];
  };
  const problems: string[] = [];
  if (r.direction !== dir) problems.push(`document direction is ${r.direction}, expected ${dir}`);
  if (!r.nav) problems.push('no section navigation links in the header');
  else if (dir === 'rtl' ? !(r.nav[0] > r.nav[1]) : !(r.nav[0] < r.nav[1])) {
    problems.push(`section navigation is not mirrored for ${dir}: first item at x=${Math.round(r.nav[0])}, last at x=${Math.round(r.nav[1])}`);
  }
  for (const p of r.paras) {
    const gap = dir === 'rtl' ? p.rightGap : p.leftGap;
    if (p.direction !== dir || !['start', dir === 'rtl' ? 'right' : 'left', 'justify'].includes(p.align) || Math.abs(gap) > 2) {
      problems.push(
        `paragraph "${p.text}" is not aligned to the ${dir === 'rtl' ? 'right' : 'left'}: direction ${p.direction}, text-align ${p.align}, first line ${gap}px from the edge`,
      );
    }
  }
  return problems;
}

/** JavaScript in the DOM: script elements (JSON-LD data blocks excepted), handlers, javascript: URLs. */
export async function scriptsOnPage(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => [
    ...[...document.querySelectorAll('script')].filter((s) => (s.type || '').toLowerCase() !== 'application/ld+json').map((s) => 'script ' + (s.src || 'inline')),
    ...[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName.toLowerCase() + '[' + a.name + ']')),
    ...[...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]')].map((el) => el.tagName.toLowerCase() + ' javascript: URL'),
  ])()`)) as string[];
}
