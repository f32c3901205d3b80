/**
 * The editor's script, bundled into /admin/masthead-admin.js (src/cms/admin-files.ts) and
 * run in the browser before Decap CMS starts. It starts Decap itself (manual init) with
 * the generated /admin/config.json, and does for the editions what Decap's configuration
 * cannot say (ADR 022):
 *
 * - a new story's date-times start at the current time in the edition's zone, as
 *   `npm run new` writes them (Decap's own "now" is the browser's zone);
 * - a new story's file is named by the same slug `npm run new` gives it, transliterated
 *   from Cyrillic and Persian (Decap would keep the letters or drop them): it is written
 *   into the story's `slug` field, which the collection names files by;
 * - a field left empty is left out of the file, as the contract wants (an empty
 *   `summary:` is an error, no `summary` is none);
 * - the text fields of an edition's stories are in its language and direction: Persian
 *   is edited right to left;
 * - Decap's own interface speaks the first of the reader's languages that is an edition's.
 */
import { headlineSlug } from '../content/headline-slug.ts';
import type { CmsCollection, CmsConfig, CmsField, CollectionEdition } from './config.ts';
import { ONE_OR_MORE_WIDGET } from './widgets.ts';

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
  }
}

/** The part of Decap's API and of its Immutable.js entries this script uses. */
interface Immutable {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  set(key: string, value: unknown): Immutable;
  deleteIn(path: (string | number)[]): Immutable;
  toJS(): unknown;
  clear(): Immutable;
  toList(): Immutable;
}

/** A widget's control: a React component class. */
type Control = new (props: WidgetProps) => object;

interface WidgetProps {
  value?: unknown;
  field: Immutable;
  [prop: string]: unknown;
}

interface DecapCms {
  init(options: { config: Record<string, unknown> }): void;
  getWidget(name: string): { control: Control; preview?: unknown } | undefined;
  registerWidget(name: string, control: Control, preview?: unknown): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: Immutable }) => unknown }): void;
}

// Read by decap-cms.js, which is loaded after this script.
if (typeof window !== 'undefined') window.CMS_MANUAL_INIT = true;

/** "2026-11-27T09:30": the wall-clock time in `timeZone` at `now`, as DATE_TIME_FORMAT writes it. */
export function wallClock(now: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Required date-times start at `now` in the edition's zone; everything else as generated. */
function withDateDefaults(fields: CmsField[], timeZone: string, now: Date): CmsField[] {
  return fields.map((f) => {
    const nested = f.fields ? { fields: withDateDefaults(f.fields, timeZone, now) } : {};
    const start = f.widget === 'datetime' && f.required && f.default === undefined ? { default: wallClock(now, timeZone) } : {};
    return { ...f, ...nested, ...start };
  });
}

type Path = (string | number)[];

/**
 * The paths of the values to leave out of the file: empty text, lists and groups, and
 * list items without a value. A group or list left with nothing is removed whole.
 */
export function emptyPaths(value: unknown, at: Path = [], found: Path[] = []): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value !== 'object') return false;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const children: Path[] = [];
  const empty = entries.filter(([key, child]) => emptyPaths(child, [...at, key], children));
  if (empty.length === entries.length) return true;
  for (const [key] of empty) children.push([...at, key]);
  found.push(...children);
  return false;
}

/** Deepest and last first, so that removing a list item never moves one still to be removed. */
function byRemovalOrder(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? y - x : String(y).localeCompare(String(x));
  }
  return b.length - a.length;
}

