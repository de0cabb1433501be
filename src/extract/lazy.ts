import { existsSync } from 'node:fs';
import type { ExtractOptions, Extraction } from './extraction.js';
import type { Extract } from './pool.js';

let extractor: Promise<Extract> | undefined;

/** Beside this module in both builds: dist/bundle/ (esbuild, scripts/bundle.mjs) and dist/src/extract/ (tsc). */
const WORKER = new URL('./extract-worker.js', import.meta.url);

let guard: Promise<typeof import('./guard.js')> | undefined;
/** Loads the HTML parser into this thread only when a page is read here. */
const inProcess: Extract = async (html, options) => (await (guard ??= import('./guard.js'))).extractWithinLimits(html, options);

async function startExtractor(): Promise<Extract> {
  // vitest runs src/*.ts, where no built worker script stands beside this file.
  if (!existsSync(WORKER)) return inProcess;
  const { extractionPool } = await import('./pool.js');
  return extractionPool({ worker: WORKER, inProcess });
}

/**
 * `extractProcedure` through its limits (guard.ts), in a worker thread
 * started on the first page that needs reading: a night where every page
 * answers 304 never starts it nor loads the HTML parser, and start-up stays
 * short. A hostile page ends as a failed extraction, never a hang.
 */
export async function extractLazily(html: string, options: ExtractOptions): Promise<Extraction> {
  return (await (extractor ??= startExtractor()))(html, options);
}
