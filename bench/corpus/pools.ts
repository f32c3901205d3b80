/** Pools shared by every edition: tags, bylines, agencies, slug words, sections. ASCII on purpose (see README). */

/** ~60 tag words: enough that tag pages hold a few dozen to a few hundred stories each at 4,000 stories. */
export const TAGS = [
  'elections', 'parliament', 'budget', 'taxes', 'inflation', 'interest-rates', 'trade', 'energy', 'oil', 'gas',
  'climate', 'floods', 'drought', 'agriculture', 'health', 'hospitals', 'vaccines', 'education', 'universities', 'schools',
  'courts', 'police', 'corruption', 'media', 'press-freedom', 'internet', 'technology', 'startups', 'banking', 'markets',
  'currency', 'pensions', 'labour', 'strikes', 'unions', 'housing', 'transport', 'railways', 'aviation', 'shipping',
  'tourism', 'film', 'theatre', 'music', 'literature', 'museums', 'architecture', 'football', 'olympics', 'migration',
  'borders', 'diplomacy', 'sanctions', 'defence', 'human-rights', 'protests', 'local-government', 'science', 'space', 'environment',
] as const;

/** ~40 bylines. Latin script for every edition keeps author pages comparable across editions. */
export const BYLINES = [
  'Jana Novak', 'Omid Rahimi', 'Irina Sokolova', 'Daniel Okafor', 'Lena Fischer', 'Reza Karimi', 'Maria Ivanova',
  'Tomasz Zielinski', 'Sara Lindqvist', 'Ahmad Moradi', 'Elena Petrova', 'James Whitfield', 'Nadia Haddad', 'Pavel Orlov',
  'Chloe Martin', 'Farid Sadeghi', 'Olga Belova', 'Lucas Moreau', 'Hana Yoshida', 'Mehdi Tavakoli', 'Anna Kowalska',
  'Peter Lang', 'Yasmin Farahani', 'Dmitri Volkov', 'Grace Mensah', 'Nikolai Fedorov', 'Leila Ahmadi', 'Ruth Adler',
  'Sergei Morozov', 'Parisa Hosseini', 'Marco Bellini', 'Katarina Horvat', 'Arash Jafari', 'Emily Carter', 'Viktor Lebedev',
  'Shirin Rostami', 'Tom Brennan', 'Alina Popescu', 'Kamran Nouri', 'Ingrid Solberg',
] as const;

export const AGENCIES = ['Reuters', 'AFP', 'AP', 'Interfax', 'dpa', 'EFE', 'ANSA', 'Kyodo'] as const;

/** Story slugs are built from these plus a numeric suffix, so they are ASCII and unique whatever the edition. */
export const SLUG_WORDS = [
  'budget', 'vote', 'bridge', 'strike', 'election', 'harvest', 'museum', 'tariffs', 'pensions', 'port', 'festival',
  'court', 'rates', 'rail', 'airline', 'hospital', 'schools', 'river', 'council', 'reform', 'talks', 'deal', 'ruling',
  'protest', 'census', 'fuel', 'theatre', 'film', 'floods', 'border',
] as const;

export const SECTION_WEIGHTS = { news: 40, world: 25, economy: 20, culture: 15 } as const;
export const EDITION_WEIGHTS = { en: 50, ru: 30, fa: 20 } as const;
export type CorpusEdition = keyof typeof EDITION_WEIGHTS;
export const EDITIONS = Object.keys(EDITION_WEIGHTS) as CorpusEdition[];

/** Dates fall in [FIRST_YEAR-01-01, LAST_DAY]: several years, so year/month archives and sorting have real work. */
export const FIRST_YEAR = 2019;
export const LAST_DAY_UTC = Date.UTC(2026, 9, 31); // 2026-10-31, before "today" on the project machines
