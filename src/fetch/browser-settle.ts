import type { Page, Request } from 'playwright';

/**
 * Watches a page's requests so we can tell when client-side rendering is done.
 * Playwright's `networkidle` waits a fixed 500 ms of silence; a shorter quiet
 * window is enough for a JSON call issued from a script and keeps a page well
 * under 250 ms.
 */
export class NetworkMonitor {
  private readonly inflight = new Set<Request>();
  private idleSince: number | null = Date.now();
  private readonly listeners = new Set<() => void>();

  constructor(page: Page) {
    page.on('request', (request) => {
      this.inflight.add(request);
      this.idleSince = null;
      this.notify();
    });
    const done = (request: Request) => {
      this.inflight.delete(request);
      if (this.inflight.size === 0) this.idleSince = Date.now();
      this.notify();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  /** Resolves true once no request has been in flight for `quietMs`, false when `maxMs` runs out first. */
  quiet(quietMs: number, maxMs: number): Promise<boolean> {
    const giveUpAt = Date.now() + maxMs;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (result: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(result);
      };
      const check = () => {
        clearTimeout(timer);
        const now = Date.now();
        if (now >= giveUpAt) return finish(false);
        if (this.idleSince !== null && now - this.idleSince >= quietMs) return finish(true);
        // Re-check when the quiet window would end, or at the give-up time; requests re-arm via notify.
        const nextAt = this.idleSince === null ? giveUpAt : Math.min(giveUpAt, this.idleSince + quietMs);
        timer = setTimeout(check, Math.max(0, nextAt - now));
      };
      this.listeners.add(check);
      check();
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Selectors for a page's main content, most specific first; the body is the fallback. */
const MAIN_CONTENT = 'main, [role="main"], #main, #contenu, #content, article';

/** What to wait for, checked in the page itself. */
interface Awaited {
  selector: string;
  /** The element must also hold some text. */
  withText: boolean;
  /** With no match, the body stands in (main content on pages that mark none). */
  orBody: boolean;
  /** The DOM must then stay unchanged this long: a script may still be filling it in. */
  quietMs: number;
}

/** Waits (bounded) until the `waitFor` selector matches; false when time runs out first. */
export function selectorMatches(page: Page, selector: string, maxMs: number): Promise<boolean> {
  return waitInPage(page, { selector, withText: false, orBody: false, quietMs: 0 }, maxMs);
}

/** Waits (bounded) until the main content has text and has stopped changing for `quietMs`. */
export async function mainContentSettled(page: Page, quietMs: number, maxMs: number): Promise<boolean> {
  return waitInPage(page, { selector: MAIN_CONTENT, withText: true, orBody: true, quietMs }, maxMs).catch(() => false);
}

/**
 * Watches the DOM from the page's own world. Playwright's `waitForSelector`
 * and `waitForFunction` first compile its injected script into each new
 * document, about 100 ms of CPU a page here. A page that navigates meanwhile
 * (a challenge that reloads) is watched again in its new document.
 */
async function waitInPage(page: Page, awaited: Awaited, maxMs: number): Promise<boolean> {
  const giveUpAt = Date.now() + maxMs;
  for (;;) {
    const left = giveUpAt - Date.now();
    if (left <= 0) return false;
    try {
      return await page.evaluate(watchDom, { ...awaited, maxMs: left });
    } catch (error) {
      if (!navigatedAway(error)) throw error;
      await page.waitForLoadState('domcontentloaded', { timeout: Math.max(1, giveUpAt - Date.now()) }).catch(() => undefined);
    }
  }
}

/** Runs inside the page: true once matched (and quiet), false after `maxMs`. */
function watchDom({ selector, withText, orBody, quietMs, maxMs }: Awaited & { maxMs: number }): Promise<boolean> {
  const matches = () => {
    const element = document.querySelector(selector) ?? (orBody ? document.body : null);
    return element !== null && (!withText || (element.textContent ?? '').trim().length > 0);
  };
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: boolean) => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(giveUp);
      resolve(result);
    };
    const check = () => {
      clearTimeout(quiet);
      if (!matches()) return;
      if (quietMs <= 0) finish(true);
      else quiet = setTimeout(() => finish(true), quietMs);
    };
    const observer = new MutationObserver(check);
    const giveUp = setTimeout(() => finish(false), maxMs);
    observer.observe(document, { childList: true, subtree: true, characterData: withText });
    check();
  });
}

/** The document the wait ran in was replaced; a closed page is not this. */
function navigatedAway(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Execution context was destroyed|Cannot find context with specified id/.test(message);
}
