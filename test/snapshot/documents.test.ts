import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as documents from '../../src/snapshot/documents.js';
import type { StoredDocument } from '../../src/snapshot/documents.js';
import { StoreTransaction } from '../../src/snapshot/staging.js';
import type { Slot } from '../../src/snapshot/store.js';

/** A page source's linked documents, stored beside it on a real temporary folder. */
let root: string;
let sourceDir: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-docs-'));
  sourceDir = join(root, '14-calvados', 'www-calvados-gouv-fr');
  dir = join(documentsDir(root, '14-calvados', 'www-calvados-gouv-fr'), 'dossier-aes');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Each call in a transaction of its own, committed at once (what the store does outside a run); folders as absolute paths. */
async function committed<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
  const tx = new StoreTransaction(root);
  const result = await work(tx);
  await tx.commit();
  return result;
}
const rel = (path: string) => relative(root, path);
const documentsDir = (_root: string, entryId: string, sourceKey: string) => join(root, documents.documentsDir(entryId, sourceKey));
const documentKeysIn = (path: string) => committed((tx) => documents.documentKeysIn(tx, rel(path)));
const readStoredDocument = (path: string, slot: Slot) => committed((tx) => documents.readStoredDocument(tx, rel(path), slot));
const writeStoredDocument = (path: string, slot: Slot, document: StoredDocument) => committed((tx) => documents.writeStoredDocument(tx, rel(path), slot, document));
const moveAsideDocument = (path: string, slot: Slot, stamp: string) => committed((tx) => documents.moveAsideDocument(tx, rel(path), slot, stamp));
const dropCurrentDocument = (path: string) => committed((tx) => documents.dropCurrentDocument(tx, rel(path)));
const promoteDocuments = (path: string) => committed((tx) => documents.promoteDocuments(tx, rel(path)));

function stored(text: string, ext = 'pdf', bytes = `%PDF-1.4 ${text}`): StoredDocument {
  return {
    text,
    bytes: Buffer.from(bytes),
    meta: {
      url: 'https://www.calvados.gouv.fr/content/download/1/dossier-aes.pdf',
      finalUrl: 'https://www.calvados.gouv.fr/content/download/1/dossier-aes.pdf',
      httpStatus: 200,
      capturedAt: '2026-11-27T01:02:03.000Z',
      validators: { etag: null, lastModified: null },
      contentType: 'application/pdf',
      ext,
      bytes: Buffer.byteLength(bytes),
      read: 'text',
      readerVersion: 1,
      link: { title: 'Dossier de demande AES', format: 'PDF', size: '524 Ko', date: '2022-10-25' },
      sha256: { file: '', text: '' },
    },
  };
}

const names = async (d = dir) => (await readdir(d)).sort();
const textOf = async (slot: 'current' | 'baseline') => {
  const read = await readStoredDocument(dir, slot);
  return read.kind === 'found' ? read.document.text : read.kind;
};

