import { Worker } from 'node:worker_threads';
import type { ExtractOptions, Extraction } from './extraction.js';

export interface ExtractionRequest {
  id: number;
  html: string;
  options: ExtractOptions;
}

export interface ExtractionReply {
  id: number;
  extraction: Extraction;
}

interface Pending {
  html: string;
  options: ExtractOptions;
  resolve: (extraction: Extraction | Promise<Extraction>) => void;
  worker: Worker;
}

/** Reads a page in this thread: the fallback when no worker can take it. */
export type ExtractHere = (html: string, options: ExtractOptions) => Promise<Extraction>;

/**
 * Extraction threads. Reading a page is pure CPU (parse, clean, Markdown,
 * facts), so on a machine with a spare core the first run of a guide reads
 * pages there while this thread fetches, stores and compares. Pages are
 * dealt round-robin; a worker that fails or stops hands its pages back to
 * `here`, so a broken worker costs time, never a verdict. Idle workers do
 * not keep the process alive.
 */
export class ExtractionWorkers {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  /** Pages each worker holds: a worker with none is unref'd, so it never keeps the process alive. */
  private readonly held = new Map<Worker, number>();
  private nextId = 1;
  private broken = false;

  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly here: ExtractHere,
  ) {}

  extract(html: string, options: ExtractOptions): Promise<Extraction> {
    if (this.broken) return this.here(html, options);
    const worker = this.pick();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { html, options, resolve, worker });
      this.held.set(worker, (this.held.get(worker) ?? 0) + 1);
      worker.ref();
      const request: ExtractionRequest = { id, html, options };
      worker.postMessage(request);
    });
  }

  private pick(): Worker {
    if (this.workers.length < this.size) return this.spawn();
    return this.workers[(this.nextId - 1) % this.workers.length]!;
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.on('message', ({ id, extraction }: ExtractionReply) => {
      const job = this.pending.get(id);
      if (!job) return;
      this.pending.delete(id);
      job.resolve(extraction);
      const left = (this.held.get(worker) ?? 1) - 1;
      this.held.set(worker, left);
      if (left === 0) worker.unref();
    });
    // Once one worker fails, every page is read here: the same extraction, only slower.
    const fail = () => {
      this.broken = true;
      for (const [id, job] of this.pending) {
        if (job.worker !== worker) continue;
        this.pending.delete(id);
        job.resolve(this.here(job.html, job.options));
      }
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    this.workers.push(worker);
    return worker;
  }
}
