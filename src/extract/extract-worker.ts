import type { ExtractOptions, Extraction } from './extraction.js';
import { extractWithinLimits } from './guard.js';

/** One page to read, as posted to the extraction worker. */
export interface ExtractionTask {
  html: string;
  options: ExtractOptions;
}

/**
 * The extraction worker's task (see pool.ts): the HTML parser runs in this
 * thread while the main one fetches pages and writes snapshots.
 */
export default function extractInWorker({ html, options }: ExtractionTask): Extraction {
  return extractWithinLimits(html, options);
}
