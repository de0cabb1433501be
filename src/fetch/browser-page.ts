import type { Browser, BrowserContext, Page, Response } from 'playwright';
import type { FetchOutcome, FetchRequest, Hop } from './outcome.js';
import { mainContentSettled, NetworkMonitor, selectorMatches } from './browser-settle.js';
import type { FreshPage } from './browser-spare.js';
import { parseRetryAfter } from './retry-policy.js';

export interface PageFetchOptions {
  timeoutMs: number;
  userAgent: string;
  /** Cap on the best-effort wait for rendering when no `waitFor` selector is given (default 3 s). */
  settleMaxMs?: number;
}

/** Resource types that never carry procedure text: blocking them saves bandwidth and time. */
const BLOCKED_RESOURCES = new Set(['image', 'font', 'media']);
/** Silence, on the network and then in the DOM, after which client-side rendering is taken as done. */
const QUIET_MS = 60;
/** Without a `waitFor` selector, waiting for rendering is best-effort and capped. */
const SETTLE_MAX_MS = 3_000;
/** Screenshots of endless pages are cut here to keep the PNG a reasonable size. */
const MAX_SCREENSHOT_HEIGHT = 8_000;
const VIEWPORT = { width: 1280, height: 800 };
/**
 * The timeout is the page's budget, counted from navigation. Our own work
 * (context, page, screenshot) gets this much more before the guard gives up
 * on a Chromium that stopped answering.
 */
const CHROMIUM_GRACE_MS = 10_000;

