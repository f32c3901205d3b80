/**
 * The web editor's configuration (Decap CMS, ADR 022), generated from the editors'
 * contract — the frontmatter schema (src/content/schema.ts) and the edition files —
 * never written by hand: one collection per edition (`content/<edition>/yyyy/mm/slug.md`),
 * each schema field with the widget its type calls for, labelled in the edition's
 * language, the photo stored beside the story.
 *
 * The schema is read as the JSON Schema zod makes of what an editor writes (`io:
 * 'input'`), with the editor hints it registers beside the types. A field whose type
 * has no widget here stops the generator with its name, so that a field added to the
 * schema cannot be left out of the editor unnoticed (src/cms/config.test.ts).
 */

import { zod } from '../build/on-first-use.ts';
import { frontmatterSchema } from '../content/schema.ts';
import type { Edition, EditorText } from '../editions/edition.ts';
import { fill } from '../editions/placeholders.ts';
import { editionCodes, editions } from '../editions/registry.ts';
import { ONE_OR_MORE_WIDGET } from './widgets.ts';

/** Where the editor reads and saves: the local backend of `npm run cms`, or GitHub. */
export type CmsBackend =
  /** decap-server on this machine, writing the files of the working copy. */
  | { name: 'local'; url: string }
  /** The GitHub repository, drafts as pull requests (docs/deploy.md). */
  | { name: 'github'; repo: string; branch: string; authUrl?: string | undefined };

export interface CmsOptions {
  backend: CmsBackend;
  /** The content folder relative to the backend's root (`content`). */
  contentDir: string;
  /** The production site, for the editor's link to it. */
  siteUrl: string;
}

/** How a date-time is written: the edition's wall-clock time, without an offset, as `npm run new` writes it. */
export const DATE_TIME_FORMAT = 'YYYY-MM-DDTHH:mm';

/** What the editor's script (src/cms/admin.ts) needs of an edition beside Decap's own settings. */
export interface CollectionEdition {
  lang: string;
  dir: 'ltr' | 'rtl';
  timeZone: string;
  /** Why a new story cannot be saved when its headline gives no slug. */
  noSlug: string;
}

export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  fields?: CmsField[];
  field?: CmsField;
  min?: number;
  format?: string;
  /**
   * A field its group needs, in a group a story may leave out (the photo's file and alt
   * text): Decap would require it even with the group empty, so it is not `required`
   * there and src/cms/admin.ts refuses the save with this message instead.
   */
  masthead_required?: string;
  [setting: string]: unknown;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  path: string;
  slug: string;
  identifier_field: string;
  fields: CmsField[];
  masthead: CollectionEdition;
  [setting: string]: unknown;
}

export interface CmsConfig {
  collections: CmsCollection[];
  [setting: string]: unknown;
}

/** A node of the JSON Schema zod writes, with the editor hints merged in. */
interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  minItems?: number;
  pattern?: string;
  default?: unknown;
  widget?: 'datetime' | 'image' | 'text';
  options?: string[];
  newStory?: unknown;
}

interface FieldTexts extends EditorText {
  fields?: Record<string, FieldTexts>;
}

export function cmsConfig(options: CmsOptions): CmsConfig {
  const { backend } = options;
  return {
    backend:
      backend.name === 'local'
        ? { name: 'proxy', proxy_url: backend.url }
        : { name: 'github', repo: backend.repo, branch: backend.branch, ...(backend.authUrl ? { base_url: backend.authUrl } : {}) },
    // Drafts as pull requests on GitHub; decap-server's file mode knows only "save".
    publish_mode: backend.name === 'github' ? 'editorial_workflow' : 'simple',
    // Decap requires one; the collections keep each photo beside its story instead.
    media_folder: options.contentDir,
    public_folder: '',
    site_url: options.siteUrl,
    // File names keep what the story's `slug` says (src/cms/admin.ts makes it from the headline as `npm run new` does).
    slug: { encoding: 'unicode', clean_accents: false, sanitize_replacement: '-' },
    collections: editionCodes.map((code) => collection(editions[code], options.contentDir)),
  };
}

/** The editors' contract of an edition as the generator reads it: the frontmatter schema and its editor hints. */
export type Contract = Pick<ReturnType<typeof frontmatterSchema>, 'Frontmatter' | 'editor'>;

/**
 * Every field of a story in the editor, in the schema's order, then the body. Throws,
 * naming the field, when the schema has a field without a label in the edition or
 * whose type no widget here fits.
 */
export function editorFields(edition: Edition, contract: Contract = frontmatterSchema(edition)): CmsField[] {
  const schema = zod().toJSONSchema(contract.Frontmatter, { io: 'input', unrepresentable: 'any', metadata: contract.editor }) as SchemaNode;
  const texts = edition.editor;
  return [...objectFields(schema, texts.fields as Record<string, FieldTexts>, edition, edition.code), body(texts.body, edition)];
}

