import type { GuideEntry } from '../guide/entry.js';
import type { EntryReport } from '../report/schema.js';
import type { Source } from '../sources/source.js';
import type { EntryDeps } from './judge-entry.js';
import { observeSource } from './observe.js';

export type { EntryDeps } from './judge-entry.js';

/** Fetches, extracts, stores and judges every source of one guide entry. */
export async function checkEntry(entry: GuideEntry, sources: Source[], deps: EntryDeps): Promise<EntryReport> {
  const pages = await Promise.all(
    sources.map((source) => observeSource(source, deps)),
  );
  // Judging loads when the first pages are in: the first requests leave without waiting for its code.
  const { judgeObserved } = await import('./judge-entry.js');
  return judgeObserved(entry, sources, pages, deps);
}