describe('stored documents', () => {
  it('are found as written: file, text and meta', async () => {
    await writeStoredDocument(dir, 'current', stored('Formulaire de demande'));
    expect(await names()).toEqual(['current.json', 'current.md', 'current.pdf']);
    expect(await readFile(join(dir, 'current.json'), 'utf8')).toMatch(/\}\n$/);
    const read = await readStoredDocument(dir, 'current');
    expect(read.kind).toBe('found');
    if (read.kind !== 'found') return;
    expect(read.document.text).toBe('Formulaire de demande');
    expect(Buffer.from(read.document.bytes).toString()).toBe('%PDF-1.4 Formulaire de demande');
    expect(read.document.meta.link.title).toBe('Dossier de demande AES');
    expect(await readStoredDocument(dir, 'baseline')).toEqual({ kind: 'missing' });
  });

  it('are corrupt when their meta is not theirs or not readable', async () => {
    await writeStoredDocument(dir, 'current', stored('Formulaire'));
    await writeFile(join(dir, 'current.json'), '{"url": 3}');
    const read = await readStoredDocument(dir, 'current');
    expect(read.kind).toBe('corrupt');
    expect(read.kind === 'corrupt' && read.problem).toMatch(/^invalid metadata \(/);
    // Short enough for a report line, however long the validation error.
    expect(read.kind === 'corrupt' && read.problem.length).toBeLessThanOrEqual('invalid metadata ()'.length + 120);
  });

  it('are corrupt when the file or the text was changed behind the meta, or is missing', async () => {
    await writeStoredDocument(dir, 'current', stored('Formulaire'));
    await writeFile(join(dir, 'current.pdf'), '%PDF-1.4 autre chose');
    expect(await readStoredDocument(dir, 'current')).toEqual({ kind: 'corrupt', problem: 'file does not match its recorded hash' });

    await writeStoredDocument(dir, 'current', stored('Formulaire'));
    await writeFile(join(dir, 'current.md'), 'Autre texte');
    expect(await readStoredDocument(dir, 'current')).toEqual({ kind: 'corrupt', problem: 'text does not match its recorded hash' });

    await writeStoredDocument(dir, 'current', stored('Formulaire'));
    await rm(join(dir, 'current.md'));
    expect(await readStoredDocument(dir, 'current')).toEqual({ kind: 'corrupt', problem: 'file or text missing' });
  });

  it('are moved aside, one slot only, with their content kept', async () => {
    await writeStoredDocument(dir, 'current', stored('Formulaire'));
    await writeStoredDocument(dir, 'baseline', stored('Ancien formulaire'));
    await moveAsideDocument(dir, 'current', '2026-11-27T01-02-03-000Z');
    expect(await names()).toEqual([
      'baseline.json',
      'baseline.md',
      'baseline.pdf',
      'current.json.corrupt-2026-11-27T01-02-03-000Z',
      'current.md.corrupt-2026-11-27T01-02-03-000Z',
      'current.pdf.corrupt-2026-11-27T01-02-03-000Z',
    ]);
    expect(await readFile(join(dir, 'current.md.corrupt-2026-11-27T01-02-03-000Z'), 'utf8')).toBe('Formulaire');
    // Moving aside again does not rename what is already aside.
    await writeStoredDocument(dir, 'current', stored('Formulaire 2'));
    await moveAsideDocument(dir, 'current', '2026-11-28T01-02-03-000Z');
    expect((await names()).filter((n) => n.includes('corrupt'))).toHaveLength(6);
    expect(await names()).toContain('current.md.corrupt-2026-11-27T01-02-03-000Z');
    await expect(moveAsideDocument(join(root, 'nowhere'), 'current', 'x')).resolves.toBe('.corrupt-x');
  });

  it('lose their current when the link left the page, keeping the baseline', async () => {
    await writeStoredDocument(dir, 'current', stored('Formulaire'));
    await writeStoredDocument(dir, 'baseline', stored('Ancien formulaire'));
    await dropCurrentDocument(dir);
    expect(await names()).toEqual(['baseline.json', 'baseline.md', 'baseline.pdf']);
    await expect(dropCurrentDocument(join(root, 'nowhere'))).resolves.toBeUndefined();
  });

  it('are listed by key, folders only, sorted', async () => {
    const docs = documentsDir(root, '14-calvados', 'www-calvados-gouv-fr');
    expect(await documentKeysIn(docs)).toEqual([]);
    for (const key of ['notice', 'dossier-aes', 'zz-formulaire', 'liste-pieces', 'attestation', 'mm-cerfa']) await writeStoredDocument(join(docs, key), 'current', stored(key));
    await writeFile(join(docs, 'stray.txt'), 'not a document');
    expect(await documentKeysIn(docs)).toEqual(['attestation', 'dossier-aes', 'liste-pieces', 'mm-cerfa', 'notice', 'zz-formulaire']);
  });
});

describe('promoteDocuments', () => {
  it('makes each current the baseline, dropping the old baseline files', async () => {
    await writeStoredDocument(dir, 'baseline', stored('Ancien formulaire', 'doc', 'DOC bytes'));
    await writeStoredDocument(dir, 'current', stored('Nouveau formulaire'));
    await promoteDocuments(sourceDir);
    expect(await names()).toEqual(['baseline.json', 'baseline.md', 'baseline.pdf', 'current.json', 'current.md', 'current.pdf']);
    expect(await textOf('baseline')).toBe('Nouveau formulaire');
    expect(await textOf('current')).toBe('Nouveau formulaire');
  });

  it('drops a document whose link left the page, and leaves aside files alone', async () => {
    const gone = join(documentsDir(root, '14-calvados', 'www-calvados-gouv-fr'), 'notice');
    await writeStoredDocument(gone, 'baseline', stored('Notice'));
    await writeStoredDocument(dir, 'current', stored('Formulaire'));
    await writeFile(join(dir, 'current.md.corrupt-1'), 'kept');
    await promoteDocuments(sourceDir);
    expect(await documentKeysIn(documentsDir(root, '14-calvados', 'www-calvados-gouv-fr'))).toEqual(['dossier-aes']);
    expect(await names()).toEqual(['baseline.json', 'baseline.md', 'baseline.pdf', 'current.json', 'current.md', 'current.md.corrupt-1', 'current.pdf']);
    expect(await textOf('baseline')).toBe('Formulaire');
  });

  it('does nothing for a page without documents', async () => {
    await mkdir(sourceDir, { recursive: true });
    await promoteDocuments(sourceDir);
    expect(await readdir(sourceDir)).toEqual([]);
  });
});
