/**
 * A host answers a missing URL with a not-found page, served at that URL: at any depth,
 * under any prefix (ADR 020). The page's URLs are written relative to its own file
 * (`/en/404.html`, `/404.html`), so where it is served deeper this script, the first
 * thing in its <head>, finds the folder the page was written for in the requested path
 * — the path up to the first segment that names one of the site's top-level folders
 * (`data-top`), then `data-here` — and makes it the document's base before any URL is
 * resolved. A path with no such segment, deeper than the root folder (only the root
 * 404 is served for those), is taken to be at the root of the host: the main site and
 * mirrors on their own domains (under a sub-path such a page has no way to know the
 * site's root, and stays unstyled). It then adds the stylesheet (`data-css`): a <link> in the markup would be
 * fetched at the wrong address first by Chromium's preload scanner, which reads ahead
 * of the script (a failed request and a console error on every not-found page); the
 * markup's own <link> is in <noscript>. Skip links ("#main") would then point at that folder: they are made to
 * point at this page again. Without JavaScript the page's links hold where the page is
 * at its own depth; the onion service's nginx adds the base itself
 * (src/outputs/onion-nginx.ts). The Content-Security-Policy allows this one inline script by its hash.
 */
import { createHash } from 'node:crypto';

export const NOT_FOUND_BASE_SCRIPT =
  "(function(){var s=document.currentScript,d=s.dataset,top=d.top.split(' '),p=location.pathname.split('/'),at=s,i=1,r,b;" +
  'while(i<p.length-1&&top.indexOf(p[i])<0)i++;' +
  "r=i<p.length-1?p.slice(0,i).join('/')+'/':p.length>2?'/':'';" +
  "if(r){b=document.createElement('base');b.href=r+d.here;s.after(b);at=b;" +
  "document.addEventListener('DOMContentLoaded',function(){document.querySelectorAll('a[href^=\"#\"]').forEach(function(a){a.href=location.href.split('#')[0]+a.getAttribute('href')})})}" +
  "var l=document.createElement('link');l.rel='stylesheet';l.href=d.css;at.after(l)})()";

/** The script's CSP source: `'sha256-…'`. */
export const NOT_FOUND_BASE_HASH = `'sha256-${createHash('sha256').update(NOT_FOUND_BASE_SCRIPT).digest('base64')}'`;
