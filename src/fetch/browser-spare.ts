import type { BrowserContext, Page } from 'playwright';

/** A fresh context with its one blank page, ready for a navigation. */
export interface FreshPage {
  context: BrowserContext;
  page: Page;
}

/**
 * Keeps one fresh, never-used page ready. Opening a page starts a renderer
 * process (most of a page's cost here), so the next one is prepared while the
 * current one loads. Pages are never reused: each is handed out once.
 */
export class SparePage {
  private spare: Promise<FreshPage | null> | null = null;
  private closed = false;

  constructor(private readonly open: () => Promise<FreshPage>) {}

  async take(): Promise<FreshPage> {
    const ready = this.spare;
    this.spare = null;
    const fresh = (ready && (await ready)) ?? (await this.open());
    if (!this.closed) this.spare ??= this.open().catch(() => null);
    return fresh;
  }

  /**
   * Stops preparing pages and closes the one in reserve once it is open (closing
   * a context mid-open hangs Playwright). Not awaited: closing the browser ends it anyway.
   */
  stop(): void {
    this.closed = true;
    void this.spare?.then((fresh) => fresh?.context.close().catch(() => undefined));
    this.spare = null;
  }
}
