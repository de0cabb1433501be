import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { sha256 } from '../shared/hash.js';
import type { StoreTransaction } from './staging.js';
import type { Slot } from './schema.js';

/**
 * A linked document's snapshot, beside its page's:
 *   <entry>/<source key>/documents/<document key>/{current,baseline}.{json,md,<ext>}
 * The file itself (`.pdf`, `.docx`…), its text as Markdown, and the meta, written
 * last with the hashes of the other two so a half-written document reads as corrupt.
 */
export const DocumentMeta = z.object({
  url: z.string(),
  finalUrl: z.string(),
  httpStatus: z.int(),
  capturedAt: z.iso.datetime(),
  validators: z.object({ etag: z.nullable(z.string()), lastModified: z.nullable(z.string()) }),
  contentType: z.nullable(z.string()),
  /** Extension of the stored file. */
  ext: z.string().check(z.regex(/^[a-z0-9]{1,5}$/)),
  bytes: z.int().check(z.nonnegative()),
  read: z.enum(['text', 'hashed']),
  readerVersion: z.int(),
  /** The link as the page printed it when this was stored. */
  link: z.object({ title: z.string(), format: z.nullable(z.string()), size: z.nullable(z.string()), date: z.nullable(z.string()) }),
  sha256: z.object({ file: z.string(), text: z.string() }),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export interface StoredDocument {
  meta: DocumentMeta;
  text: string;
  bytes: Uint8Array;
}

export type DocumentRead = { kind: 'missing' } | { kind: 'found'; document: StoredDocument } | { kind: 'corrupt'; problem: string };

/** The store's linked documents; each `dir` is a document's folder relative to the store's folder. */
export interface DocumentShelf {
  /** The documents of one page source: the keys under `documentsDir(entry, source)`. */
  keys(sourceDocumentsDir: string): Promise<string[]>;
  read(dir: string, slot: Slot): Promise<DocumentRead>;
  write(dir: string, slot: Slot, document: StoredDocument): Promise<void>;
  /** Keeps an unusable slot's files under a dated name; returns the suffix. */
  moveAside(dir: string, slot: Slot): Promise<string>;
  /** The link left the page: its `current` goes, its baseline stays for review. */
  dropCurrent(dir: string): Promise<void>;
}

export const documentHash = sha256;

const fileOf = (dir: string, slot: Slot, ext: string) => join(dir, `${slot}.${ext}`);

/**
 * Documents go through the run's StoreTransaction, like the pages they hang
 * from: a run that cannot write its snapshots or its report leaves them as
 * they were. Every `dir` below is relative to the store's folder.
 */

/** The documents folder of one page source. */
export const documentsDir = (entryId: string, sourceKey: string) => join(entryId, sourceKey, 'documents');

/** The keys of the documents stored (or staged) for one page source. */
export function documentKeysIn(tx: StoreTransaction, dir: string): Promise<string[]> {
  // Most pages link no document: a stat that cannot throw is the cheap way to learn there is no folder,
  // and an entry the store does not hold yet (a first run) has none.
  const stored = tx.holdsFolder(dir.split(sep)[0]!) && (statSync(join(tx.root, dir), { throwIfNoEntry: false })?.isDirectory() ?? false);
  return stored || tx.hasStagedBelow(dir) ? tx.folders(dir) : Promise.resolve([]);
}

async function readOrNull(path: string | null): Promise<Buffer | null> {
  return path === null ? null : readFile(path).catch(() => null);
}

export async function readStoredDocument(tx: StoreTransaction, dir: string, slot: Slot): Promise<DocumentRead> {
  const raw = await readOrNull(tx.path(fileOf(dir, slot, 'json')));
  if (raw === null) return { kind: 'missing' };
  let meta: DocumentMeta;
  try {
    meta = DocumentMeta.parse(JSON.parse(raw.toString('utf8')));
  } catch (error) {
    return { kind: 'corrupt', problem: `invalid metadata (${(error as Error).message.slice(0, 120)})` };
  }
  const [text, bytes] = await Promise.all([readOrNull(tx.path(fileOf(dir, slot, 'md'))), readOrNull(tx.path(fileOf(dir, slot, meta.ext)))]);
  if (text === null || bytes === null) return { kind: 'corrupt', problem: 'file or text missing' };
  if (sha256(bytes) !== meta.sha256.file) return { kind: 'corrupt', problem: 'file does not match its recorded hash' };
  if (sha256(text) !== meta.sha256.text) return { kind: 'corrupt', problem: 'text does not match its recorded hash' };
  return { kind: 'found', document: { meta, text: text.toString('utf8'), bytes } };
}

export async function writeStoredDocument(tx: StoreTransaction, dir: string, slot: Slot, document: StoredDocument): Promise<void> {
  await tx.put(fileOf(dir, slot, document.meta.ext), document.bytes);
  await tx.put(fileOf(dir, slot, 'md'), document.text);
  // The meta lands last (the commit orders it so): it is what makes the slot count.
  const meta: DocumentMeta = { ...document.meta, sha256: { file: sha256(document.bytes), text: sha256(document.text) } };
  await tx.put(fileOf(dir, slot, 'json'), JSON.stringify(meta, null, 2) + '\n');
}

/**
 * Never overwrite silently: unusable files keep their content under a dated name,
 * numbered when that name is taken (two in the same millisecond). Returns the suffix.
 */
export async function moveAsideDocument(tx: StoreTransaction, dir: string, slot: Slot, stamp: string): Promise<string> {
  const names = await tx.list(dir);
  const moving = names.filter((name) => name.startsWith(`${slot}.`) && !name.includes('.corrupt-'));
  const suffix = tx.freeSuffix(`.corrupt-${stamp}`, moving.map((name) => join(dir, name)));
  for (const name of moving) tx.moveAside(join(dir, name), join(dir, name + suffix));
  return suffix;
}

/** The link is no longer on the page: only the reviewed baseline stays, until an editor accepts. */
export async function dropCurrentDocument(tx: StoreTransaction, dir: string): Promise<void> {
  for (const name of await tx.list(dir)) if (name.startsWith('current.')) tx.remove(join(dir, name));
}

/**
 * Accepting a page accepts its documents: each `current` becomes the baseline;
 * a document with no `current` (its link left the page) is dropped.
 */
export async function promoteDocuments(tx: StoreTransaction, sourceDir: string): Promise<void> {
  const root = join(sourceDir, 'documents');
  for (const key of await documentKeysIn(tx, root)) {
    const dir = join(root, key);
    const names = await tx.list(dir);
    const slotFiles = (slot: Slot) => names.filter((name) => new RegExp(`^${slot}\\.[a-z0-9]+$`).test(name));
    for (const name of slotFiles('baseline')) tx.remove(join(dir, name));
    if (!names.includes('current.json')) {
      // Gone from the page: nothing of it is kept but what was set aside.
      for (const name of slotFiles('current')) tx.remove(join(dir, name));
      continue;
    }
    for (const name of slotFiles('current')) await tx.copy(join(dir, name), join(dir, name.replace(/^current\./, 'baseline.')));
  }
}
