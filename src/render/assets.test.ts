import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { fingerprintAssets, hashedName, minifyCss } from './assets.ts';

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

describe('fingerprinted assets', () => {
  it.each([
    ['masthead.css', 'body{}', `masthead.${hash('body{}')}.css`],
    ['fonts/serif.woff2', 'wOF2', `fonts/serif.${hash('wOF2')}.woff2`],
    ['LICENSE', 'text', `LICENSE.${hash('text')}`],
  ])('names %s by a hash of its bytes', (name, bytes, expected) => {
    expect(hashedName(name, Buffer.from(bytes))).toBe(expected);
  });

  it("rewrites a stylesheet's url() references to the hashed names, then hashes the result", async () => {
    const dir = writeFixture({
      'masthead.css':
        '@font-face{src:url("fonts/serif.woff2") format("woff2"),url(fonts/serif.woff2?v=1#x)}a{background:url(data:image/png;base64,AA) url(/elsewhere.png) url(missing.png)}',
      'fonts/serif.woff2': 'wOF2',
      '.DS_Store': 'ignored',
    });
    const published = await fingerprintAssets(dir);
    expect([...published.keys()]).toEqual(['fonts/serif.woff2', 'masthead.css']);
    const font = `/assets/fonts/serif.${hash('wOF2')}.woff2`;
    expect(published.get('fonts/serif.woff2')?.url).toBe(font);
    const css = published.get('masthead.css')!;
    const text = css.bytes.toString('utf8');
    expect(text).toBe(
      `@font-face{src:url(fonts/serif.${hash('wOF2')}.woff2) format("woff2"),url(fonts/serif.${hash('wOF2')}.woff2?v=1#x)}a{background:url(data:image/png;base64,AA) url(/elsewhere.png) url(missing.png)}\n`,
    );
    expect(css.url).toBe(`/assets/masthead.${hash(text)}.css`);
  });

  it('gives a changed font a new stylesheet name too', async () => {
    const css = 'a{src:url(f.woff2)}';
    const one = (await fingerprintAssets(writeFixture({ 'm.css': css, 'f.woff2': 'one' }))).get('m.css')!.url;
    const two = (await fingerprintAssets(writeFixture({ 'm.css': css, 'f.woff2': 'two' }))).get('m.css')!.url;
    expect(one).not.toBe(two);
  });
});

describe('minifyCss (esbuild)', () => {
  it.each([
    ['drops comments', '/* why */\na {\n  color: red;\n}\n', 'a{color:red}\n'],
    [
      'keeps a quoted font name as written',
      'body {\n  font: 1rem/1.6 Georgia, "Times  New Roman", serif;\n}',
      'body{font:1rem/1.6 Georgia,"Times  New Roman",serif}\n',
    ],
    ['drops an empty rule', '.a > .b ,\n.c {}', ''],
    ['joins selectors', '.a > .b ,\n.c { color: red }', '.a>.b,.c{color:red}\n'],
    [
      'keeps media queries and grid tracks',
      '@media (min-width: 40rem) {\n  .x { grid-template-columns: minmax(12rem, 20rem) 1fr; }\n}',
      '@media(min-width:40rem){.x{grid-template-columns:minmax(12rem,20rem) 1fr}}\n',
    ],
    ['leaves a comment inside a string alone', ".q::before { content: '/* not a comment */'; }", '.q:before{content:"/* not a comment */"}\n'],
    [
      'keeps logical properties and custom properties',
      ':root { --gap: 1rem } p { margin-inline-start: var(--gap) }',
      ':root{--gap: 1rem }p{margin-inline-start:var(--gap)}\n',
    ],
  ])('%s', async (_name, input, expected) => {
    expect(await minifyCss(input)).toBe(expected);
  });
});

describe('a stylesheet esbuild cannot read', () => {
  it('fails the build, naming the file and the line', async () => {
    await expect(minifyCss('a { color: red;\n  b { }}}', 'assets/broken.css')).rejects.toThrow(/assets\/broken\.css:2:\d+: /);
  });
});
