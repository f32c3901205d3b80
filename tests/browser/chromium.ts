/**
 * The one Chromium of the browser suite: Debian's package, driven by playwright-core
 * (which downloads nothing). A missing browser is a failure with a clear message, in CI
 * always; locally the suite is skipped only when MASTHEAD_SKIP_BROWSER=1 says so.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = process.env.MASTHEAD_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Same text rendering on every machine: screenshots and line measurements do not drift.
  '--font-render-hinting=none',
];

export const chromiumMissing = !existsSync(chromiumPath);

/** True only when a developer explicitly opted out, and never in CI. */
export const skipBrowser = process.env.MASTHEAD_SKIP_BROWSER === '1' && process.env.CI !== 'true';

export const MISSING_MESSAGE =
  `Chromium not found at ${chromiumPath}. The browser tests (accessibility, keyboard, layout, budgets) need it: ` +
  'install it with `sudo apt-get install -y chromium` (CI does this in .ci/run), or point MASTHEAD_CHROMIUM at a Chromium binary. ' +
  'To skip the browser tests on this machine only, set MASTHEAD_SKIP_BROWSER=1 (ignored when CI=true).';

export async function launchChromium(): Promise<Browser> {
  if (chromiumMissing) throw new Error(MISSING_MESSAGE);
  return chromium.launch({ executablePath: chromiumPath, args: ARGS });
}