function collection(edition: Edition, contentDir: string): CmsCollection {
  const texts = edition.editor;
  return {
    name: edition.code,
    label: texts.collection,
    label_singular: texts.story,
    folder: `${contentDir}/${edition.code}`,
    create: true,
    extension: 'md',
    format: 'frontmatter',
    // As `npm run new` names a story (src/cli/new.ts): year and month, then the slug.
    path: '{{year}}/{{month}}/{{slug}}',
    slug: '{{fields.slug}}',
    identifier_field: 'headline',
    summary: '{{headline}}',
    sortable_fields: ['date', 'headline'],
    // Relative to the story's file: the photo lies beside it and `photo.src` is its file name.
    media_folder: '',
    public_folder: '',
    editor: { preview: false },
    fields: editorFields(edition),
    masthead: { lang: edition.lang, dir: edition.dir, timeZone: edition.timeZone, noSlug: texts.noSlug },
  };
}

/** The story's Markdown, kept as the editor writes it: raw mode, no rich-text round trip. */
function body(texts: EditorText, edition: Edition): CmsField {
  return { name: 'body', ...labelled(texts, edition), widget: 'markdown', modes: ['raw'], sanitize_preview: true };
}

function objectFields(node: SchemaNode, texts: Record<string, FieldTexts>, edition: Edition, where: string): CmsField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) => {
    const text = texts[name];
    if (!text) throw new Error(`${where}.${name}: no label for the web editor: add it to \`editor.fields\` in src/editions/${edition.code}.ts`);
    return field(name, child, text, edition, `${where}.${name}`, required.has(name));
  });
}

function field(name: string, node: SchemaNode, texts: FieldTexts, edition: Edition, where: string, required: boolean): CmsField {
  const base = { name, ...labelled(texts, edition), required, ...defaults(node) };
  if (node.widget === 'datetime') return { ...base, widget: 'datetime', format: DATE_TIME_FORMAT, picker_utc: false };
  if (node.widget === 'image') return { ...base, widget: 'image', choose_url: false };
  if (node.options) {
    const labels = new Map(edition.sections.map((s) => [s.slug, s.label]));
    return { ...base, widget: 'select', options: node.options.map((value) => ({ label: labels.get(value) ?? value, value })) };
  }
  if (node.widget === 'text') return { ...base, widget: 'text' };
  // One name or a list of names: the list reads both and writes a list.
  const list = node.anyOf?.find((branch) => branch.type === 'array');
  if (list) return { ...field(name, list, texts, edition, where, required), widget: ONE_OR_MORE_WIDGET };
  if (node.type === 'string') return { ...base, widget: 'string', ...pattern(node, edition) };
  if (node.type === 'boolean') return { ...base, widget: 'boolean' };
  if (node.type === 'number' || node.type === 'integer') return { ...base, widget: 'number', value_type: node.type === 'integer' ? 'int' : 'float' };
  // A group of named fields; a map of any keys (a record) has no form to fill in.
  if (node.type === 'object' && node.properties && Object.keys(node.properties).length > 0) {
    const fields = objectFields(node, texts.fields ?? {}, edition, where);
    return { ...base, widget: 'object', collapsed: false, fields: required ? fields : fields.map((f) => neededByGroup(f, base.label, edition)) };
  }
  if (node.type === 'array' && node.items) {
    const min = node.minItems ? { min: node.minItems } : {};
    // Decap starts a list of groups with one group unless told otherwise: a story starts with no correction.
    if (node.items.type === 'object')
      return { default: [], ...base, widget: 'list', ...min, fields: objectFields(node.items, texts.fields ?? {}, edition, where) };
    const item = field(name, node.items, { label: texts.label }, edition, `${where}[]`, true);
    if (item.widget !== 'list' && item.widget !== 'object') return { ...base, widget: 'list', ...min, field: item };
  }
  throw new Error(`${where}: the web editor has no widget for this field's type (${JSON.stringify(node)}): give it one in src/cms/config.ts`);
}

/** A required field of an optional group: required only once the group has a value (src/cms/admin.ts). */
function neededByGroup(f: CmsField, group: string, edition: Edition): CmsField {
  if (!f.required) return f;
  return { ...f, required: false, masthead_required: fill(edition.editor.requiredInGroup, { group, field: f.label }) };
}

function labelled(texts: EditorText, edition: Edition): { label: string; hint?: string } {
  const values = { zone: edition.timeZone };
  return { label: texts.label, ...(texts.hint ? { hint: fill(texts.hint, values) } : {}) };
}

function defaults(node: SchemaNode): { default?: unknown } {
  if (node.newStory !== undefined) return { default: node.newStory };
  if (node.default !== undefined) return { default: node.default };
  return {};
}

/**
 * Decap compiles `pattern` without the `u` flag: a pattern that needs it (Unicode
 * classes) is left to `npm run check`, which names the field and the fix.
 */
function pattern(node: SchemaNode, edition: Edition): { pattern?: [string, string] } {
  if (!node.pattern || /\\[pP]\{/.test(node.pattern)) return {};
  return { pattern: [node.pattern, edition.editor.invalidFormat] };
}