/** The message of the first field a group with a value lacks (CmsField.masthead_required), if any. */
export function missingInGroups(fields: readonly CmsField[], data: Record<string, unknown>): string | undefined {
  for (const f of fields) {
    const value = data[f.name];
    if (f.widget !== 'object' || !f.fields || value === null || typeof value !== 'object' || emptyPaths(value)) continue;
    const group = value as Record<string, unknown>;
    for (const child of f.fields) if (child.masthead_required && emptyPaths(group[child.name])) return child.masthead_required;
    const nested = missingInGroups(f.fields, group);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * What a story's data becomes before Decap writes it; `newStory` when Decap is creating
 * its file. Throws, and Decap then saves nothing and shows the message, when a group
 * lacks a field it needs or a new story's headline gives no slug.
 */
export function beforeSave(data: Immutable, newStory: boolean, collection: Pick<CmsCollection, 'fields' | 'masthead'>): Immutable {
  const plain = data.toJS() as Record<string, unknown>;
  const { body: _body, ...frontmatter } = plain;
  const remove: Path[] = [];
  for (const [key, value] of Object.entries(frontmatter)) if (emptyPaths(value, [key], remove)) remove.push([key]);
  let result = data;
  for (const path of remove.sort(byRemovalOrder)) result = result.deleteIn(path);
  const missing = missingInGroups(collection.fields, frontmatter);
  if (missing) throw new Error(missing);
  if (newStory && !result.get('slug')) {
    const slug = headlineSlug(String(result.get('headline') ?? ''));
    if (!slug) throw new Error(collection.masthead.noSlug);
    result = result.set('slug', slug);
  }
  return result;
}

/** The deepest element that holds every field of the open story: its form. */
function storyForm(): HTMLElement | undefined {
  const labels = [...document.querySelectorAll('label')];
  let form = labels[0]?.parentElement ?? undefined;
  while (form && !labels.every((l) => form!.contains(l))) form = form.parentElement ?? undefined;
  return form;
}

/**
 * While one of an edition's stories is open, its form — labels, hints and every text
 * field — is in the edition's language and direction: Persian is edited right to left.
 */
function followEdition(editions: ReadonlyMap<string, CollectionEdition>): void {
  const update = () => {
    const code = /^#\/collections\/([^/]+)\/(?:new|entries\/)/.exec(location.hash)?.[1];
    const edition = code ? editions.get(code) : undefined;
    const form = edition ? storyForm() : undefined;
    for (const element of document.querySelectorAll<HTMLElement>('[data-masthead-edition]')) {
      if (element === form) continue;
      element.removeAttribute('dir');
      element.removeAttribute('lang');
      delete element.dataset.mastheadEdition;
    }
    if (form && edition && form.dataset.mastheadEdition !== code) {
      form.dir = edition.dir;
      form.lang = edition.lang;
      form.dataset.mastheadEdition = code;
    }
  };
  new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('hashchange', update);
}

/** The props with a single value as a list of it, made with Decap's own Immutable.js (the field is a Map). */
export function asList(props: WidgetProps): WidgetProps {
  if (typeof props.value !== 'string') return props;
  return { ...props, value: props.field.clear().set('0', props.value).toList() };
}

/**
 * Decap's list control, given a field written as one value as a list of one
 * (ONE_OR_MORE_WIDGET). React sets a component's `props` on every render; the accessor
 * turns them into a list's before the list control reads them.
 */
function registerOneOrMore(cms: DecapCms): void {
  const list = cms.getWidget('list');
  if (!list) throw new Error("Decap has no list widget: this script was written for Decap CMS 3's");
  const OneOrMore = class extends list.control {
    constructor(props: WidgetProps) {
      super(asList(props));
    }
  };
  const stored = new WeakMap<object, WidgetProps>();
  Object.defineProperty(OneOrMore.prototype, 'props', {
    get(this: object) {
      return stored.get(this);
    },
    set(this: object, props: WidgetProps) {
      stored.set(this, asList(props));
    },
  });
  cms.registerWidget(ONE_OR_MORE_WIDGET, OneOrMore, list.preview);
}

async function start(): Promise<void> {
  const cms = window.CMS;
  if (!cms) throw new Error('decap-cms.js did not load: /admin/ needs it beside this script');
  const config = (await (await fetch('config.json', { credentials: 'same-origin' })).json()) as CmsConfig;
  const now = new Date();
  const collections = config.collections.map((c) => ({ ...c, fields: withDateDefaults(c.fields, c.masthead.timeZone, now) }));
  const editions = new Map(config.collections.map((c) => [c.name, c.masthead]));
  const byName = new Map(config.collections.map((c) => [c.name, c]));
  const locale = navigator.languages.map((l) => l.split('-')[0]!).find((l) => editions.has(l)) ?? 'en';
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data') as Immutable;
      const collection = byName.get(String(entry.get('collection')));
      if (!collection) return data;
      return beforeSave(data, entry.get('newRecord') === true, collection);
    },
  });
  registerOneOrMore(cms);
  followEdition(editions);
  cms.init({ config: { ...config, collections, locale, load_config_file: false } });
}

if (typeof document !== 'undefined') {
  document.addEventListener('DOMContentLoaded', () => {
    start().catch((error: unknown) => {
      document.body.textContent = `The editor could not start: ${error instanceof Error ? error.message : String(error)}`;
    });
  });
}
