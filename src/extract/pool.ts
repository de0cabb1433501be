import { Piscina } from 'piscina';
import pLimit from 'p-limit';
import type { ExtractionTask } from './extract-worker.js';
import type { ExtractOptions, Extraction } from './extraction.js';

/**
 * How long one page may take to read, from the moment a worker is ready for
 * it. Real pages take milliseconds; a page within the limits of guard.ts can
 * still take minutes (some thousands of download links), which would hold the
 * whole run.
 */
export const PAGE_TIME_LIMIT_MS = 30_000;

export type Extract = (html: string, options: ExtractOptions) => Promise<Extraction>;

export interface PoolOptions {
  /** The built worker script (extract-worker.ts). */
  worker: URL;
  /** Reads a page in this thread: for when no worker can start at all. */
  inProcess: Extract;
  timeLimitMs?: number;
}

const unreadable = (detail: string): Extraction => ({ kind: 'extraction-failed', reason: 'unreadable', detail });

/**
 * Reads pages in one worker thread, so the parsing overlaps the fetching and
 * the store work of the main thread. The worker starts with the first page.
 *
 * - A worker that stops while reading a page (a crash, the time limit) makes
 *   that page unreadable, as a page that makes the extractor throw is; the
 *   next page gets a new worker. Reading that page again in this thread could
 *   crash or hang the run itself.
 * - A worker that fails to start (its script fails or exits while loading,
 *   now or after a crash) says nothing of the page: that page and the rest
 *   are read in this thread.
 *
 * Pages go one at a time, so a page's time limit counts its own reading, not
 * a queue. An idle worker does not keep the process alive (Piscina unrefs it):
 * a run ends when its work does, as it did without a worker.
 */
export function extractionPool({ worker, inProcess, timeLimitMs = PAGE_TIME_LIMIT_MS }: PoolOptions): Extract {
  const pool = new Piscina<ExtractionTask, Extraction>({
    // A file: URL. Piscina loads it with require() (an ES module too, since Node 20.19 and 22.12), else import().
    filename: worker.href,
    minThreads: 0,
    maxThreads: 1,
    // Keep the worker between pages; this timer is unref'd, it never holds a run open.
    idleTimeout: 60_000,
    recordTiming: false,
  });
  let ready = false;
  /** Set while a page waits for a worker to get ready. */
  let onReady: (() => void) | null = null;
  pool.on('workerCreate', () => {
    ready = true;
    const start = onReady;
    onReady = null;
    start?.();
  });
  let inThisThread = false;
  const giveUp = () => {
    if (inThisThread) return;
    inThisThread = true;
    // Fails the page waiting for a worker, which then goes to this thread.
    pool.destroy().catch(() => undefined);
  };
  pool.on('workerDestroy', () => {
    ready = false;
    // A worker gone while a page waits for it failed to start; Piscina would leave the page waiting.
    if (onReady) setImmediate(giveUp);
  });
  // A worker error outside a task would otherwise be an unhandled 'error' event; tasks report their own.
  pool.on('error', () => undefined);
  const oneAtATime = pLimit(1);

  const read = async (html: string, options: ExtractOptions): Promise<Extraction> => {
    if (inThisThread) return inProcess(html, options);
    const limit = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const startClock = () => (timer = setTimeout(() => limit.abort(), timeLimitMs).unref());
    // The clock starts when a worker is ready: starting one (after a crash too) is not the page's time.
    if (ready) startClock();
    else onReady = startClock;
    try {
      return await pool.run({ html, options }, { signal: limit.signal });
    } catch (error) {
      if (limit.signal.aborted) return unreadable(`reading the page took more than ${timeLimitMs / 1000} s; aes-watch stopped it`);
      // The page never reached a worker: none can start.
      if (inThisThread || timer === undefined) {
        giveUp();
        return inProcess(html, options);
      }
      return unreadable(`the page could not be read (the extraction worker stopped: ${(error as Error).message})`);
    } finally {
      onReady = null;
      clearTimeout(timer);
    }
  };
  return (html, options) => oneAtATime(() => read(html, options));
}
