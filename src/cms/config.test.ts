/**
 * The web editor's configuration read against the editors' contract, field by field:
 * every schema field has its widget (and no widget lacks a field), with the type,
 * requirement and default the schema gives it, labelled in the edition's language; a
 * field added to the schema without a widget or a label stops the generator, naming it.
 */
import { describe, expect, it } from 'vitest';
import { zod } from '../build/on-first-use.ts';
import { frontmatterSchema } from '../content/schema.ts';
import type { Edition } from '../editions/edition.ts';
import { editionCodes, editions } from '../editions/registry.ts';
import { type CmsField, cmsConfig, DATE_TIME_FORMAT, editorFields } from './config.ts';
import { ONE_OR_MORE_WIDGET } from './widgets.ts';

/** What each field of the contract must be in the editor; `needed` is required once its group has a value. */
interface Expected {
  widget: string;
  required?: boolean;
  needed?: boolean;
  default?: unknown;
  format?: string;
  item?: string;
  fields?: Record<string, Expected>;
}

const listOfNames: Expected = { widget: 'list', item: 'string' };
// One name or a list of them (`byline: Jana Novak`), read by Decap's list as a list of one.
const oneOrMoreNames: Expected = { widget: ONE_OR_MORE_WIDGET, item: 'string' };

const EXPECTED: Record<string, Expected> = {
  headline: { widget: 'string', required: true },
  date: { widget: 'datetime', required: true, format: DATE_TIME_FORMAT },
  updated: { widget: 'datetime', format: DATE_TIME_FORMAT },
  byline: oneOrMoreNames,
  credits: listOfNames,
  photo: {
    widget: 'object',
    fields: {
      src: { widget: 'image', needed: true },
      alt: { widget: 'string', needed: true },
      caption: { widget: 'text' },
      credit: { widget: 'string' },
      focus: { widget: 'string' },
    },
  },
  summary: { widget: 'text' },
  section: { widget: 'select' },
  tags: listOfNames,
  breaking: { widget: 'boolean' },
  // As `npm run new` starts a story (ADR 004).
  draft: { widget: 'boolean', default: true },
  slug: { widget: 'string' },
  translationKey: { widget: 'string' },
  aliases: listOfNames,
  corrections: {
    widget: 'list',
    default: [],
    fields: { date: { widget: 'datetime', required: true, format: DATE_TIME_FORMAT }, text: { widget: 'text', required: true } },
  },
  body: { widget: 'markdown', required: true },
};

function expectField(f: CmsField, expected: Expected, where: string): void {
  expect(f.widget, `${where}: widget`).toBe(expected.widget);
  expect(f.required ?? true, `${where}: required`).toBe(expected.required ?? false);
  expect(f.masthead_required !== undefined, `${where}: needed by its group`).toBe(expected.needed ?? false);
  if ('default' in expected) expect(f.default, `${where}: default`).toEqual(expected.default);
  if (expected.format) expect(f.format, `${where}: format`).toBe(expected.format);
  if (expected.item) expect(f.field?.widget, `${where}: items`).toBe(expected.item);
  if (expected.fields) {
    expect(
      f.fields?.map((c) => c.name),
      `${where}: fields`,
    ).toEqual(Object.keys(expected.fields));
    for (const child of f.fields ?? []) expectField(child, expected.fields[child.name]!, `${where}.${child.name}`);
  }
}

