import type { Build } from '../../src/build/build.ts';
import type { EditionCode } from '../../src/editions/edition.ts';
import { mirrorsOf, onionOrigin } from '../../src/editions/reach.ts';
import { editions } from '../../src/editions/registry.ts';
import { accessPath } from '../../src/site/slugs.ts';
import { renderDocument } from '../components/Document.tsx';

/**
 * `/<edition>/access/`, "If this site is blocked" (ADR 021): the edition's mirrors and
 * onion address written out in full, to copy (and to follow, where they open), how to
 * open an onion address, that circumvention tools exist and where to get them safely,
 * the offline edition when there is one. Like every page it loads nothing from anywhere
 * else and works on a mirror; it is linked from every page's footer and from about.
 */
interface AccessData {
  code: EditionCode;
  masthead: Build;
}

export const data = {
  pagination: { data: 'masthead.options.render.editions', size: 1, alias: 'code' },
  permalink: (d: AccessData) => accessPath(d.code),
  eleventyExcludeFromCollections: true,
};

/** An address in full, left to right in every edition; a link, for where it opens. */
function Address({ url }: { url: string }) {
  return (
    <a href={url} dir="ltr">
      <code>{url}</code>
    </a>
  );
}

export default function render({ code, masthead: build }: AccessData): string {
  const edition = editions[code];
  const a = edition.access;
  const mirrors = mirrorsOf(edition).map((m) => `${m}${code}/`);
  const onion = onionOrigin(edition);
  const paragraphs = (texts: readonly string[]) => texts.map((p) => <p key={p}>{p}</p>);
  return renderDocument({
    build,
    edition,
    page: accessPath(code),
    title: `${a.title} — ${edition.name}`,
    children: (
      <article class="page access">
        <h1>{a.title}</h1>
        {paragraphs(a.intro)}
        {!mirrors.length && !onion ? <p>{a.noAddresses}</p> : null}
        {mirrors.length ? (
          <section aria-labelledby="access-mirrors">
            <h2 id="access-mirrors">{a.mirrorsHeading}</h2>
            <p>{a.mirrorsText}</p>
            <ul class="access-addresses">
              {mirrors.map((m) => (
                <li key={m}>
                  <Address url={m} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {onion ? (
          <section aria-labelledby="access-onion">
            <h2 id="access-onion">{a.onionHeading}</h2>
            <ul class="access-addresses">
              <li>
                <Address url={`${onion}/${code}/`} />
              </li>
            </ul>
            {paragraphs(a.onionText)}
          </section>
        ) : null}
        <section aria-labelledby="access-tools">
          <h2 id="access-tools">{a.toolsHeading}</h2>
          {paragraphs(a.toolsText)}
        </section>
        {a.offline ? (
          <section aria-labelledby="access-offline">
            <h2 id="access-offline">{a.offline.heading}</h2>
            {paragraphs(a.offline.paragraphs)}
          </section>
        ) : null}
        <section aria-labelledby="access-safety">
          <h2 id="access-safety">{a.safetyHeading}</h2>
          {paragraphs(a.safetyText)}
        </section>
      </article>
    ),
  });
}
