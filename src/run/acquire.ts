import type { Extraction } from '../extract/extraction.js';
import { extractLazily } from '../extract/lazy.js';
import type { FetchOutcome, Fetcher, Validators } from '../fetch/outcome.js';
import type { SnapshotText } from '../snapshot/schema.js';
import type { Source } from '../sources/source.js';
import { classifyRedirect } from '../compare/redirects.js';
import { storedExtraction } from './reuse.js';

/** A fetch outcome with, when there was a page to read, what extraction made of it. */
export interface Acquired {
  outcome: FetchOutcome;
  extraction: Extraction | null;
}

export interface AcquireDeps {
  http: Fetcher;
  /** Created on first use: a run with no browser source never starts a browser. */
  browser: () => Fetcher;
  signal?: AbortSignal;
  /**
   * Settles once every entry of the run has made its request. Fetched pages and stored baselines
   * are read after it (and so entries are judged after it): that is the CPU's long work, and the
   * requests still to leave would wait behind it.
   */
  readAfter?: Promise<unknown>;
}

const BOT_BLOCK_STATUSES = new Set([403, 406]);

/** A body unchanged since the stored snapshot reuses its extraction: no parsing. */
async function read(outcome: FetchOutcome, source: Source, stored: SnapshotText | null, after?: Promise<unknown>): Promise<Extraction | null> {
  if (outcome.kind !== 'fetched') return null;
  const reused = storedExtraction(stored, source, outcome);
  if (reused) return reused;
  await after;
  return extractLazily(outcome.html, { selector: source.selector, baseUrl: outcome.finalUrl });
}

/**
 * Fetches a source in its mode. `auto` tries plain HTTP first (cheap, polite,
 * conditional) and switches to the browser only when HTTP cannot see the
 * procedure: a `#!` client route, nothing extractable, or bot blocking.
 */
export async function acquire(source: Source, validators: Validators | null, deps: AcquireDeps, stored: SnapshotText | null = null): Promise<Acquired> {
  const viaBrowser = async (): Promise<Acquired> => {
    const outcome = await deps.browser().fetch({ url: source.url, waitFor: source.waitFor, signal: deps.signal });
    return { outcome, extraction: await read(outcome, source, stored, deps.readAfter) };
  };
  if (source.mode === 'browser') return viaBrowser();

  const outcome = await deps.http.fetch({ url: source.url, validators, signal: deps.signal });
  const viaHttp: Acquired = { outcome, extraction: await read(outcome, source, stored, deps.readAfter) };
  if (source.mode === 'http') return viaHttp;

  const blocked = outcome.kind === 'http-error' && BOT_BLOCK_STATUSES.has(outcome.status);
  const unreadable = outcome.kind === 'fetched' && (source.clientRoute !== null || viaHttp.extraction?.kind !== 'extracted');
  if (!blocked && !unreadable) return viaHttp;
  // A dead link stays dead in a browser; do not start one to learn that again.
  if (outcome.kind === 'fetched' && classifyRedirect(source.url, outcome.finalUrl, outcome.redirects).kind === 'to-home') return viaHttp;
  if (deps.signal?.aborted) return viaHttp;
  return viaBrowser();
}