/** A fresh context (French, our User-Agent, images/fonts/media blocked) with one blank page. */
export async function openFreshPage(browser: Browser, options: PageFetchOptions): Promise<FreshPage> {
  const context = await browser.newContext({
    userAgent: options.userAgent,
    locale: 'fr-FR',
    extraHTTPHeaders: { 'Accept-Language': 'fr' },
    serviceWorkers: 'block',
    viewport: VIEWPORT,
  });
  try {
    await context.route('**/*', (route) => {
      const routed = route.request();
      if (BLOCKED_RESOURCES.has(routed.resourceType())) return route.abort('blockedbyclient');
      // The locale would otherwise send "fr-FR"; sites are asked in plain French, as the HTTP fetcher does.
      return route.continue({ headers: { ...routed.headers(), 'accept-language': 'fr' } });
    });
    return { context, page: await context.newPage() };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** Shared between the visit and its guard, so a late step can see the fetch is already over. */
interface VisitState {
  context: BrowserContext | null;
  page: Page | null;
  over: boolean;
}

class VisitOver extends Error {}

/**
 * One page in a fresh context. The guard answers `timeout` (or `ABORTED`) on
 * time even if Chromium is slow to react; the visit then cleans up behind it.
 */
export async function fetchPageInBrowser(
  freshPage: () => Promise<FreshPage>,
  request: FetchRequest,
  options: PageFetchOptions,
): Promise<FetchOutcome> {
  const { url, signal } = request;
  if (signal?.aborted) return aborted(url);
  const state: VisitState = { context: null, page: null, over: false };
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const end = (outcome: FetchOutcome, resolve: (o: FetchOutcome) => void) => {
    state.over = true;
    // Closing a context while `newPage` is pending leaves `newPage` hanging forever: close only once a page exists.
    if (state.page) void state.context?.close().catch(() => undefined);
    resolve(outcome);
  };
  const guard = new Promise<FetchOutcome>((resolve) => {
    const timeout = { kind: 'timeout', url, afterMs: options.timeoutMs, fetchedWith: 'browser' } as const;
    timer = setTimeout(() => end(timeout, resolve), options.timeoutMs + CHROMIUM_GRACE_MS);
    onAbort = () => end(aborted(url), resolve);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([visit(freshPage, request, options, state), guard]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** Never rejects: every failure becomes an outcome. */
async function visit(
  freshPage: () => Promise<FreshPage>,
  request: FetchRequest,
  options: PageFetchOptions,
  state: VisitState,
): Promise<FetchOutcome> {
  const { url } = request;
  let deadline = Date.now() + options.timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const check = () => {
    if (state.over) throw new VisitOver();
  };
  try {
    const fresh = await freshPage();
    state.context = fresh.context;
    state.page = fresh.page;
    check();
    const page = state.page;
    const network = new NetworkMonitor(page);
    deadline = Date.now() + options.timeoutMs;
    // The full URL: a `#!` route is what the page's scripts read to decide what to render.
    // Not `load`: a stalled tracker script must not turn a readable page into a timeout.
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() });
    const redirects = response ? await redirectChain(response) : [];
    const status = response?.status() ?? 200;
    if (status >= 400) {
      return {
        kind: 'http-error',
        status,
        retryAfterSeconds: parseRetryAfter(response?.headers()['retry-after'] ?? null, new Date()),
        redirects,
        finalUrl: page.url(),
        fetchedWith: 'browser',
      };
    }
    if (request.waitFor) {
      if (!(await selectorMatches(page, request.waitFor, remaining()))) return timedOut(url, options);
    } else {
      // One budget for all three waits: a stalled tracker must not cost it three times over.
      const settleBy = Date.now() + Math.min(remaining(), options.settleMaxMs ?? SETTLE_MAX_MS);
      const settleLeft = () => Math.max(1, settleBy - Date.now());
      await page.waitForLoadState('load', { timeout: settleLeft() }).catch(() => undefined);
      await network.quiet(QUIET_MS, settleLeft());
      await mainContentSettled(page, QUIET_MS, settleLeft());
    }
    check();
    const [html, screenshot] = await Promise.all([readHtml(page), takeScreenshot(page)]);
    return {
      kind: 'fetched',
      status,
      html,
      finalUrl: page.url(),
      redirects,
      charset: 'utf-8',
      contentType: response?.headers()['content-type'] ?? null,
      validators: { etag: null, lastModified: null },
      fetchedWith: 'browser',
      screenshot,
    };
  } catch (error) {
    // When `state.over`, the guard has already answered and this value is dropped.
    if (state.over || isTimeout(error)) return timedOut(url, options);
    return networkError(url, error);
  } finally {
    await state.context?.close().catch(() => undefined);
  }
}

/** Cited URL first, final URL excluded, as the HTTP fetcher reports it. */
async function redirectChain(response: Response): Promise<Hop[]> {
  const hops: Hop[] = [];
  let previous = response.request().redirectedFrom();
  while (previous) {
    const answer = await previous.response();
    hops.unshift({ url: previous.url(), status: answer?.status() ?? 0 });
    previous = previous.redirectedFrom();
  }
  return hops;
}

/**
 * What `page.content()` returns, read in the page's own world: `content()`
 * first builds an isolated world, which costs ~100 ms a page here.
 */
function readHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
    return doctype + (document.documentElement?.outerHTML ?? '');
  });
}

/**
 * A PNG of the whole page, cut at MAX_SCREENSHOT_HEIGHT. Straight through the
 * DevTools protocol: Playwright's full-page screenshot first hides the caret
 * and measures the page with its injected script, about 60 ms of CPU more.
 */
async function takeScreenshot(page: Page): Promise<Uint8Array> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const clip = { x: 0, y: 0, width: VIEWPORT.width, height: Math.min(Math.max(height, 1), MAX_SCREENSHOT_HEIGHT), scale: 1 };
  const session = await page.context().newCDPSession(page);
  try {
    const { data } = await session.send('Page.captureScreenshot', { format: 'png', clip, captureBeyondViewport: true });
    return new Uint8Array(Buffer.from(data, 'base64'));
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** Chromium reports navigation failures as `net::ERR_...`; that code is the useful part. */
function networkError(url: string, error: unknown): FetchOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const code = /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? 'BROWSER_ERROR';
  return { kind: 'network-error', url, code, message: message.split('\n')[0] ?? message, fetchedWith: 'browser' };
}

function timedOut(url: string, options: PageFetchOptions): FetchOutcome {
  return { kind: 'timeout', url, afterMs: options.timeoutMs, fetchedWith: 'browser' };
}

/** Same code as the HTTP fetcher's: the caller's signal ended the fetch, not the network. */
function aborted(url: string): FetchOutcome {
  return { kind: 'network-error', url, code: 'ABORTED', message: 'the fetch was aborted', fetchedWith: 'browser' };
}
