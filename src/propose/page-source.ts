import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { classifyRedirect } from '../compare/redirects.js';
import { extractProcedure } from '../extract/extract.js';
import { EXTRACTOR_VERSION } from '../extract/extraction.js';
import type { FetchOutcome, Fetcher } from '../fetch/outcome.js';
import type { SnapshotStore } from '../snapshot/store.js';
import type { Source } from '../sources/source.js';
import type { PageReading } from './draft.js';

export type PageLookup =
  | { kind: 'page'; page: PageReading }
  | { kind: 'unavailable'; message: string }
  /** The last check found the cited page gone: its old snapshot says nothing about today. */
  | { kind: 'gone'; message: string };

/**
 * What propose reads of the last check's `reports/latest.json`: which cited
 * pages it found gone, and the successors discovery found, best first. Only
 * these fields are read, so an older or newer report still tells them.
 */
const LastCheck = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      sources: z._default(z.array(z.object({ url: z.string(), outcome: z.string(), httpStatus: z.nullable(z.number()) })), []),
      successors: z._default(z.array(z.object({ url: z.string() })), []),
    }),
  ),
});
export type LastCheck = z.infer<typeof LastCheck>;

export async function readLastCheck(reportsDir: string): Promise<LastCheck | null> {
  try {
    const parsed = LastCheck.safeParse(JSON.parse(await readFile(join(reportsDir, 'latest.json'), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function successorsOf(lastCheck: LastCheck | null, entryId: string): string[] {
  return lastCheck?.entries.find((e) => e.id === entryId)?.successors.map((s) => s.url) ?? [];
}

/** After a move the draft cites where the page now lives; otherwise the URL as cited (with its `#!` route). */
function citedUrl(url: string, finalUrl: string, redirects: { url: string; status: number }[]): string {
  return classifyRedirect(url, finalUrl, redirects).kind === 'moved' ? finalUrl : url;
}

/**
 * The entry's latest snapshot of `source` (read again if an older extractor made it).
 * A page the last run found gone is not drafted from its old snapshot.
 */
export async function pageFromSnapshot(store: SnapshotStore, source: Source, lastCheck: LastCheck | null): Promise<PageLookup> {
  const reported = lastCheck?.entries.find((e) => e.id === source.entryId)?.sources.find((s) => s.url === source.url);
  if (reported?.outcome === 'gone') {
    const status = reported.httpStatus === null ? '' : ` (HTTP ${reported.httpStatus})`;
    return { kind: 'gone', message: `${source.url} is gone${status} since the last check, and discovery found no successor; pass --source <URL> with the page that replaced it` };
  }
  const read = await store.read(source.entryId, source.key, 'current');
  if (read.kind !== 'found') {
    const why = read.kind === 'damaged' || read.kind === 'set-aside' ? `its snapshot was damaged (moved aside to ${read.movedTo.join(', ')})` : 'no snapshot yet';
    return { kind: 'unavailable', message: `${source.url}: ${why}; run \`aes-watch check --only ${source.entryId}\` first, or pass --source <URL>` };
  }
  const { meta, html, text } = read.snapshot;
  const again = meta.extractorVersion === EXTRACTOR_VERSION ? null : extractProcedure(html, { selector: source.selector, baseUrl: meta.finalUrl });
  const reading = again?.kind === 'extracted' ? again : { text, facts: meta.facts };
  return { kind: 'page', page: { url: citedUrl(source.url, meta.finalUrl, meta.redirects), text: reading.text, facts: reading.facts } };
}

function failure(outcome: FetchOutcome): string {
  if (outcome.kind === 'http-error') return `HTTP ${outcome.status}`;
  if (outcome.kind === 'network-error') return `network error ${outcome.code}`;
  if (outcome.kind === 'timeout') return `no answer within ${outcome.afterMs} ms`;
  if (outcome.kind === 'too-large') return 'page too large';
  if (outcome.kind === 'browser-unavailable') return outcome.message;
  return outcome.kind;
}

/**
 * Fetches the page given with `--source`: plain HTTP first, the browser when
 * the URL has a `#!` route or HTTP shows no procedure (as `check` does in `auto`).
 */
export async function pageFromUrl(source: Source, http: Fetcher, browser: () => Fetcher): Promise<PageLookup> {
  const read = async (fetcher: Fetcher) => {
    const outcome = await fetcher.fetch({ url: source.url, waitFor: source.waitFor });
    const extraction = outcome.kind === 'fetched' ? extractProcedure(outcome.html, { selector: source.selector, baseUrl: outcome.finalUrl }) : null;
    return { outcome, extraction };
  };
  let got = source.mode === 'browser' ? await read(browser()) : await read(http);
  const unreadable = got.outcome.kind === 'fetched' && (source.clientRoute !== null || got.extraction?.kind !== 'extracted');
  if (source.mode === 'auto' && unreadable) got = await read(browser());
  const { outcome, extraction } = got;
  if (outcome.kind !== 'fetched') return { kind: 'unavailable', message: `--source ${source.url}: ${failure(outcome)}` };
  if (classifyRedirect(source.url, outcome.finalUrl, outcome.redirects).kind === 'to-home') {
    return { kind: 'unavailable', message: `--source ${source.url}: redirects to the site's home or a section page (${outcome.finalUrl})` };
  }
  if (extraction?.kind !== 'extracted') {
    return { kind: 'unavailable', message: `--source ${source.url}: no procedure on the page (${extraction?.detail ?? 'nothing to read'})` };
  }
  return { kind: 'page', page: { url: citedUrl(source.url, outcome.finalUrl, outcome.redirects), text: extraction.text, facts: extraction.facts } };
}
