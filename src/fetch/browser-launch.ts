import type { Browser } from 'playwright';
import type { BrowserLocation } from './locate-browser.js';

/** Flags for a quiet, headless Chromium: no sandbox (containers), no background traffic, no QUIC. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/** Starting Chromium is slow on a cold machine; this does not count against a page's timeout. */
const LAUNCH_TIMEOUT_MS = 60_000;

/** Playwright is imported here, lazily, so `aes-watch --help` and HTTP-only runs never load it. */
export async function launchChromium(location: Extract<BrowserLocation, { kind: 'found' }>): Promise<Browser> {
  const { chromium } = await import('playwright');
  return chromium.launch({
    // Left to Playwright for its own browsers: headless, it then runs its lighter headless shell.
    executablePath: location.source === 'playwright' ? undefined : location.path,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: LAUNCH_TIMEOUT_MS,
    // Playwright's own handlers would kill the test runner or CLI on signals; the fetcher closes explicitly.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
