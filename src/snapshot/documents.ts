import { statSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { sha256 } from '../shared/hash.js';
import type { Slot } from './store.js';

/**
 * A linked document's snapshot, beside its page's:
 *   <entry>/<source key>/documents/<document key>/{current,baseline}.{json,md,<ext>}
 * The file itself (`.pdf`, `.docx`…), its text as Markdown, and the meta, written
 * last with the hashes of the other two so a half-written document reads as corrupt.
 */
export const DocumentMeta = z.object({
  url: z.string(),
  finalUrl: z.string(),
  httpStatus: z.number().int(),
  capturedAt: z.string().datetime(),
  validators: z.object({ etag: z.string().nullable(), lastModified: z.string().nullable() }),
  contentType: z.string().nullable(),
  /** Extension of the stored file. */
  ext: z.string().regex(/^[a-z0-9]{1,5}$/),
  bytes: z.number().int().nonnegative(),
  read: z.enum(['text', 'hashed']),
  readerVersion: z.number().int(),
  /** The link as the page printed it when this was stored. */
  link: z.object({ title: z.string(), format: z.string().nullable(), size: z.string().nullable(), date: z.string().nullable() }),
  sha256: z.object({ file: z.string(), text: z.string() }),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export interface StoredDocument {
  meta: DocumentMeta;
  text: string;
  bytes: Uint8Array;
}

export type DocumentRead = { kind: 'missing' } | { kind: 'found'; document: StoredDocument } | { kind: 'corrupt'; problem: string };

export const documentHash = sha256;

const fileOf = (dir: string, slot: Slot, ext: string) => join(dir, `${slot}.${ext}`);

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The documents folder of one page source. */
export const documentsDir = (root: string, entryId: string, sourceKey: string) => join(root, entryId, sourceKey, 'documents');

export async function documentKeysIn(dir: string): Promise<string[]> {
  // Most pages link no document: a stat that cannot throw is the cheap way to learn there is no folder.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((item) => item.isDirectory()).map((item) => item.name).sort();
  } catch {
    return [];
  }
}

export async function readStoredDocument(dir: string, slot: Slot): Promise<DocumentRead> {
  let raw: string;
  try {
    raw = await readFile(fileOf(dir, slot, 'json'), 'utf8');
  } catch {
    return { kind: 'missing' };
  }
  let meta: DocumentMeta;
  try {
    meta = DocumentMeta.parse(JSON.parse(raw));
  } catch (error) {
    return { kind: 'corrupt', problem: `invalid metadata (${(error as Error).message.slice(0, 120)})` };
  }
  try {
    const [text, bytes] = await Promise.all([readFile(fileOf(dir, slot, 'md'), 'utf8'), readFile(fileOf(dir, slot, meta.ext))]);
    if (sha256(bytes) !== meta.sha256.file) return { kind: 'corrupt', problem: 'file does not match its recorded hash' };
    if (sha256(text) !== meta.sha256.text) return { kind: 'corrupt', problem: 'text does not match its recorded hash' };
    return { kind: 'found', document: { meta, text, bytes } };
  } catch {
    return { kind: 'corrupt', problem: 'file or text missing' };
  }
}

export async function writeStoredDocument(dir: string, slot: Slot, document: StoredDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(fileOf(dir, slot, document.meta.ext), Buffer.from(document.bytes));
  await writeFileAtomic(fileOf(dir, slot, 'md'), document.text);
  const meta: DocumentMeta = { ...document.meta, sha256: { file: sha256(document.bytes), text: sha256(document.text) } };
  await writeFileAtomic(fileOf(dir, slot, 'json'), JSON.stringify(meta, null, 2) + '\n');
}

/**
 * Never overwrite silently: unusable files keep their content under a dated name,
 * numbered when that name is taken (two in the same millisecond). Returns the suffix.
 */
export async function moveAsideDocument(dir: string, slot: Slot, stamp: string): Promise<string> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const moving = names.filter((name) => name.startsWith(`${slot}.`) && !name.includes('.corrupt-'));
  let suffix = `.corrupt-${stamp}`;
  for (let n = 2; moving.some((name) => names.includes(name + suffix)); n += 1) suffix = `.corrupt-${stamp}-${n}`;
  for (const name of moving) await rename(join(dir, name), join(dir, name + suffix));
  return suffix;
}

/** The link is no longer on the page: only the reviewed baseline stays, until an editor accepts. */
export async function dropCurrentDocument(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith('current.')) await rm(join(dir, name), { force: true });
  }
}

/**
 * Accepting a page accepts its documents: each `current` becomes the baseline;
 * a document with no `current` (its link left the page) is dropped.
 */
export async function promoteDocuments(sourceDir: string): Promise<void> {
  const root = join(sourceDir, 'documents');
  for (const key of await documentKeysIn(root)) {
    const dir = join(root, key);
    const names = await readdir(dir);
    if (!(await exists(fileOf(dir, 'current', 'json')))) {
      await rm(dir, { recursive: true, force: true });
      continue;
    }
    for (const name of names.filter((n) => n.startsWith('baseline.'))) await rm(join(dir, name), { force: true });
    const current = names.filter((n) => /^current\.[a-z0-9]+$/.test(n));
    // Meta last: it is what makes the baseline count.
    for (const name of [...current.filter((n) => n !== 'current.json'), 'current.json']) {
      const to = join(dir, name.replace(/^current\./, 'baseline.'));
      await copyFile(join(dir, name), `${to}.tmp-${process.pid}`);
      await rename(`${to}.tmp-${process.pid}`, to);
    }
  }
}
