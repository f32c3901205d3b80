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
  /** The document is expected to answer with this status (404 for the not-found page). */
  documentStatus: number;
  close(): Promise<void>;
}

export interface SessionOptions {
  width: number;
  height?: number;
  documentStatus?: number;
}

export async function openSession(browser: Browser, origin: string, options: SessionOptions): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: options.width, height: options.height ?? 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const s: Session = { context, page, problems: [], requests: [], documentStatus: options.documentStatus ?? 200, close: () => context.close() };
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      s.problems.push(`request leaving 127.0.0.1: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  page.on('request', (r) => s.requests.push(r));
  page.on('pageerror', (e) => s.problems.push(`uncaught exception: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs the expected 404 of the not-found page itself as a console error.
    if (s.documentStatus !== 200 && /status of 404/.test(m.text()) && m.location().url === page.url()) return;
    s.problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    // ERR_ABORTED is the page itself cancelling (navigating away, a srcset candidate
    // replaced on resize), never the server failing; blocked requests are reported above.
    if (r.url().startsWith(origin) && error !== 'net::ERR_ABORTED') s.problems.push(`failed request: ${r.url()} — ${error}`);
  });
  page.on('response', (r) => {
    const isDocument = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame();
    const want = isDocument ? s.documentStatus : 200;
    if (r.status() >= 400 && r.status() !== want) s.problems.push(`HTTP ${r.status()} for ${r.url()}`);
    if (isDocument && r.status() !== want && r.status() < 300) s.problems.push(`HTTP ${r.status()} for ${r.url()}, expected ${want}`);
  });
  return s;
}

/**
 * Sessions reused from test to test: every new context starts a renderer process
 * (about 0.35 s of CPU here). Each test navigates afresh, so no page state carries over;
 * the watch lists start empty for every test.
 */
export class SessionPool {
  private readonly idle: Session[] = [];
  private readonly all: Session[] = [];

  private readonly browser: Browser;
  private readonly origin: string;

  constructor(browser: Browser, origin: string) {
    this.browser = browser;
    this.origin = origin;
  }

  async acquire(documentStatus = 200): Promise<Session> {
    let s = this.idle.pop();
    if (!s) {
      s = await openSession(this.browser, this.origin, { width: 1280 });
      this.all.push(s);
    } else await s.page.setViewportSize({ width: 1280, height: 900 });
    s.problems = [];
    s.requests = [];
    s.documentStatus = documentStatus;
    return s;
  }

  release(s: Session): void {
    this.idle.push(s);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((s) => s.close()));
  }
}
