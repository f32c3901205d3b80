import type { Edition } from '../../src/editions/edition.ts';
import { type FeedFormat, feedMediaTypes, feedPath } from '../../src/outputs/feeds.ts';
import { relativeUrl } from '../../src/site/urls.ts';

const autodiscovered: readonly FeedFormat[] = ['atom', 'json', 'rss'];

/**
 * Feed autodiscovery for the <head>: the edition's feeds on every page, plus a
 * section's own feeds when `section` is given (section listing pages). Relative, like
 * every link of the site: a reader on a mirror subscribes to the mirror's copy.
 */
export function FeedLinks({ edition, page, section }: { edition: Edition; page: string; section?: string | undefined }) {
  const label = section ? edition.sections.find((s) => s.slug === section)?.label : undefined;
  const scopes = label && section ? [undefined, { slug: section, title: `${label} — ${edition.name}` }] : [undefined];
  return (
    <>
      {scopes.flatMap((scope) =>
        autodiscovered.map((format) => (
          <link
            key={`${scope?.slug ?? ''}-${format}`}
            rel="alternate"
            type={feedMediaTypes[format]}
            title={scope?.title ?? edition.name}
            href={relativeUrl(page, feedPath(edition.code, scope?.slug, format))}
          />
        )),
      )}
    </>
  );
}
