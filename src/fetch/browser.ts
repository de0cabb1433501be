import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { Browser } from 'playwright';
import type { Logger } from '../shared/log.js';
import { launchChromium } from './browser-launch.js';
import { fetchPageInBrowser, openFreshPage } from './browser-page.js';
import { SparePage } from './browser-spare.js';
import { INSTALL_HINT, locateBrowser, type BrowserLookup } from './locate-browser.js';
import type { Fetcher, FetchOutcome, FetchRequest } from './outcome.js';

export interface BrowserFetcherOptions {
  timeoutMs: number;
  userAgent: string;
  env: NodeJS.ProcessEnv;
  log?: Logger;
  headless?: true;
  /** Cap on the best-effort wait for client-side rendering without a `waitFor` selector (default 3 s). */
  settleMaxMs?: number;
  /** Pages open at once, at most (default DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** Where to look for Chromium after the env override (tests make it come up empty). */
  lookup?: Partial<BrowserLookup>;
}

export type BrowserFetcher = Fetcher & {
  /** How many times Chromium was started: 0 when no fetch needed it, never more than 1. */
  launches(): number;
  close(): Promise<void>;
};

/** One page per CPU, at least 2: pages are CPU-bound in Chromium, and more only stretch each towards its timeout. */
export const DEFAULT_MAX_PAGES = Math.max(2, availableParallelism());

const CLOSED = 'the browser fetcher was already closed';

type Session = { kind: 'ready'; browser: Browser; spare: SparePage } | { kind: 'unavailable'; message: string };

/**
 * Fetches pages in one shared headless Chromium, started lazily on the first
 * fetch. Concurrent fetches run as parallel pages of that one browser.
 */
export function createBrowserFetcher(options: BrowserFetcherOptions): BrowserFetcher {
  let launches = 0;
  let session: Promise<Session> | null = null;
  let closed = false;
  const pages = pLimit(options.maxPages ?? DEFAULT_MAX_PAGES);

  async function start(): Promise<Session> {
    const location = await locateBrowser(options.env, options.lookup);
    if (location.kind === 'missing') {
      options.log?.warn({ reason: location.message }, 'browser unavailable');
      return { kind: 'unavailable', message: location.message };
    }
    launches += 1;
    try {
      const browser = await launchChromium(location);
      options.log?.debug({ path: location.path, source: location.source, version: browser.version() }, 'browser started');
      browser.on('disconnected', () => {
        if (!closed) options.log?.warn({ path: location.path }, 'browser exited unexpectedly');
      });
      const spare = new SparePage(() => openFreshPage(browser, options));
      return { kind: 'ready', browser, spare };
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      const message = `could not start Chromium at ${location.path} (${detail}); ${INSTALL_HINT}`;
      options.log?.warn({ path: location.path }, message);
      return { kind: 'unavailable', message };
    }
  }

  return {
    launches: () => launches,

    async fetch(request: FetchRequest): Promise<FetchOutcome> {
      if (closed) return unavailable(request.url, CLOSED);
      session ??= start(); // single flight: concurrent first calls share this one launch
      const current = await session;
      if (current.kind === 'unavailable') return unavailable(request.url, current.message);
      // Checked once the page's turn comes: the run may have closed the browser, or Chromium died, meanwhile.
      return pages(() => {
        if (closed) return unavailable(request.url, CLOSED);
        if (!current.browser.isConnected()) return unavailable(request.url, 'Chromium exited during the run');
        return fetchPageInBrowser(() => current.spare.take(), request, options);
      });
    },

    async close(): Promise<void> {
      closed = true;
      if (!session) return;
      const current = await session;
      if (current.kind !== 'ready') return;
      try {
        current.spare.stop();
        await current.browser.close();
      } catch (error) {
        options.log?.warn({ err: error }, 'closing the browser failed');
      }
    },
  };
}

function unavailable(url: string, message: string): FetchOutcome {
  return { kind: 'browser-unavailable', url, message, fetchedWith: 'browser' };
}
