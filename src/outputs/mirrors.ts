/**
 * `/mirrors.json`: every edition's mirrors and onion service, in the list format the
 * circumvention tools of the bypass-censorship project read — bypass-mirrors "v2"
 * (github.com/OpenTechFund/bypass-mirrors, README; the list its extension fetches,
 * mirrorSites.json, is the same shape; ADR 021). One site entry per edition, each under
 * the main site's domain (tools merge entries of one domain), each address the
 * edition's front page on that mirror or onion service.
 */
import type { BuildOptions } from '../build/options.ts';
import type { EditionCode } from '../editions/edition.ts';
import { mirrorsOf, onionOrigin } from '../editions/reach.ts';
import { editions } from '../editions/registry.ts';

export interface MirrorAlternative {
  /** "https" for a mirror, "tor" for an onion service. */
  proto: 'https' | 'tor';
  /** The format's words: "mirror"; "eotk", which its lists use for every onion service. */
  type: 'mirror' | 'eotk';
  created_at: string;
  updated_at: string;
  url: string;
}

export interface MirrorSite {
  /** The blocked site's domain, without "www." (as the list's own tools write it). */
  main_domain: string;
  available_alternatives: MirrorAlternative[];
}

export interface MirrorList {
  version: '2.0';
  sites: MirrorSite[];
}

export function mirrorList(options: Pick<BuildOptions, 'baseUrl' | 'editions'>): MirrorList {
  const domain = new URL(options.baseUrl).hostname.replace(/^www\./, '');
  const site = (code: EditionCode): MirrorSite => {
    const edition = editions[code];
    // The day the newsroom last confirmed the addresses (reach.checked): the list dates each by it.
    // Written as the format's own lists write them (Python's str() of a datetime, UTC).
    const date = `${edition.reach.checked ?? '1970-01-01'} 00:00:00`;
    const dated = (proto: MirrorAlternative['proto'], type: MirrorAlternative['type'], url: string): MirrorAlternative => ({
      proto,
      type,
      created_at: date,
      updated_at: date,
      url,
    });
    const onion = onionOrigin(edition);
    return {
      main_domain: domain,
      available_alternatives: [
        ...mirrorsOf(edition).map((m) => dated('https', 'mirror', `${m}${code}/`)),
        ...(onion ? [dated('tor', 'eotk', `${onion}/${code}/`)] : []),
      ],
    };
  };
  return { version: '2.0', sites: options.editions.map(site) };
}

export function mirrorsJson(options: Pick<BuildOptions, 'baseUrl' | 'editions'>): string {
  return `${JSON.stringify(mirrorList(options), null, 2)}\n`;
}
