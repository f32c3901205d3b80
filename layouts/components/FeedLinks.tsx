import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { type FeedFormat, feedMediaTypes, feedPath } from '../../src/outputs/feeds.ts';
import { machineUrl } from '../../src/site/urls.ts';

const autodiscovered: readonly FeedFormat[] = ['atom', 'json', 'rss'];

/**
 * Feed autodiscovery for the <head>: the edition's feeds on every page, plus a
 * section's own feeds when `section` is given (section listing pages).
 */
export function FeedLinks({ build, edition, section }: { build: Build; edition: Edition; section?: string | undefined }) {
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
            href={machineUrl(build.options, feedPath(edition.code, scope?.slug, format))}
          />
        )),
      )}
    </>
  );
}
