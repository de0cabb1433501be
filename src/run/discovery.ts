import type { SourceObservation } from '../compare/observation.js';
import { classifyRedirect } from '../compare/redirects.js';
import type { DiscoverDeps, Discovery, SearchStart } from '../discover/index.js';
import { mayCallForSearch, profileFor, searchStartFor } from '../discover/trigger.js';
import type { Fetcher } from '../fetch/outcome.js';
import type { GuideEntry } from '../guide/entry.js';
import type { SnapshotStore } from '../snapshot/store.js';
import type { Source } from '../sources/source.js';

export interface EntryDiscoveryDeps extends DiscoverDeps {
  store: SnapshotStore;
}

async function baselinesOf(entry: GuideEntry, sources: Source[], store: SnapshotStore) {
  const baselines = [];
  for (const source of sources) {
    const read = await store.read(entry.id, source.key, 'baseline');
    if (read.kind === 'found') baselines.push({ text: read.snapshot.text, facts: read.snapshot.meta.facts });
  }
  return baselines;
}

/** In a check: searches for the entry's new page when a source is gone, moved away, or lost its procedure. */
export async function discoverAfterCheck(entry: GuideEntry, sources: Source[], observations: SourceObservation[], deps: EntryDiscoveryDeps): Promise<Discovery | null> {
  if (!observations.some(mayCallForSearch)) return null;
  const profile = profileFor(entry, await baselinesOf(entry, sources, deps.store));
  const starts = observations.map((observation) => searchStartFor(observation, profile)).filter((start): start is SearchStart => start !== null);
  if (starts.length === 0) return null;
  // The search (and its HTML parser) loads only when a source is gone or moved: a quiet night never needs it.
  const { discoverEntry } = await import('../discover/discover-entry.js');
  return discoverEntry({ entryId: entry.id, starts, exclude: sources.map((source) => source.url), profile }, deps);
}

/**
 * `aes-watch discover`: searches whatever the entry's state. Each cited page is
 * fetched once (politely) to learn where it redirects; a page that still
 * answers as itself is not proposed as its own successor.
 */
export async function discoverOnDemand(entry: GuideEntry, sources: Source[], http: Fetcher, deps: EntryDiscoveryDeps): Promise<Discovery> {
  const profile = profileFor(entry, await baselinesOf(entry, sources, deps.store));
  const starts: SearchStart[] = [];
  const exclude = sources.map((source) => source.url);
  for (const source of sources) {
    const outcome = await http.fetch({ url: source.url, signal: deps.client.signal });
    const answered = outcome.kind === 'fetched' || outcome.kind === 'not-modified' ? outcome : null;
    if (answered && classifyRedirect(source.url, answered.finalUrl, answered.redirects).kind === 'none') exclude.push(answered.finalUrl);
    starts.push({ cited: source.url, landing: answered?.finalUrl ?? null });
  }
  // The cited pages' fetches count against the entry's page budget too.
  const { discoverEntry } = await import('../discover/discover-entry.js');
  return discoverEntry({ entryId: entry.id, starts, exclude, profile }, { ...deps, maxPages: Math.max(1, deps.maxPages - sources.length) });
}
