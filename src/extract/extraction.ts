import type { Fact } from '../facts/fact.js';

/** Bump when extraction output changes for the same HTML: stored baselines are re-extracted. */
export const EXTRACTOR_VERSION = 2;

export interface ExtractOptions {
  /** CSS selector for the main content, from the entry's configuration. */
  selector?: string | null;
  /** The page's URL, to resolve relative links. */
  baseUrl: string;
}

export type Extraction =
  | {
      kind: 'extracted';
      title: string | null;
      /** ISO date of the page's own "Mis à jour le" / "Publié le" / "Vérifié le". */
      pageUpdated: string | null;
      /** The procedure as stable Markdown: headings, lists and link targets kept, noise dropped. */
      text: string;
      facts: Fact[];
      extractorVersion: number;
    }
  | {
      kind: 'extraction-failed';
      reason: 'challenge' | 'empty' | 'selector-missing' | 'unreadable';
      detail: string;
    };
