/**
 * A host answers a missing URL with a not-found page, served at that URL: at any depth,
 * under any prefix (ADR 020). The page's URLs are written relative to its own file
 * (`/en/404.html`, `/404.html`), so where it is served deeper this script, the first
 * thing in its <head>, finds the folder the page was written for in the requested path
 * — the path up to the first segment that names one of the site's top-level folders
 * (`data-top`), then `data-here` — and makes it the document's base before any URL is
 * resolved. It then adds the stylesheet (`data-css`): a <link> in the markup would be
 * fetched at the wrong address first by Chromium's preload scanner, which reads ahead
 * of the script (a failed request and a console error on every not-found page); the
 * markup's own <link> is in <noscript>. Skip links ("#main") would then point at that folder: they are made to
 * point at this page again. Without JavaScript the page's links hold where the page is
 * at its own depth; the onion service's nginx adds the base itself
 * (src/outputs/onion-nginx.ts). The Content-Security-Policy allows this one inline script by its hash.
 */
import { createHash } from 'node:crypto';

export const NOT_FOUND_BASE_SCRIPT =
  "(function(){var s=document.currentScript,d=s.dataset,top=d.top.split(' '),p=location.pathname.split('/'),at=s;" +
  'for(var i=1;i<p.length-1;i++){if(top.indexOf(p[i])<0)continue;' +
  "var b=document.createElement('base');b.href=p.slice(0,i).join('/')+'/'+d.here;s.after(b);at=b;" +
  "document.addEventListener('DOMContentLoaded',function(){document.querySelectorAll('a[href^=\"#\"]').forEach(function(a){a.href=location.href.split('#')[0]+a.getAttribute('href')})});" +
  "break}var l=document.createElement('link');l.rel='stylesheet';l.href=d.css;at.after(l)})()";

/** The script's CSP source: `'sha256-…'`. */
export const NOT_FOUND_BASE_HASH = `'sha256-${createHash('sha256').update(NOT_FOUND_BASE_SCRIPT).digest('base64')}'`;
