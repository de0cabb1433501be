import { join } from 'node:path';
import { classifyRedirect } from '../compare/redirects.js';
import { compareTexts } from '../compare/text-diff.js';
import type { SourceObservation } from '../compare/observation.js';
import { EXTRACTOR_VERSION, type Extraction } from '../extract/extraction.js';
import { extractLazily } from '../extract/lazy.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { Source } from '../sources/source.js';
import type { Snapshot, SnapshotText } from '../snapshot/schema.js';
import type { Slot, SnapshotRead, SnapshotStore } from '../snapshot/store.js';
import { acquire, type AcquireDeps } from './acquire.js';
import { describeFailure, isGoneStatus } from './describe-outcome.js';
import { sameFinding } from './finding.js';

export interface ObserveDeps extends AcquireDeps {
  store: SnapshotStore;
  clock: Clock;
  log: Logger;
  /** Corrupt snapshots moved aside, for the run's warnings. */
  warn: (message: string) => void;
}

interface Loaded {
  snapshot: SnapshotText | null;
  /** Why the stored slot could not be used (it was moved aside), or null. */
  damaged: string | null;
}

/**
 * Reads what a stored snapshot says (its raw HTML stays unread); one made by another extractor
 * version is re-extracted from its raw HTML first.
 */
async function load(source: Source, slot: Slot, deps: ObserveDeps): Promise<Loaded> {
  const read = await deps.store.readText(source.entryId, source.key, slot);
  if (read.kind !== 'found') return unusable(read, source, slot, deps);
  if (read.snapshot.meta.extractorVersion === EXTRACTOR_VERSION) return { snapshot: read.snapshot, damaged: null };
  return reextract(source, slot, deps);
}

function unusable(read: Exclude<SnapshotRead, { kind: 'found' }>, source: Source, slot: Slot, deps: ObserveDeps): Loaded {
  if (read.kind === 'missing') return { snapshot: null, damaged: null };
  if (read.kind === 'set-aside') return { snapshot: null, damaged: `the stored ${slot} snapshot was damaged and moved aside to ${read.movedTo.join(', ')}` };
  const damaged = `the stored ${slot} snapshot was damaged (${read.problem}); moved aside to ${read.movedTo.join(', ')}`;
  deps.warn(`snapshot ${source.entryId}/${source.key}/${slot}: ${damaged}`);
  return { snapshot: null, damaged };
}

/** A snapshot made by an older extractor, read whole (HTML and screenshot checked against their hashes) and read again. */
async function reextract(source: Source, slot: Slot, deps: ObserveDeps): Promise<Loaded> {
  const read = await deps.store.read(source.entryId, source.key, slot);
  if (read.kind !== 'found') return unusable(read, source, slot, deps);
  const snapshot = read.snapshot;
  const again = await extractLazily(snapshot.html, { selector: source.selector, baseUrl: snapshot.meta.finalUrl });
  if (again.kind !== 'extracted') return { snapshot, damaged: null };
  const upgraded: Snapshot = {
    html: snapshot.html,
    text: again.text,
    meta: { ...snapshot.meta, extractorVersion: EXTRACTOR_VERSION, facts: again.facts, pageUpdated: again.pageUpdated, title: again.title },
  };
  // An upgrade of aes-watch must not read as a content change: store the re-extraction.
  await deps.store.write(source.entryId, source.key, slot, upgraded, read.screenshot);
  deps.log.info({ entry: source.entryId, slot }, 're-extracted snapshot made by an older extractor');
  return { snapshot: upgraded, damaged: null };
}

