import { EXTRACTOR_VERSION, type Extraction } from '../extract/extraction.js';
import type { FetchOutcome } from '../fetch/outcome.js';
import { sha256 } from '../shared/hash.js';
import type { SnapshotText } from '../snapshot/schema.js';
import type { Source } from '../sources/source.js';

type Fetched = Extract<FetchOutcome, { kind: 'fetched' }>;

/**
 * What the stored snapshot already says about a page fetched again: when the
 * body is the very one it was made from, at the same address, fetched the same
 * way and read with the same selector by this extractor version, parsing it
 * again would give the same extraction. Null when any of that differs.
 */
export function storedExtraction(stored: SnapshotText | null, source: Source, outcome: Fetched): Extraction | null {
  if (!stored) return null;
  const { meta } = stored;
  if (meta.extractorVersion !== EXTRACTOR_VERSION || (meta.selector ?? null) !== source.selector) return null;
  // The stored HTML is known by its hash: a night that reuses what it stored never opens the file.
  if (meta.finalUrl !== outcome.finalUrl || meta.fetchedWith !== outcome.fetchedWith || meta.sha256.html !== sha256(outcome.html)) return null;
  return { kind: 'extracted', title: meta.title, pageUpdated: meta.pageUpdated, text: stored.text, facts: meta.facts, extractorVersion: meta.extractorVersion };
}
