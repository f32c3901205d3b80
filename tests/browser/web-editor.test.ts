/**
 * The web editor end to end (ADR 022): `npm run cms` on a temporary content folder starts
 * the real decap-server local backend and the dev server on 127.0.0.1; Chromium opens
 * /admin/ and an editor creates an English and a Persian story through the form
 * (headline, date, body, a photo with alt text) and saves them. The files land under
 * content/en/… and content/fa/… named as `npm run new` names them, pass `npm run check`,
 * and, once the editor turns draft off, the built site shows them. Bad input (an empty
 * headline, a photo without alt text) is refused and writes nothing; Persian is edited
 * right to left.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../../scripts/npm-script.ts';
import { editions } from '../../src/editions/registry.ts';
import { article, buildFixture, jpeg, repoRoot, runCli, writeFixture } from '../helpers/fixture-site.ts';
import { launchChromium, skipBrowser } from './chromium.ts';

const STORIES = {
  en: {
    headline: 'Bridge over the Valdor reopens after repairs',
    date: '2026-11-27T09:30',
    body: 'The bridge **reopened** on Monday.\n\nTraffic resumed within the hour.',
    alt: 'Cars crossing the reopened bridge at dusk',
  },
  fa: {
    headline: 'بازگشایی پل والدور پس از تعمیر',
    date: '2026-11-27T11:00',
    body: 'پل روز دوشنبه **بازگشایی** شد.\n\nرفت‌وآمد در کمتر از یک ساعت از سر گرفته شد.',
    alt: 'خودروها در حال عبور از پل بازگشایی‌شده',
  },
} as const;
type Code = keyof typeof STORIES | 'ru';

/** A story written by hand, as the contract allows: one name as the byline, a flow list of tags. */
const EXISTING = {
  file: '2026/11/mayak.md',
  text: article(
    'headline: Маяк снова работает\ndate: 2026-11-26T10:00\nbyline: Ирина Петрова\ntags: [порты, Валдор]\nsummary: Смотритель вернулся.',
    'Маяк **снова** горит.',
  ),
};

let dir: string;
let content: string;
let cms: ChildProcess | undefined;
let log = '';
let origin = '';
let backendUrl = '';
let browser: Browser;
let page: Page;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function until(what: string, test: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}. npm run cms said, last:\n${log.slice(-1500)}`);
}

/** Every Markdown file below `root`, relative to it, sorted. */
function markdownFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

const labels = (code: Code) => editions[code].editor.fields;

/** The first label that starts with `text` (Decap appends "(optional)" to optional fields). */
const field = (text: string) => page.locator(`label:text-matches("^${text.replace(/[()]/g, '\\$&')}")`).first();
const input = async (text: string) => page.locator(`[id="${await field(text).getAttribute('for')}"]`);

/** A fresh load of the editor at `route`: no form state carried over from the last step. */
async function open(route: string, code: Code): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${origin}/admin/#/collections/${code}/${route}`);
  await page.locator(`label:text-matches("^${labels(code).headline.label}")`).waitFor();
}

const openNewStory = (code: Code) => open('new', code);

async function fillStory(code: keyof typeof STORIES, { photoAlt }: { photoAlt: boolean }): Promise<void> {
  const story = STORIES[code];
  const l = labels(code);
  await (await input(l.headline.label)).fill(story.headline);
  await (await input(l.date.label)).fill(story.date);
  await page.locator('[aria-label="markdown field"] [contenteditable]').click();
  await page.keyboard.type(story.body);
  // The photo through Decap's media library: upload, pick, and it is stored beside the story.
  await page.getByRole('button', { name: 'Choose an image' }).click();
  await page.locator('input[type=file]').setInputFiles(path.join(dir, 'market.jpg'));
  await page.getByRole('button', { name: 'Choose selected' }).click();
  await page.getByRole('button', { name: 'Choose an image' }).waitFor({ state: 'detached' });
  if (photoAlt) await (await input(l.photo.fields.alt.label)).fill(story.alt);
}

async function publishNow(): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

