import { availableParallelism } from 'node:os';
import type { ExtractOptions, Extraction } from './extraction.js';
import { ExtractionWorkers, type ExtractHere } from './workers.js';

/** Set by the bundle (scripts/bundle.mjs): the extraction worker script, beside the chunks. */
declare const __AES_EXTRACT_WORKER__: string | undefined;
/**
 * The worker script: the bundle's, or worker.js beside this file when it is
 * compiled JavaScript. Run from TypeScript source (the tests), there is none.
 */
const WORKER_SCRIPT =
  typeof __AES_EXTRACT_WORKER__ === 'string' ? new URL(__AES_EXTRACT_WORKER__, import.meta.url) : import.meta.url.endsWith('.js') ? new URL('./worker.js', import.meta.url) : null;
/** More threads than this only queue behind the fetches and the disk. */
const MAX_WORKERS = 4;

let extractor: Promise<typeof import('./guard.js')> | undefined;

/** In this thread, with the HTML parser loaded on the first page that needs it. */
const extractHere: ExtractHere = async (html, options) => {
  // Through the limits: a hostile page ends as a failed extraction, never a hang.
  const { extractWithinLimits } = await (extractor ??= import('./guard.js'));
  return extractWithinLimits(html, options);
};

/** `AES_WATCH_EXTRACT_WORKERS` (0 reads every page in the main thread), else one thread per spare CPU. */
export function extractionWorkerCount(env: NodeJS.ProcessEnv, cpus: number): number {
  const asked = env.AES_WATCH_EXTRACT_WORKERS?.trim();
  if (asked && /^\d+$/.test(asked)) return Math.min(Number(asked), MAX_WORKERS);
  return Math.max(0, Math.min(cpus - 1, MAX_WORKERS));
}

let workers: ExtractionWorkers | null | undefined;

/**
 * `extractProcedure`, loaded on the first page that needs reading: a night
 * where every page answers 304 starts no thread and never loads the HTML
 * parser (cheerio, turndown). Built, aes-watch reads pages in worker threads
 * when the machine has a spare CPU; run from source (the tests), and on one
 * CPU, pages are read here. Both give the same Extraction.
 */
export function extractLazily(html: string, options: ExtractOptions): Promise<Extraction> {
  if (workers === undefined) {
    const count = WORKER_SCRIPT ? extractionWorkerCount(process.env, availableParallelism()) : 0;
    workers = WORKER_SCRIPT && count > 0 ? new ExtractionWorkers(WORKER_SCRIPT, count, extractHere) : null;
  }
  return workers ? workers.extract(html, options) : extractHere(html, options);
}
