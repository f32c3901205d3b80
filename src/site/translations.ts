/**
 * Stories that are versions of each other share a `translationKey`. The key → versions
 * map is computed once per build; each page looks its own key up. One version per
 * edition: a second story of the same edition with the same key is a content problem
 * (an hreflang set cannot hold two URLs for one language), reported by the loader.
 */
import type { Article, ArticleFacts } from '../content/article.ts';
import type { ContentProblem } from '../content/problems.ts';
import { editionCodes } from '../editions/registry.ts';
import { perBuild } from './per-build.ts';
import type { SiteData } from './derive.ts';

const editionOrder = (a: Article, b: Article) => editionCodes.indexOf(a.edition) - editionCodes.indexOf(b.edition);

export const translationGroups = perBuild((site: SiteData): ReadonlyMap<string, readonly Article[]> => {
  const groups = new Map<string, Article[]>();
  for (const article of site.articles) {
    if (!article.translationKey) continue;
    const group = groups.get(article.translationKey) ?? [];
    // Newest first in site.articles: if the loader's check was bypassed, the newest wins.
    if (!group.some((a) => a.edition === article.edition)) group.push(article);
    groups.set(article.translationKey, group);
  }
  for (const group of groups.values()) group.sort(editionOrder);
  return groups;
});

/**
 * Every version of the story in this build, itself included, in edition order; empty
 * when the story has no other version (nothing to link).
 */
export function translationsOf(site: SiteData, article: Article): readonly Article[] {
  const group = article.translationKey ? translationGroups(site).get(article.translationKey) : undefined;
  return group && group.length > 1 && group.includes(article) ? group : [];
}

/** Loader check: a translationKey may be used once per edition. */
export function reportTranslationClashes(articles: readonly ArticleFacts[], problems: ContentProblem[]): void {
  const seen = new Map<string, ArticleFacts>();
  for (const article of articles) {
    if (!article.translationKey) continue;
    const id = `${article.edition}\u0000${article.translationKey}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, article);
      continue;
    }
    problems.push({
      file: article.sourcePath,
      field: 'translationKey',
      severity: 'error',
      message: `"${article.translationKey}" is already the translationKey of ${first.sourcePath} in the same edition: a key links one story per language; give one of them another key`,
    });
  }
}
