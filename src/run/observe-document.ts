import { join } from 'node:path';
import { compareTexts } from '../compare/text-diff.js';
import type { DocumentObservation } from '../compare/linked.js';
import { DOCUMENT_READER_VERSION, readDocumentText } from '../extract/document-text.js';
import { isPdf } from '../shared/pdf/reader.js';
import type { Slot } from '../snapshot/store.js';
import { documentHash, type StoredDocument } from '../snapshot/documents.js';
import type { DocumentSource } from '../sources/documents.js';
import { describeFailure, isGoneStatus } from './describe-outcome.js';
import type { ObserveDeps } from './observe.js';

/** Documents are bigger than pages: up to 10 MB each. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface DocumentDeps extends ObserveDeps {
  /** Per-document limit for reading a PDF (default 10 s). */
  documentTimeoutMs?: number;
}

export interface DocumentPlace {
  /** The document's folder, relative to the snapshots folder (as the report prints it). */
  path: string;
  /** The page still matches its reviewed baseline, so a document first seen now is part of what was reviewed. */
  pageReviewed: boolean;
}

const KNOWN_EXT = /\.(pdf|docx?|odt|xlsx?|ods|rtf|zip|csv|txt)$/i;

function extOf(url: string, bytes: Uint8Array): string {
  if (isPdf(bytes)) return 'pdf';
  try {
    return KNOWN_EXT.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? 'bin';
  } catch {
    return 'bin';
  }
}

async function readSlot(place: DocumentPlace, slot: Slot, deps: DocumentDeps): Promise<StoredDocument | null> {
  const read = await deps.store.documents.read(place.path, slot);
  if (read.kind === 'corrupt') {
    const suffix = await deps.store.documents.moveAside(place.path, slot);
    deps.warn(`document ${place.path}/${slot} was corrupt (${read.problem}); moved aside with suffix ${suffix}`);
  }
  return read.kind === 'found' ? read.document : null;
}

/** Fetches one document (conditionally), reads it when its bytes changed, stores it and compares it with its baseline. */
export async function observeDocument(document: DocumentSource, place: DocumentPlace, deps: DocumentDeps): Promise<DocumentObservation> {
  const last = await readSlot(place, 'current', deps);
  let baseline = await readSlot(place, 'baseline', deps);
  const observed: DocumentObservation = {
    url: document.url,
    title: document.title,
    citedBy: document.citedBy,
    status: 'new',
    reason: null,
    detail: null,
    format: document.format,
    size: document.size,
    date: document.date,
    previous: baseline && (baseline.meta.link.size !== document.size || baseline.meta.link.date !== document.date) ? { size: baseline.meta.link.size, date: baseline.meta.link.date } : null,
    httpStatus: null,
    bytes: null,
    contentType: null,
    sha256: null,
    read: null,
    diffFromBaseline: null,
    snapshotPath: null,
  };
  const failed = (reason: 'fetch-failed' | 'extraction-failed', detail: string): DocumentObservation => ({ ...observed, status: 'failed', reason, detail });

  const outcome = await deps.http.fetch({ url: document.url, validators: last?.meta.validators ?? null, signal: deps.signal, maxBodyBytes: MAX_DOCUMENT_BYTES, binary: true });
  if (outcome.kind === 'http-error' && isGoneStatus(outcome.status)) return { ...observed, status: 'gone', httpStatus: outcome.status, detail: `HTTP ${outcome.status} at ${outcome.finalUrl}` };
  if (outcome.kind === 'too-large') return failed('fetch-failed', `the document is larger than ${Math.round(outcome.limitBytes / 1024 / 1024)} MB`);
  if (outcome.kind !== 'fetched' && outcome.kind !== 'not-modified') return failed('fetch-failed', describeFailure(outcome));

  let current: StoredDocument;
  if (outcome.kind === 'not-modified') {
    if (!last) return failed('fetch-failed', 'HTTP 304 but no stored document to reuse');
    current = last;
  } else {
    const bytes = outcome.body ?? Buffer.alloc(0);
    const sha = documentHash(bytes);
    const sameFile = last !== null && last.meta.sha256.file === sha && last.meta.readerVersion === DOCUMENT_READER_VERSION;
    const meta = {
      url: document.url,
      finalUrl: outcome.finalUrl,
      httpStatus: outcome.status,
      capturedAt: deps.clock.now().toISOString(),
      validators: outcome.validators,
      contentType: outcome.contentType,
      ext: extOf(outcome.finalUrl, bytes),
      bytes: bytes.length,
      readerVersion: DOCUMENT_READER_VERSION,
      link: { title: document.title, format: document.format, size: document.size, date: document.date },
      sha256: { file: sha, text: '' },
    };
    if (sameFile) {
      current = last;
      // Same bytes: only new validators are worth a write (the next request can then be conditional).
      if (JSON.stringify(last.meta.validators) !== JSON.stringify(outcome.validators)) {
        current = { ...last, meta: { ...last.meta, validators: outcome.validators } };
        await deps.store.documents.write(place.path, 'current', current);
      }
    } else {
      const text = await readDocumentText(bytes, { format: document.format, sha256: sha, timeoutMs: deps.documentTimeoutMs });
      if (text.kind === 'extraction-failed') return { ...failed('extraction-failed', text.detail), httpStatus: outcome.status, bytes: bytes.length, sha256: sha };
      current = { meta: { ...meta, read: text.kind === 'text' ? 'text' : 'hashed' }, text: text.text, bytes };
      await deps.store.documents.write(place.path, 'current', current);
    }
  }
  if (!baseline && place.pageReviewed) {
    await deps.store.documents.write(place.path, 'baseline', current);
    baseline = current;
  }

  const stored = {
    ...observed,
    httpStatus: outcome.status === 304 ? current.meta.httpStatus : outcome.status,
    bytes: current.meta.bytes,
    contentType: current.meta.contentType,
    sha256: current.meta.sha256.file,
    read: current.meta.read,
    snapshotPath: join(place.path, `current.${current.meta.ext}`),
  };
  if (!baseline) return stored;
  if (current.meta.read === 'text' && baseline.meta.read === 'text') {
    const comparison = compareTexts(baseline.text, current.text, { before: 'reviewed document', after: 'current document' });
    return comparison.changed ? { ...stored, status: 'changed', diffFromBaseline: comparison.unified } : { ...stored, status: 'unchanged' };
  }
  return { ...stored, status: baseline.meta.sha256.file === current.meta.sha256.file ? 'unchanged' : 'changed' };
}
