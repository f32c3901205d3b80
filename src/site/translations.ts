/**
 * Stories that are versions of each other share a `translationKey`. The key → versions
 * map is computed once per build (src/site/derive.ts); each page looks its own key up.
 * One version per edition: a second story of the same edition with the same key is a
 * content problem (an hreflang set cannot hold two URLs for one language), reported by
 * the loader (src/content/cross-checks.ts).
 */
import type { Article } from '../content/article.ts';
import { editionCodes } from '../editions/registry.ts';

const editionOrder = (a: Article, b: Article) => editionCodes.indexOf(a.edition) - editionCodes.indexOf(b.edition);

/** `articles` newest first: if the loader's check was bypassed, the newest version of an edition wins. */
export function translationGroups(articles: readonly Article[]): ReadonlyMap<string, readonly Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    if (!article.translationKey) continue;
    const group = groups.get(article.translationKey) ?? [];
    if (!group.some((a) => a.edition === article.edition)) group.push(article);
    groups.set(article.translationKey, group);
  }
  for (const group of groups.values()) group.sort(editionOrder);
  return groups;
}

/**
 * Every version of the story in this build, itself included, in edition order; empty
 * when the story has no other version (nothing to link).
 */
export function translationsOf(site: { translations: ReadonlyMap<string, readonly Article[]> }, article: Article): readonly Article[] {
  const group = article.translationKey ? site.translations.get(article.translationKey) : undefined;
  return group && group.length > 1 && group.includes(article) ? group : [];
}
