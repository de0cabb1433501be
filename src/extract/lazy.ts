import type { ExtractOptions, Extraction } from './extraction.js';

let extractor: Promise<typeof import('./extract.js')> | undefined;

/**
 * `extractProcedure`, with the HTML parser (cheerio, turndown) loaded on the
 * first page that needs reading: a night where every page answers 304 never
 * loads it, and start-up stays short.
 */
export async function extractLazily(html: string, options: ExtractOptions): Promise<Extraction> {
  const { extractProcedure } = await (extractor ??= import('./extract.js'));
  return extractProcedure(html, options);
}