describe.each(editionCodes)('the %s collection', (code) => {
  const edition = editions[code];
  const config = cmsConfig({ backend: { name: 'local', url: 'http://127.0.0.1:8081/api/v1' }, contentDir: 'content', siteUrl: 'https://meridian.example' });
  const collection = config.collections.find((c) => c.name === code)!;
  const schema = frontmatterSchema(edition);

  it('has one field per field of the schema, in its order, then the body', () => {
    expect(collection.fields.map((f) => f.name)).toEqual([...schema.frontmatterKeys, 'body']);
    expect(collection.fields.find((f) => f.name === 'photo')?.fields?.map((f) => f.name)).toEqual(schema.photoKeys);
  });

  it.each(Object.keys(EXPECTED))('gives %s the widget its type calls for', (name) => {
    const f = collection.fields.find((c) => c.name === name);
    expect(f, `${name} is not in the editor`).toBeDefined();
    expectField(f!, EXPECTED[name]!, name);
  });

  it("offers the edition's sections, labelled as readers see them, starting with its default", () => {
    const section = collection.fields.find((f) => f.name === 'section')!;
    expect(section.options).toEqual(edition.sections.map((s) => ({ label: s.label, value: s.slug })));
    expect(section.default).toBe(edition.defaultSection);
  });

  it("labels every field in the edition's language, with its zone in the date hints", () => {
    const texts = edition.editor.fields;
    expect(collection.fields.find((f) => f.name === 'headline')?.label).toBe(texts.headline.label);
    expect(collection.fields.find((f) => f.name === 'photo')?.fields?.find((f) => f.name === 'alt')?.label).toBe(texts.photo.fields.alt.label);
    expect(collection.fields.find((f) => f.name === 'date')?.hint).toContain(edition.timeZone);
    expect(collection.label).toBe(edition.editor.collection);
  });

  it('keeps each story as `npm run new` does: content/<edition>/yyyy/mm/slug.md, its photo beside it', () => {
    expect(collection).toMatchObject({ folder: `content/${code}`, path: '{{year}}/{{month}}/{{slug}}', extension: 'md', media_folder: '', public_folder: '' });
    expect(collection.masthead).toEqual({ lang: edition.lang, dir: edition.dir, timeZone: edition.timeZone, noSlug: edition.editor.noSlug });
  });
});

describe('a field added to the schema', () => {
  const edition = editions.en;
  const z = zod();
  const { Frontmatter, editor } = frontmatterSchema(edition);
  const withField = (field: Record<string, unknown>) => ({ Frontmatter: z.strictObject({ ...Frontmatter.shape, ...field }), editor });
  const labelled = (name: string): Edition => ({
    ...edition,
    editor: { ...edition.editor, fields: { ...edition.editor.fields, [name]: { label: 'Related stories' } } as Edition['editor']['fields'] },
  });

  it('without a label in the edition stops the generator, naming the field and the file to add it to', () => {
    expect(() => editorFields(edition, withField({ related: z.array(z.string()).optional() }))).toThrow(
      'en.related: no label for the web editor: add it to `editor.fields` in src/editions/en.ts',
    );
  });

  it('of a type no widget fits stops the generator, naming the field', () => {
    for (const type of [z.record(z.string(), z.string()), z.tuple([z.string(), z.number()]), z.date(), z.array(z.array(z.string()))]) {
      expect(() => editorFields(labelled('related'), withField({ related: type.optional() }))).toThrow(/^en\.related(\[\])?: the web editor has no widget/);
    }
  });

  it('of a known type gets its widget from the type alone', () => {
    const fields = editorFields(labelled('related'), withField({ related: z.array(z.string()).optional() }));
    expect(fields.find((f) => f.name === 'related')).toMatchObject({ widget: 'list', required: false, field: { widget: 'string' } });
  });
});

describe('the backends', () => {
  const options = { contentDir: 'content', siteUrl: 'https://meridian.example' };

  it('saves through the local backend of npm run cms, without an editorial workflow', () => {
    const config = cmsConfig({ ...options, backend: { name: 'local', url: 'http://127.0.0.1:8081/api/v1' } });
    expect(config).toMatchObject({ backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' }, publish_mode: 'simple' });
  });

  it('saves to GitHub with drafts as pull requests', () => {
    const config = cmsConfig({ ...options, backend: { name: 'github', repo: 'meridian/site', branch: 'main', authUrl: 'https://auth.meridian.example' } });
    expect(config).toMatchObject({
      backend: { name: 'github', repo: 'meridian/site', branch: 'main', base_url: 'https://auth.meridian.example' },
      publish_mode: 'editorial_workflow',
    });
  });
});
