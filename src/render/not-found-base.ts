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
 * markup's own <link> is in <noscript>. Skip links ("#main") would then lead to that
 * folder: a click on one moves the focus to its target instead, the href unchanged. A
 * path with no edition folder in it gets only the root 404, which then takes the main
 * site's path prefix (`data-root`) for the root when the path is under it: right on the
 * main site; on a mirror under a sub-path, such a page may stay unstyled. Without
 * JavaScript the page's links hold where the page is
 * at its own depth; the onion service's nginx adds the base itself
 * (src/outputs/onion-nginx.ts). The Content-Security-Policy allows this one inline script by its hash.
 */
import { createHash } from 'node:crypto';

export const NOT_FOUND_BASE_SCRIPT =
  "(function(){var s=document.currentScript,d=s.dataset,top=d.top.split(' '),l=location.pathname,p=l.split('/'),at=s,i=1,r,b;" +
  'while(i<p.length-1&&top.indexOf(p[i])<0)i++;' +
  "r=i<p.length-1?p.slice(0,i).join('/')+'/':d.root&&l.indexOf(d.root)===0?d.root:'';" +
  "if(r){b=document.createElement('base');b.href=r+d.here;s.after(b);at=b;" +
  "document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[href^=\"#\"]'),t=a&&document.getElementById(a.getAttribute('href').slice(1));" +
  "if(t){e.preventDefault();if(!t.hasAttribute('tabindex'))t.tabIndex=-1;t.focus()}})}" +
  "var c=document.createElement('link');c.rel='stylesheet';c.href=d.css;at.after(c)})()";

/** The script's CSP source: `'sha256-…'`. */
export const NOT_FOUND_BASE_HASH = `'sha256-${createHash('sha256').update(NOT_FOUND_BASE_SCRIPT).digest('base64')}'`;
