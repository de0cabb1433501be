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

/** Waits (bounded) until the main content has some text; false when it stays empty. */
export async function mainContentHasText(page: Page, maxMs: number): Promise<boolean> {
  if (maxMs <= 0) return false;
  try {
    await page.waitForFunction(
      (selector) => {
        const root = document.querySelector(selector) ?? document.body;
        return (root?.textContent ?? '').trim().length > 0;
      },
      MAIN_CONTENT,
      { timeout: maxMs, polling: 'raf' },
    );
    return true;
  } catch {
    return false;
  }
}
