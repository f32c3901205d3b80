import type { Edition } from './edition.ts';

export const en: Edition = {
  code: 'en',
  lang: 'en',
  dir: 'ltr',
  script: 'Latn',
  locale: 'en-US',
  calendar: 'gregory',
  numberingSystem: 'latn',
  timeZone: 'Europe/London',
  ogLocale: 'en_US',
  name: 'Meridian Radio',
  quotes: '“”‘’',
  defaultSection: 'news',
  sections: [
    { slug: 'news', label: 'News' },
    { slug: 'world', label: 'World' },
    { slug: 'economy', label: 'Economy' },
    { slug: 'culture', label: 'Culture' },
  ],
  strings: {
    skipLinksLabel: 'Accessibility links',
    skipToContent: 'Skip to main content',
    skipToNavigation: 'Skip to navigation',
    mainNavigation: 'Sections',
    breakingNews: 'Breaking News',
    published: 'Published',
    updated: 'Updated',
    by: 'By',
    photoCaption: 'Photo caption:',
    photoCredit: 'Photo credit:',
    withReportingBy: 'With reporting by',
    aboutPublisher: 'About Meridian Radio',
    legalNotice: 'Legal notice',
    draft: 'Draft — not published',
    editions: 'Editions',
    homeLink: 'Meridian Radio home',
    notFoundTitle: 'Page not found',
    notFoundText: 'We could not find that page. It may have moved, or the address may be mistyped.',
    latest: 'Latest news',
  },
  publisherBox: {
    heading: 'Meridian Radio',
    text:
      'Meridian Radio is an independent public broadcaster. Our journalists report the news in 27 languages in 23 countries where a free press is banned or not yet fully established.',
    image: { src: '/assets/publisher.jpg', alt: 'A Meridian Radio correspondent recording an interview in a newsroom studio' },
    linkText: 'More about Meridian Radio',
    linkHref: 'about/',
  },
  disclaimer: {
    text:
      'The authorities of the Republic of Ostravia have declared Meridian Radio an “undesirable organization”. Readers in Ostravia who share our reporting may be fined.',
    linkText: 'What the “undesirable” designation means for readers in Ostravia',
    linkHref: 'about/#legal',
  },
  about: {
    title: 'About Meridian Radio',
    paragraphs: [
      'Meridian Radio is a fictional public broadcaster created as sample content for Masthead. It publishes news in many languages for audiences whose local media are not free.',
      'Our newsroom follows a public code of ethics: we separate news from opinion, name our sources wherever it is safe to do so, and correct our mistakes openly.',
    ],
    legalHeading: 'The “undesirable organization” designation',
    legalParagraphs: [
      'In the Republic of Ostravia, a law allows the authorities to declare foreign media “undesirable”. Taking part in the work of such an organization is an offence there.',
      'Reading our site is not an offence under that law, but sharing our articles publicly can lead to a fine, and repeated sharing to prosecution. Readers in Ostravia should weigh these risks.',
    ],
  },
};
