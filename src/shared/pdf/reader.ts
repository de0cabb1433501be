import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PDF_WORKER_SOURCE } from './worker-source.js';

/** One run of text as pdf.js places it on the page (PDF units, origin bottom-left). */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** pdf.js saw a line end after this item. */
  eol: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export type PdfProblem = 'truncated' | 'encrypted' | 'invalid' | 'timeout' | 'crashed';
export type PdfRead = { kind: 'read'; pages: PdfPage[] } | { kind: 'failed'; problem: PdfProblem; detail: string };

export interface PdfReadOptions {
  /** Per-document limit; a PDF that takes longer fails alone. Default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 10_000;
/** A PDF bomb stops at this heap size instead of taking the whole run down. */
const WORKER_HEAP_MB = 512;

interface Job {
  bytes: Uint8Array;
  timeoutMs: number;
  resolve: (read: PdfRead) => void;
}

type WorkerReply = { id: number; kind: 'read'; pages: PdfPage[] } | { id: number; kind: 'error'; name: string; message: string };

/** A complete PDF ends with "%%EOF" (give or take trailing whitespace and junk). */
export function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return !tail.includes('%%EOF');
}

export const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');

function failureOf(name: string, message: string): PdfRead {
  if (name === 'PasswordException') return { kind: 'failed', problem: 'encrypted', detail: 'the PDF is protected by a password: its text cannot be read' };
  return { kind: 'failed', problem: 'invalid', detail: `not a readable PDF (${message})` };
}

const pdfjsUrl = (): string => pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;

/**
 * pdf.js runs in worker threads: a PDF that hangs is stopped at its time limit
 * and one that crashes (or exhausts its heap) kills only its worker; either way
 * only that document fails. Idle workers do not keep the process alive.
 */
class PdfWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private busy = 0;
  private nextId = 1;

  constructor(private readonly size: number) {}

  read(job: Job): void {
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0 && this.busy < this.size) {
      const job = this.queue.shift() as Job;
      this.busy += 1;
      this.run(this.idle.pop() ?? this.spawn(), job);
    }
  }

  private spawn(): Worker {
    return new Worker(PDF_WORKER_SOURCE, {
      eval: true,
      workerData: { pdfjsUrl: pdfjsUrl() },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: true,
      stderr: true,
    });
  }

  private run(worker: Worker, job: Job): void {
    const id = this.nextId++;
    worker.ref();
    let settled = false;
    const finish = (read: PdfRead, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.busy -= 1;
      if (reusable) {
        worker.unref();
        this.idle.push(worker);
      } else {
        void worker.terminate();
      }
      job.resolve(read);
      this.pump();
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      finish(reply.kind === 'read' ? { kind: 'read', pages: reply.pages } : failureOf(reply.name, reply.message), true);
    };
    const onError = (error: Error) => finish({ kind: 'failed', problem: 'crashed', detail: `the PDF reader crashed (${error.message})` }, false);
    const onExit = (code: number) => finish({ kind: 'failed', problem: 'crashed', detail: `the PDF reader stopped (exit code ${code})` }, false);
    const timer = setTimeout(
      () => finish({ kind: 'failed', problem: 'timeout', detail: `reading the PDF took longer than ${job.timeoutMs} ms` }, false),
      job.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // A copy the worker owns: the caller keeps its bytes (they are stored as the snapshot file).
    const copy = new Uint8Array(job.bytes);
    worker.postMessage({ id, bytes: copy }, [copy.buffer]);
  }
}

let pool: PdfWorkerPool | null = null;

/** The positioned text of a PDF, or why it cannot be read. Never throws. */
export function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfRead> {
  if (!isPdf(bytes)) return Promise.resolve({ kind: 'failed', problem: 'invalid', detail: 'not a PDF (no %PDF- header)' });
  if (looksTruncated(bytes)) {
    return Promise.resolve({ kind: 'failed', problem: 'truncated', detail: `the PDF is truncated: its ${bytes.length} bytes end before the end-of-file marker (%%EOF)` });
  }
  pool ??= new PdfWorkerPool(Math.max(1, Math.min(2, availableParallelism())));
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  return new Promise((resolve) => pool?.read({ bytes, timeoutMs, resolve }));
}
