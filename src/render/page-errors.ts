/**
 * A page that fails to render — a crash, not a content problem the loader reports — named
 * by what it was rendering: the story's file and page, or the listing and the story files
 * it lists first. Without this, Eleventy (the dev server) and the build print a bare stack
 * that names no article. The first frame of the original stack is kept, for whoever fixes
 * the code.
 */
import type { Article } from '../content/article.ts';
import type { ListingPage } from '../site/listings.ts';

export class PageRenderError extends Error {
  override name = 'PageRenderError';
  /** Eleventy's error handler then prints the message alone (src/content/problems.ts: ContentError does the same). */
  readonly skipOriginalStack = true;
}

const firstFrame = (error: unknown) =>
  String((error as Error)?.stack ?? '')
    .split('\n')
    .find((line) => /^\s+at /.test(line))
    ?.trim();

/** What a template was given, as words: the article's file and page, or the listing and its stories' files. */
function subject(data: unknown): string | undefined {
  const d = data as { article?: Article; listing?: ListingPage; page?: { outputPath?: unknown } } | undefined;
  if (d?.article) return `${d.article.sourcePath}: its page ${d.article.url}`;
  if (d?.listing) {
    const files = d.listing.articles.slice(0, 3).map((a) => a.sourcePath);
    return `the ${d.listing.kind} page ${d.listing.url}${files.length ? ` (listing ${files.join(', ')}${d.listing.articles.length > 3 ? ' …' : ''})` : ''}`;
  }
  return typeof d?.page?.outputPath === 'string' ? `the page ${d.page.outputPath}` : undefined;
}

/** Renders with `render`, turning a crash into an error that names the story or page. */
export function namedRender<D, R>(data: D, render: (data: D) => R): R {
  try {
    return render(data);
  } catch (error) {
    throw renderFailure(data, error);
  }
}

export function renderFailure(data: unknown, error: unknown): Error {
  if (error instanceof PageRenderError) return error;
  const what = subject(data);
  if (!what) return error instanceof Error ? error : new Error(String(error));
  const frame = firstFrame(error);
  return new PageRenderError(
    `${what} could not be rendered: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${frame ? ` (${frame})` : ''}`,
    { cause: error },
  );
}

/**
 * The message of an error that explains itself (a content error, a page that failed to
 * render: `skipOriginalStack`), wherever it sits in the chain Eleventy wraps around it; a
 * command prints it instead of a stack.
 */
export function explainedMessage(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 8; depth++) {
    if ((e as { skipOriginalStack?: boolean }).skipOriginalStack) return e.message;
    e = (e as { originalError?: unknown }).originalError ?? e.cause;
  }
  return undefined;
}
