/**
 * A problem found in the content. Every problem names the file, and where it can, the
 * line and the field, and says how to fix it. The loader collects all of them in one
 * pass so an editor sees every problem in one run.
 */
export interface ContentProblem {
  /** Repo-relative path with forward slashes, e.g. content/en/2026/story.md */
  file: string;
  line?: number;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? `${p.field}: ` : '';
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${tag}${field}${p.message}`;
}

/** GitHub Actions workflow command, so problems show up on the pull request. */
export function formatGithubAnnotation(p: ContentProblem): string {
  const kind = p.severity === 'warning' ? 'warning' : 'error';
  const line = p.line ? `,line=${p.line}` : '';
  const text = `${p.field ? `${p.field}: ` : ''}${p.message}`.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${kind} file=${p.file}${line}::${text}`;
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  /** Eleventy's error handler (the dev server) then prints the problems without a stack trace: they are the editor's to fix, not a crash. */
  readonly skipOriginalStack = true;
  constructor(problems: readonly ContentProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`Masthead found ${errors.length} problem${errors.length === 1 ? '' : 's'} in the content:\n${errors.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Optimal string alignment distance, for "did you mean" hints on misspelt keys. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * Names other tools and habits give the contract's fields (Hugo, Jekyll, WordPress
 * exports, other newsrooms): "did you mean" for a key no edit distance reaches.
 */
const SYNONYMS: Readonly<Record<'story' | 'photo', Readonly<Record<string, string>>>> = {
  story: {
    title: 'headline',
    heading: 'headline',
    headlines: 'headline',
    description: 'summary',
    excerpt: 'summary',
    lede: 'summary',
    lead: 'summary',
    standfirst: 'summary',
    subtitle: 'summary',
    teaser: 'summary',
    abstract: 'summary',
    author: 'byline',
    authors: 'byline',
    by: 'byline',
    writer: 'byline',
    writers: 'byline',
    reporter: 'byline',
    reporters: 'byline',
    image: 'photo',
    images: 'photo',
    img: 'photo',
    picture: 'photo',
    pic: 'photo',
    cover: 'photo',
    thumbnail: 'photo',
    hero: 'photo',
    featured_image: 'photo',
    featuredImage: 'photo',
    tag: 'tags',
    keywords: 'tags',
    topics: 'tags',
    topic: 'tags',
    categories: 'tags',
    category: 'section',
    desk: 'section',
    rubric: 'section',
    published: 'date',
    publishDate: 'date',
    pubDate: 'date',
    publish_date: 'date',
    created: 'date',
    time: 'date',
    modified: 'updated',
    lastmod: 'updated',
    lastModified: 'updated',
    update: 'updated',
    credit: 'credits',
    agency: 'credits',
    agencies: 'credits',
    source: 'credits',
    sources: 'credits',
    wire: 'credits',
    permalink: 'slug',
    url: 'slug',
    alias: 'aliases',
    redirect_from: 'aliases',
    redirects: 'aliases',
    correction: 'corrections',
    errata: 'corrections',
    translation: 'translationKey',
    translation_key: 'translationKey',
    translationkey: 'translationKey',
    unpublished: 'draft',
    urgent: 'breaking',
  },
  photo: {
    file: 'src',
    path: 'src',
    url: 'src',
    image: 'src',
    href: 'src',
    alt_text: 'alt',
    altText: 'alt',
    description: 'alt',
    title: 'caption',
    text: 'caption',
    photographer: 'credit',
    author: 'credit',
    copyright: 'credit',
    source: 'credit',
    byline: 'credit',
    crop: 'focus',
    position: 'focus',
  },
};

/** The field an unknown key probably meant: a known synonym, else the nearest spelling. */
export function suggestKey(key: string, candidates: readonly string[], where: 'story' | 'photo'): string | undefined {
  const synonyms = SYNONYMS[where];
  const synonym = Object.hasOwn(synonyms, key) ? synonyms[key] : Object.hasOwn(synonyms, key.toLowerCase()) ? synonyms[key.toLowerCase()] : undefined;
  if (synonym && candidates.includes(synonym)) return synonym;
  // Edit distance is quadratic in the key's length: a key far longer than any field is no misspelling of one.
  return key.length > 40 ? undefined : closest(key, candidates);
}
