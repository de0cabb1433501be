import type { Fact } from '../facts/fact.js';
import type { FetchedWith, Hop } from '../fetch/outcome.js';
import type { TextComparison } from './text-diff.js';
import type { RedirectClass } from './redirects.js';
import type { DocumentObservation, FormObservation } from './linked.js';

/** What the fetch and extract stages learnt about one source, ready to judge. */
export type SourceObservation =
  | {
      kind: 'content';
      url: string;
      finalUrl: string;
      httpStatus: number;
      redirects: Hop[];
      redirect: RedirectClass;
      fetchedWith: FetchedWith;
      title: string | null;
      pageUpdated: string | null;
      text: string;
      facts: Fact[];
      /** Against the reviewed baseline; null when there is none yet. */
      fromBaseline: TextComparison | null;
      baselineText: string | null;
      baselinePageUpdated: string | null;
      /** A new snapshot was stored this run (content differs from the last one, or there was none). */
      storedNew: boolean;
      snapshotPath: string;
      /** The reviewed baseline could not be read and was moved aside: why, for the editor. */
      baselineDamaged?: string | null;
      /** What the page links to: documents (compared with their baselines) and online forms. */
      documents?: DocumentObservation[];
      forms?: FormObservation[];
    }
  | {
      kind: 'gone';
      url: string;
      finalUrl: string;
      httpStatus: number;
      redirects: Hop[];
      fetchedWith: FetchedWith;
      detail: string;
    }
  | {
      kind: 'failed';
      url: string;
      reason: 'fetch-failed' | 'extraction-failed';
      /** Why extraction failed, when it did: `empty` means the procedure is no longer on the page. */
      extractionFailure?: 'challenge' | 'empty' | 'selector-missing' | 'unreadable';
      detail: string;
      outcome: string;
      finalUrl: string | null;
      httpStatus: number | null;
      redirects: Hop[];
      fetchedWith: FetchedWith | null;
    };
