import { parentPort } from 'node:worker_threads';
import { extractWithinLimits } from './guard.js';
import type { ExtractionReply, ExtractionRequest } from './workers.js';

// The body of an extraction worker (bundled as dist/bundle/extract-worker.js): pages in, extractions out.
parentPort?.on('message', ({ id, html, options }: ExtractionRequest) => {
  const reply: ExtractionReply = { id, extraction: extractWithinLimits(html, options) };
  parentPort?.postMessage(reply);
});
