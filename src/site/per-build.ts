/**
 * Memoises a computation over the whole site once per build: templates call it on
 * every page, but it runs once per SiteData (a new SiteData means a new build, e.g. a
 * dev-server rebuild), so derived lists never cost O(pages × articles).
 */
import type { SiteData } from './derive.ts';

export function perBuild<T>(compute: (site: SiteData) => T): (site: SiteData) => T {
  const cache = new WeakMap<SiteData, { value: T }>();
  return (site) => {
    let hit = cache.get(site);
    if (!hit) cache.set(site, (hit = { value: compute(site) }));
    return hit.value;
  };
}
