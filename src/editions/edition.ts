/**
 * Everything language-specific about one edition lives in one object of this type
 * (src/editions/<code>.ts). Every field is required: an edition that forgets a UI
 * string does not type-check.
 */
import type { FrontmatterInput } from '../content/schema.ts';

export type EditionCode = 'en' | 'ru' | 'fa';

export interface Section {
  /** URL segment and the value editors write in `section:`. ASCII, stable. */
  slug: string;
  /** Name shown to readers. */
  label: string;
}

export interface UiStrings {
  skipLinksLabel: string;
  skipToContent: string;
  skipToNavigation: string;
  mainNavigation: string;
  breakingNews: string;
  published: string;
  updated: string;
  by: string;
  photoCaption: string;
  photoCredit: string;
  withReportingBy: string;
  aboutPublisher: string;
  legalNotice: string;
  draft: string;
  /** Heading of the box of corrections at the end of a corrected story: one correction, several. */
  correction: string;
  corrections: string;
  /** Label of a corrected story in listings. */
  corrected: string;
  editions: string;
  homeLink: string;
  notFoundTitle: string;
  notFoundText: string;
  /** Headline prefix on pages that list stories, e.g. "Latest news". */
  latest: string;
  /** Label of the list of links to the same story in other editions. */
  readIn: string;
  /** Shown on the redirect page left at a moved story's old address, before the link. */
  storyMoved: string;
  /** Listings. Placeholders in braces are filled by src/editions/placeholders.ts; numbers arrive in the edition's digits. */
  pageOf: string;
  paginationLabel: string;
  newerStories: string;
  olderStories: string;
  noStories: string;
  /** Small label above a tag page's heading ("Topic"). */
  tagKicker: string;
  /** Small label above an author page's heading ("Author"). */
  authorKicker: string;
  /** Heading of the tag list under an article. */
  topics: string;
  /** Link from a front-page section block to the section page: {section}. */
  moreIn: string;
  search: string;
  searchLabel: string;
  searchButton: string;
  /** The number of matches for {query}: {count}. Phrased so that it needs no plural forms (1 and 5 read the same). */
  searchResults: string;
  searchNone: string;
  searchNoScript: string;
}

export interface PublisherBox {
  heading: string;
  text: string;
  image: { src: string; alt: string };
  linkText: string;
  linkHref: string;
}

export interface Disclaimer {
  /** The legal notice, without the link. */
  text: string;
  /** Link text that makes sense out of context (WCAG 2.4.4), not "click here". */
  linkText: string;
  linkHref: string;
}

export interface AboutPage {
  title: string;
  paragraphs: readonly string[];
  /** Heading of the section the disclaimer links to (anchor #legal). */
  legalHeading: string;
  legalParagraphs: readonly string[];
}

/** A field's label in the web editor and, where it helps, the hint shown under it. `{zone}` is the edition's time zone. */
export interface EditorText {
  label: string;
  hint?: string;
}

/**
 * A label for every frontmatter field and every field inside a group or a list of
 * groups, keyed as the schema names them: a field added to the schema does not type-check
 * until each edition names it for the editor.
 */
export type EditorFieldTexts<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends readonly (infer Item)[]
    ? Item extends object
      ? EditorText & { fields: EditorFieldTexts<Item> }
      : EditorText
    : NonNullable<T[K]> extends object
      ? EditorText & { fields: EditorFieldTexts<NonNullable<T[K]>> }
      : EditorText;
};

/** The web editor at /admin/ (src/cms/, ADR 022), in the edition's language. */
export interface EditorStrings {
  /** The edition's stories in the editor's list of collections. */
  collection: string;
  /** One story, as in "New story". */
  story: string;
  /** The story's text, below the frontmatter. */
  body: EditorText;
  /** Under a field whose value does not have the form its hint describes. */
  invalidFormat: string;
  /** Refusing to save a new story whose headline has no letter or digit a URL slug can be made of. */
  noSlug: string;
  /** Refusing to save a group (the photo) that lacks a field it needs: `{group}` and `{field}` are their labels. */
  requiredInGroup: string;
  fields: EditorFieldTexts<FrontmatterInput>;
}

/**
 * Where readers reach this edition when its site is blocked (ADR 021). Checked when a
 * build or `npm run check` starts (src/editions/reach.ts): a wrong value is an error
 * naming this file and the field.
 */
export interface Reach {
  /**
   * The onion service that serves this same site at its root: `http://` and the
   * 56-character v3 address, e.g. `http://d2gc…aqd.onion`. Every page then carries
   * `<meta http-equiv="onion-location">`, and the build writes `_onion.nginx.conf`.
   */
  onion?: string;
  /**
   * Copies of the whole site on other domains: the https URL of the site's root on each
   * (`https://mirror-1.meridian.example/`, or under a path: `https://cdn.example/meridian/`).
   */
  mirrors?: readonly string[];
  /** The day (YYYY-MM-DD) these addresses were last confirmed to work: mirrors.json dates each by it. Needed with any address. */
  checked?: string;
}

/** The page "If this site is blocked" (`/<edition>/access/`), linked from every page's footer and from the about page. */
export interface AccessPage {
  title: string;
  /** The link to this page, in the footer beside the disclaimer and on the about page. */
  linkText: string;
  /** On the about page, before the link. */
  aboutText: string;
  intro: readonly string[];
  mirrorsHeading: string;
  /** Above the list of mirrors (each address shown in full, to copy). */
  mirrorsText: string;
  onionHeading: string;
  /** How to open the onion address (Tor Browser). */
  onionText: readonly string[];
  /** Shown instead of the two lists while the edition has no mirror and no onion address. */
  noAddresses: string;
  toolsHeading: string;
  /** That circumvention tools exist (Tor Browser, Psiphon as examples) and where to get them safely; no download links of ours. */
  toolsText: readonly string[];
  /** How to receive the offline edition; left out while the edition has none. */
  offline?: { heading: string; paragraphs: readonly string[] };
  safetyHeading: string;
  safetyText: readonly string[];
}

export interface Edition {
  code: EditionCode;
  /** BCP 47 tag for `<html lang>`. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Unicode script of the edition's text (ISO 15924), used for fonts and metadata. */
  script: 'Latn' | 'Cyrl' | 'Arab';
  /** Locale handed to Intl/luxon. */
  locale: string;
  calendar: 'gregory' | 'persian';
  numberingSystem: 'latn' | 'arabext';
  /** IANA zone: dates without an offset mean this zone; dates are shown in it. */
  timeZone: string;
  /** og:locale style, e.g. en_US. */
  ogLocale: string;
  name: string;
  /** The language's own name for itself (endonym), e.g. Русский, on the root page. */
  languageName: string;
  /** markdown-it `quotes` option: double open, double close, single open, single close. */
  quotes: string;
  defaultSection: string;
  sections: readonly Section[];
  strings: UiStrings;
  publisherBox: PublisherBox;
  disclaimer: Disclaimer;
  about: AboutPage;
  editor: EditorStrings;
  reach: Reach;
  access: AccessPage;
}