export async function observeSource(source: Source, deps: ObserveDeps): Promise<SourceObservation> {
  const last = (await load(source, 'current', deps)).snapshot;
  const validators = last?.meta.fetchedWith === 'http' ? last.meta.validators : null;
  // The request needs only the current slot's validators: the reviewed baseline is read while it is out,
  // once the run's other requests have left.
  const [{ outcome, extraction }, { snapshot: baseline, damaged: baselineDamaged }] = await Promise.all([
    acquire(source, validators, deps, last),
    Promise.resolve(deps.readAfter).then(() => load(source, 'baseline', deps)),
  ]);
  const failed = (reason: 'fetch-failed' | 'extraction-failed', detail: string): SourceObservation => ({
    kind: 'failed',
    ...(extraction?.kind === 'extraction-failed' ? { extractionFailure: extraction.reason } : {}),
    url: source.url,
    reason,
    detail,
    outcome: outcome.kind,
    finalUrl: 'finalUrl' in outcome ? outcome.finalUrl : null,
    httpStatus: 'status' in outcome ? outcome.status : null,
    redirects: 'redirects' in outcome ? outcome.redirects : [],
    fetchedWith: outcome.fetchedWith,
  });

  if (outcome.kind !== 'fetched' && outcome.kind !== 'not-modified') {
    if (outcome.kind === 'http-error' && isGoneStatus(outcome.status)) {
      return { kind: 'gone', url: source.url, finalUrl: outcome.finalUrl, httpStatus: outcome.status, redirects: outcome.redirects, fetchedWith: outcome.fetchedWith, detail: `HTTP ${outcome.status} at ${outcome.finalUrl}` };
    }
    return failed('fetch-failed', describeFailure(outcome));
  }
  if (outcome.kind === 'fetched' && outcome.unknownCharsetLabel) {
    deps.warn(`${source.entryId}: ${outcome.finalUrl} declares the unknown charset "${outcome.unknownCharsetLabel}"; read as ${outcome.charset}, as a browser would`);
  }
  const redirect = classifyRedirect(source.url, outcome.finalUrl, outcome.redirects);
  if (redirect.kind === 'to-home') {
    return { kind: 'gone', url: source.url, finalUrl: outcome.finalUrl, httpStatus: outcome.status, redirects: outcome.redirects, fetchedWith: outcome.fetchedWith, detail: `redirects to the site's home or a section page (${redirect.to})` };
  }

  let current: SnapshotText;
  let storedNew = false;
  if (outcome.kind === 'not-modified') {
    if (!last) return failed('fetch-failed', 'HTTP 304 but no stored snapshot to reuse');
    current = last;
  } else {
    const read: Extraction | null = extraction;
    if (!read || read.kind !== 'extracted') {
      return failed('extraction-failed', read ? `${read.reason}: ${read.detail}` : 'nothing to extract');
    }
    const fresh: Snapshot = {
      html: outcome.html,
      text: read.text,
      meta: {
        url: source.url,
        finalUrl: outcome.finalUrl,
        httpStatus: outcome.status,
        redirects: outcome.redirects,
        fetchedWith: outcome.fetchedWith,
        capturedAt: deps.clock.now().toISOString(),
        validators: outcome.validators,
        charset: outcome.charset,
        contentType: outcome.contentType,
        title: read.title,
        pageUpdated: read.pageUpdated,
        extractorVersion: EXTRACTOR_VERSION,
        ...(source.selector ? { selector: source.selector } : {}),
        sha256: { text: '', html: '' },
        facts: read.facts,
        hasScreenshot: outcome.screenshot !== null,
      },
    };
    current = fresh;
    storedNew = !last || last.text !== fresh.text;
    // Only what the page says decides a write; how it was fetched (status, mode, time, validators) never does,
    // so an identical night leaves the snapshot files byte-identical.
    if (!last || !sameFinding(last, fresh)) await deps.store.write(source.entryId, source.key, 'current', fresh, outcome.screenshot);
  }

  return {
    kind: 'content',
    url: source.url,
    finalUrl: outcome.finalUrl,
    httpStatus: outcome.status,
    redirects: outcome.redirects,
    redirect,
    fetchedWith: outcome.fetchedWith,
    title: current.meta.title,
    pageUpdated: current.meta.pageUpdated,
    text: current.text,
    facts: current.meta.facts,
    fromBaseline: baseline ? compareTexts(baseline.text, current.text, { before: 'reviewed baseline', after: 'current page' }) : null,
    baselineText: baseline?.text ?? null,
    baselinePageUpdated: baseline?.meta.pageUpdated ?? null,
    storedNew,
    snapshotPath: join(source.entryId, source.key),
    baselineDamaged,
  };
}
