/**
 * Story bodies: 6–14 paragraphs aiming at 3–6 KB of UTF-8 (so Cyrillic and Persian
 * stories hold fewer, not shorter-in-bytes, words), with the Markdown an editor uses:
 * sometimes a `##` subheading, a bulleted list and a link.
 */
import type { LanguagePack } from './language.ts';
import type { Rng } from './prng.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const LINK_PATHS = ['reports/annual', 'press/statement', 'data/2024', 'rulings/case-114', 'news/background'] as const;

export function buildBody(rng: Rng, lang: LanguagePack): string {
  const count = rng.int(6, 14);
  const target = rng.int(3200, 5700);
  const perParagraph = Math.floor(target / count);
  const paragraphs: string[] = [];
  for (let p = 0; p < count; p++) {
    // Add a sentence only if that ends closer to the paragraph's share: keeps stories inside 3–6 KB.
    let text = lang.sentence(rng);
    for (;;) {
      const next = lang.sentence(rng);
      if (bytes(text) + bytes(next) / 2 > perParagraph) break;
      text += ` ${next}`;
    }
    paragraphs.push(text);
  }

  if (rng.chance(0.4)) {
    const at = rng.int(0, count - 1);
    const url = `https://example.org/${rng.pick(LINK_PATHS)}/${rng.int(100, 999)}`;
    paragraphs[at] += ` [${rng.pick(lang.linkTexts)}](${url})`;
  }
  const blocks = paragraphs.slice();
  if (rng.chance(0.35)) {
    const items = rng.sample(lang.listItems, rng.int(3, 5)).map((item) => `- ${item}`);
    blocks.splice(rng.int(2, blocks.length - 1), 0, items.join('\n'));
  }
  if (rng.chance(0.5)) blocks.splice(rng.int(2, blocks.length - 1), 0, `## ${rng.pick(lang.subheadings)}`);
  return `${blocks.join('\n\n')}\n`;
}
