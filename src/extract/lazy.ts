import type { ExtractOptions, Extraction } from './extraction.js';

let extractor: Promise<typeof import('./guard.js')> | undefined;

/** Starts loading the HTML parser now, while requests are out: a run that will read pages needs it soon. */
export function preloadExtractor(): void {
  (extractor ??= import('./guard.js')).catch(() => undefined);
}

/**
 * `extractProcedure`, with the HTML parser (cheerio, turndown) loaded on the
 * first page that needs reading: a night where every page answers 304 never
 * loads it, and start-up stays short.
 */
export async function extractLazily(html: string, options: ExtractOptions): Promise<Extraction> {
  // Through the limits: a hostile page ends as a failed extraction, never a hang.
  const { extractWithinLimits } = await (extractor ??= import('./guard.js'));
  return extractWithinLimits(html, options);
}
