/**
 * What the editor's script does to a story before Decap writes it, on the Immutable.js
 * maps Decap hands its preSave listeners: empty fields left out, a photo without its alt
 * text refused, a new story named by `npm run new`'s slug; and new stories' times in the
 * edition's zone.
 */
import { fromJS, List } from 'immutable';
import { describe, expect, it } from 'vitest';
import { headlineSlug } from '../content/headline-slug.ts';
import { editions } from '../editions/registry.ts';
import { asList, beforeSave, emptyPaths, wallClock } from './admin.ts';
import { cmsConfig } from './config.ts';

const config = cmsConfig({ backend: { name: 'local', url: 'http://127.0.0.1:8081/api/v1' }, contentDir: 'content', siteUrl: 'https://meridian.example' });
const collection = (code: string) => config.collections.find((c) => c.name === code)!;
const save = (data: Record<string, unknown>, code = 'en', newStory = true) =>
  (beforeSave(fromJS(data) as never, newStory, collection(code)) as unknown as { toJS(): unknown }).toJS();

describe('beforeSave', () => {
  it('leaves out what the editor left empty, keeping false and zero', () => {
    const saved = save({
      headline: 'Bridge reopens',
      summary: '  ',
      byline: ['Jana Novak', ''],
      tags: [],
      photo: { src: '', alt: '', caption: '' },
      corrections: [{ date: '', text: '' }],
      breaking: false,
      draft: true,
      body: '',
    });
    expect(saved).toEqual({ headline: 'Bridge reopens', byline: ['Jana Novak'], breaking: false, draft: true, body: '', slug: 'bridge-reopens' });
  });

  it.each([
    ['en', { src: 'market.jpg' }, editions.en.editor.fields.photo.fields.alt.label],
    ['en', { alt: 'Traders at the market' }, editions.en.editor.fields.photo.fields.src.label],
    ['fa', { src: 'market.jpg', caption: 'بازار' }, editions.fa.editor.fields.photo.fields.alt.label],
  ] as const)('refuses a %s photo without a field it needs: %j', (code, photo, missing) => {
    const texts = editions[code].editor;
    const message = texts.requiredInGroup.replaceAll('{group}', texts.fields.photo.label).replace('{field}', missing);
    expect(() => save({ headline: 'Bridge reopens', photo }, code)).toThrow(message);
  });

  it('keeps a photo with its file and alt text', () => {
    expect(save({ headline: 'Bridge reopens', photo: { src: 'market.jpg', alt: 'Traders', focus: '' } })).toMatchObject({
      photo: { src: 'market.jpg', alt: 'Traders' },
    });
  });

  it.each([
    ['en', 'Bridge over the Valdor reopens'],
    ['ru', 'В Остравии задержан журналист'],
    ['fa', 'بازگشایی پل والدور پس از تعمیر'],
  ])("names a new %s story by npm run new's slug: %s", (code, headline) => {
    expect(save({ headline }, code)).toMatchObject({ slug: headlineSlug(headline) });
    expect(headlineSlug(headline)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keeps the slug an editor wrote, and an existing story’s file name', () => {
    expect(save({ headline: 'Bridge reopens', slug: 'bridge' })).toMatchObject({ slug: 'bridge' });
    expect(save({ headline: 'Bridge reopens again' }, 'en', false)).not.toHaveProperty('slug');
  });

  it("refuses a new story whose headline gives no slug, with the edition's message", () => {
    expect(() => save({ headline: '!!!' }, 'fa')).toThrow(editions.fa.editor.noSlug);
  });
});

describe('emptyPaths', () => {
  it('finds the empty items and groups inside a value that is not empty itself', () => {
    const found: (string | number)[][] = [];
    expect(emptyPaths({ a: '', b: ['x', ' ', null], c: { d: '' }, e: 0 }, [], found)).toBe(false);
    expect(found.map((p) => p.join('.')).sort()).toEqual(['a', 'b.1', 'b.2', 'c']);
    expect(emptyPaths({ a: '', b: [] })).toBe(true);
  });
});

describe('wallClock', () => {
  it.each([
    ['Europe/London', '2026-11-27T09:30'],
    ['Europe/Moscow', '2026-11-27T12:30'],
    ['Asia/Tehran', '2026-11-27T13:00'],
  ])('writes the time in %s as npm run new does', (zone, expected) => {
    expect(wallClock(new Date('2026-11-27T09:30:00Z'), zone)).toBe(expected);
  });
});

describe('asList', () => {
  const field = fromJS({ name: 'byline', widget: 'one_or_more' }) as never;

  it('gives the list widget one name as a list of one, and a list as it is', () => {
    const one = asList({ field, value: 'Jana Novak' }).value;
    expect(List.isList(one)).toBe(true);
    expect((one as List<string>).toJS()).toEqual(['Jana Novak']);
    const many = List(['Jana Novak', 'Omid Rahimi']);
    expect(asList({ field, value: many }).value).toBe(many);
    expect(asList({ field }).value).toBeUndefined();
  });
});