beforeAll(async () => {
  if (skipBrowser) return;
  // A newsroom's content folder: empty editions, and one story written by hand.
  dir = writeFixture({ 'market.jpg': await jpeg(1600, 900), [`content/ru/${EXISTING.file}`]: EXISTING.text });
  content = path.join(dir, 'content');
  for (const code of ['en', 'ru', 'fa']) mkdirSync(path.join(content, code), { recursive: true });
  const [port, backendPort] = [await freePort(), await freePort()];
  origin = `http://localhost:${port}`;
  backendUrl = `http://127.0.0.1:${backendPort}/api/v1`;
  cms = spawn(
    process.execPath,
    [...npmScriptArgs(repoRoot, 'cms'), '--port', String(port), '--backend-port', String(backendPort), '--content', content, '--out', path.join(dir, '_dev')],
    { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cms.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  cms.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await until('npm run cms to print where the editor is', () => log.includes(`Web editor:  ${origin}/admin/`));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  // Decap asks before leaving a form with unsaved changes; each step starts a new one.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${origin}/admin/`);
  // The local backend needs no account: Decap's "Login" only opens the session.
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByText(editions.en.editor.collection).first().waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (cms && cms.exitCode === null) {
    const exited = new Promise((resolve) => cms!.once('exit', resolve));
    cms.kill('SIGTERM');
    await exited;
  }
});

describe.skipIf(skipBrowser)('the web editor against its real local backend', () => {
  it('refuses a story without a headline, and writes nothing', async () => {
    await openNewStory('en');
    await page.locator('[aria-label="markdown field"] [contenteditable]').click();
    await page.keyboard.type('A story without a headline.');
    await publishNow();
    await expect.poll(() => page.getByText(`${labels('en').headline.label} is required.`).count()).toBeGreaterThan(0);
    expect(markdownFiles(path.join(content, 'en'))).toEqual([]);
  });

  it('refuses a photo without alt text, saying which field and how to fix it, and writes nothing', async () => {
    await openNewStory('en');
    await fillStory('en', { photoAlt: false });
    await publishNow();
    const message = editions.en.editor.requiredInGroup.replaceAll('{group}', labels('en').photo.label).replace('{field}', labels('en').photo.fields.alt.label);
    await expect.poll(() => page.getByText(message).count()).toBeGreaterThan(0);
    expect(markdownFiles(path.join(content, 'en'))).toEqual([]);
    // The same form, completed, saves.
    await (await input(labels('en').photo.fields.alt.label)).fill(STORIES.en.alt);
    await publishNow();
    await until('the English story to be saved', () => markdownFiles(path.join(content, 'en')).length === 1);
  });

  it('edits Persian right to left: headline, alt text, caption and body', async () => {
    await openNewStory('fa');
    const l = labels('fa');
    const direction = async (locator: ReturnType<Page['locator']>) => locator.evaluate((e) => getComputedStyle(e).direction);
    expect(await direction(await input(l.headline.label))).toBe('rtl');
    expect(await direction(await input(l.photo.fields.alt.label))).toBe('rtl');
    expect(await direction(await input(l.photo.fields.caption.label))).toBe('rtl');
    expect(await direction(await input(l.summary.label))).toBe('rtl');
    expect(await direction(page.locator('[aria-label="markdown field"] [contenteditable]'))).toBe('rtl');
    // The English form stays left to right.
    await openNewStory('en');
    expect(await direction(await input(labels('en').headline.label))).toBe('ltr');
  });

  it('edits a story written by hand: one name as the byline reads as a list of one, and stays one name', async () => {
    await open(`entries/${EXISTING.file.replace(/\.md$/, '')}`, 'ru');
    const l = labels('ru');
    expect(await (await input(l.headline.label)).inputValue()).toBe('Маяк снова работает');
    await (await input(l.summary.label)).fill('Смотритель вернулся на маяк.');
    await publishNow();
    const file = path.join(content, 'ru', EXISTING.file);
    await until('the Russian story to be saved', () => readFileSync(file, 'utf8').includes('Смотритель вернулся на маяк.'));
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('byline: Ирина Петрова\n');
    expect(saved).toMatch(/tags:\n {2}- порты\n {2}- Валдор\n/);
    expect(saved.slice(saved.indexOf('\n---\n') + 5).trim()).toBe('Маяк **снова** горит.');
  });

  it('saves a Persian story with its photo', async () => {
    await openNewStory('fa');
    await fillStory('fa', { photoAlt: true });
    await publishNow();
    await until('the Persian story to be saved', () => markdownFiles(path.join(content, 'fa')).length === 1);
  });

  it('writes the files the contract expects, named as npm run new names them', async () => {
    const other = writeFixture({});
    for (const code of ['en', 'fa'] as const) {
      const made = await runCli('new', [
        '--edition',
        code,
        '--content',
        path.join(other, 'content'),
        '--now',
        `${STORIES[code].date}:00Z`,
        STORIES[code].headline,
      ]);
      expect(made.code, made.stderr).toBe(0);
      const [file] = markdownFiles(path.join(other, 'content', code));
      // The same folder (year and month of the story's date) and file name.
      expect(markdownFiles(path.join(content, code))).toEqual([file]);
      const saved = readFileSync(path.join(content, code, file!), 'utf8');
      const slug = path.basename(file!, '.md');
      expect(saved).toContain(`headline: ${STORIES[code].headline}\n`);
      expect(saved).toContain(`date: ${STORIES[code].date}\n`);
      expect(saved).toContain(`photo:\n  src: market.jpg\n  alt: ${STORIES[code].alt}\n`);
      expect(saved).toContain('draft: true\n');
      expect(saved).toContain(`slug: ${slug}\n`);
      // The body's Markdown as the editor typed it.
      expect(saved.slice(saved.indexOf('\n---\n') + 5).trim()).toBe(STORIES[code].body);
      // The photo beside the story, the bytes uploaded.
      expect(readFileSync(path.join(content, code, path.dirname(file!), 'market.jpg'))).toEqual(readFileSync(path.join(dir, 'market.jpg')));
    }
    expect(markdownFiles(path.join(content, 'en'))[0]).toMatch(/^2026\/11\/bridge-over-the-valdor-reopens-after-repairs\.md$/);
    expect(markdownFiles(path.join(content, 'fa'))[0]).toMatch(/^2026\/11\/[a-z0-9-]+\.md$/);
    const check = await runCli('check', ['--content', content]);
    expect(check.code, check.stderr + check.stdout).toBe(0);
  });

  it('publishes a story once the editor turns draft off: the built site shows it', async () => {
    const build = () => buildFixture({}, { dir, now: '2026-11-28T00:00:00Z' });
    const before = await build();
    expect(before.code, before.stderr).toBe(0);
    expect(before.has('/en/2026/11/27/bridge-over-the-valdor-reopens-after-repairs/')).toBe(false);

    for (const code of ['en', 'fa'] as const) {
      const [file] = markdownFiles(path.join(content, code));
      await open(`entries/${file!.replace(/\.md$/, '')}`, code);
      const draft = await input(labels(code).draft.label);
      await draft.click();
      await publishNow();
      await until(`the ${code} story to be saved without draft`, () => !readFileSync(path.join(content, code, file!), 'utf8').includes('draft: true'));
    }
    const check = await runCli('check', ['--content', content]);
    expect(check.code, check.stderr + check.stdout).toBe(0);

    const after = await build();
    expect(after.code, after.stderr).toBe(0);
    for (const code of ['en', 'fa'] as const) {
      const slug = path.basename(markdownFiles(path.join(content, code))[0]!, '.md');
      const story = after.page(`/${code}/2026/11/27/${slug}/`);
      expect(story.querySelector('h1')?.textContent).toBe(STORIES[code].headline);
      expect(story.querySelector('main figure img')?.getAttribute('alt')).toBe(STORIES[code].alt);
      expect(story.querySelector('main strong')?.textContent).toBe(code === 'en' ? 'reopened' : 'بازگشایی');
      expect(after.page(`/${code}/`).body.textContent).toContain(STORIES[code].headline);
    }
  });

  it('stops decap-server and the dev server together, and says where each listened', async () => {
    expect(log).toContain(`Its backend: decap-server on 127.0.0.1:${new URL(backendUrl).port}`);
    const answers = async (url: string) =>
      fetch(url, { method: 'HEAD' }).then(
        () => true,
        () => false,
      );
    expect(await answers(`${origin}/admin/`)).toBe(true);
    expect(await answers(backendUrl)).toBe(true);
    const exited = new Promise<number | null>((resolve) => cms!.once('exit', resolve));
    cms!.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await answers(`${origin}/admin/`)).toBe(false);
    expect(await answers(backendUrl)).toBe(false);
  });
});
