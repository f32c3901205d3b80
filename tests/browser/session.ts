/**
 * One page in its own browser context, watched from the moment it opens: console
 * errors, uncaught exceptions, failed or erroring requests, and any request that would
 * leave 127.0.0.1 (those are blocked, so a test never touches the network).
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Everything that went wrong on the network or in the console so far. */
  problems: string[];
  /** Requests the page made, in order. */
  requests: Request[];
  close(): Promise<void>;
}

export interface SessionOptions {
  width: number;
  height?: number;
  /** The document is expected to answer with this status (the 404 page). */
  documentStatus?: number;
}

export async function openSession(browser: Browser, origin: string, options: SessionOptions): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: options.width, height: options.height ?? 900 }, reducedMotion: 'reduce' });
  const problems: string[] = [];
  const requests: Request[] = [];
  const expected = options.documentStatus ?? 200;
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      problems.push(`request leaving 127.0.0.1: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r));
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs the expected 404 of the not-found page itself as a console error.
    if (expected !== 200 && /status of 404/.test(m.text()) && m.location().url === page.url()) return;
    problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    // ERR_ABORTED is the page itself cancelling (navigating away, a srcset candidate
    // replaced on resize), never the server failing; blocked requests are reported above.
    if (r.url().startsWith(origin) && error !== 'net::ERR_ABORTED') problems.push(`failed request: ${r.url()} — ${error}`);
  });
  page.on('response', (r) => {
    const isDocument = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame();
    const want = isDocument ? expected : 200;
    if (r.status() >= 400 && r.status() !== want) problems.push(`HTTP ${r.status()} for ${r.url()}`);
    if (isDocument && r.status() !== want && r.status() < 300) problems.push(`HTTP ${r.status()} for ${r.url()}, expected ${want}`);
  });
  return { context, page, problems, requests, close: () => context.close() };
}
