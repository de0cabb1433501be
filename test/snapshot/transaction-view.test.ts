import callbackFs, { constants } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentKeysIn } from '../../src/snapshot/documents.js';
import { nodeStoreFs, StoreTransaction } from '../../src/snapshot/staging.js';
import { tempFolder } from '../support/temp.js';

/**
 * A run reads its own pending changes: a folder listed through the
 * transaction is the folder as the commit will leave it (stored files, less
 * those removed or moved aside, plus those staged), and nothing moves on
 * disk before the commit.
 */
let root: string;
let tx: StoreTransaction;
beforeEach(async () => {
  root = await tempFolder('aes-tx-view-');
  await mkdir(join(root, 'doc', 'sub'), { recursive: true });
  for (const name of ['k.md', 'x.json', 'y.md']) await writeFile(join(root, 'doc', name), name);
  tx = new StoreTransaction(root);
});

describe('a transaction lists a folder as the commit will leave it', () => {
  it('stored files less those removed or moved aside, plus those staged, in name order; folders are not files', async () => {
    await tx.put(join('doc', 'b.pdf'), 'staged');
    await tx.put(join('doc', 'deeper', 'w.md'), 'in a subfolder');
    await tx.put(join('doc', 'q.md'), 'staged, then removed');
    tx.remove(join('doc', 'q.md'));
    tx.remove(join('doc', 'y.md'));
    tx.moveAside(join('doc', 'x.json'), join('doc', 'x.json.damaged-1'));
    expect(await tx.list('doc')).toEqual(['b.pdf', 'k.md']);
    // Nothing has moved yet.
    expect((await readdir(join(root, 'doc'))).sort()).toEqual(['k.md', 'sub', 'x.json', 'y.md']);
    await tx.commit();
    expect((await readdir(join(root, 'doc'))).sort()).toEqual(['b.pdf', 'deeper', 'k.md', 'sub', 'x.json.damaged-1']);
  });

  it('a folder only staged so far is listed from what is staged', async () => {
    await tx.put(join('new', 'current.md'), 'a');
    await tx.put(join('new', 'current.json'), '{}');
    expect(await tx.list('new')).toEqual(['current.json', 'current.md']);
    expect(await tx.list('nowhere')).toEqual([]);
  });

  it('knows the files moved aside to a name, and only those', () => {
    tx.moveAside(join('doc', 'x.json'), join('doc', 'x.json.corrupt-1'));
    expect(tx.isMoveTarget(join('doc', 'x.json.corrupt-1'))).toBe(true);
    expect(tx.isMoveTarget(join('doc', 'x.json'))).toBe(false);
    expect(tx.isMoveTarget(join('doc', 'k.md'))).toBe(false);
  });
});

describe('a transaction lists subfolders, stored or staged', () => {
  it('stored folders and the folders of staged files, in name order; never a file, a removed file or a look-alike prefix', async () => {
    await tx.put(join('doc', 'two', 'current.json'), '{}');
    await tx.put(join('doc', 'alpha', 'current.md'), 'a');
    await tx.put(join('doc', 'three.json'), 'a file, not a folder');
    await tx.put(join('docx', 'four', 'current.md'), 'another folder whose name starts the same');
    await tx.put(join('doc', 'gone', 'current.md'), 'removed before the commit');
    tx.remove(join('doc', 'gone', 'current.md'));
    expect(await tx.folders('doc')).toEqual(['alpha', 'sub', 'two']);
    expect(await tx.folders('nowhere')).toEqual([]);
  });

  it('documents staged in a source folder that is not on disk yet are found, and only below that folder', async () => {
    const documents = join('14-calvados', 'host', 'documents');
    expect(await documentKeysIn(tx, documents)).toEqual([]);
    await tx.put(join('14-calvados', 'host', 'documentsx', 'k', 'current.md'), 'look-alike');
    await tx.put(join('14-calvados', 'host', 'current.md'), 'the page, not a document');
    expect(await documentKeysIn(tx, documents)).toEqual([]);
    await tx.put(join(documents, 'notice', 'current.md'), 'n');
    await tx.put(join(documents, 'dossier', 'current.md'), 'd');
    expect(await documentKeysIn(tx, documents)).toEqual(['dossier', 'notice']);
    tx.remove(join(documents, 'notice', 'current.md'));
    tx.remove(join(documents, 'dossier', 'current.md'));
    expect(await documentKeysIn(tx, documents)).toEqual([]);
  });
});

describe('a transaction knows where it staged files and which entry folders the store held', () => {
  it('counts staged files at every depth: a removed or moved-aside file no longer counts, a file staged twice counts once', async () => {
    const page = join('14-calvados', 'host', 'current.md');
    expect(tx.hasStagedBelow('14-calvados')).toBe(false);
    await tx.put(page, 'a');
    await tx.put(page, 'b');
    expect([tx.hasStagedBelow('14-calvados'), tx.hasStagedBelow(join('14-calvados', 'host')), tx.hasStagedBelow('14')]).toEqual([true, true, false]);
    tx.remove(page);
    expect(tx.hasStagedBelow('14-calvados')).toBe(false);
    await tx.put(page, 'c');
    await tx.put(join('14-calvados', 'other', 'current.md'), 'd');
    tx.moveAside(page, `${page}.damaged-1`);
    expect([tx.hasStagedBelow(join('14-calvados', 'host')), tx.hasStagedBelow('14-calvados')]).toEqual([false, true]);
  });

  it("holds a top folder only if it was on disk before the transaction (a file is not a folder); a store not made yet holds none", async () => {
    await mkdir(join(root, '50-manche'));
    await writeFile(join(root, 'guides.json'), 'a file at the top');
    await tx.put(join('14-calvados', 'host', 'current.md'), 'staged, not stored');
    expect(['doc', '50-manche', 'guides.json', '14-calvados', 'doc/sub'].map((name) => tx.holdsFolder(name))).toEqual([true, true, false, false, false]);
    await mkdir(join(root, '61-orne'));
    expect(tx.holdsFolder('61-orne')).toBe(false); // listed once: nothing lands in the store before the commit
    expect(new StoreTransaction(join(root, 'not-made')).holdsFolder('doc')).toBe(false);
  });
});

describe('what a commit leaves on disk', () => {
  it('a folder its removals empty goes too; a folder with a file left stays', async () => {
    await mkdir(join(root, 'e'));
    for (const name of ['a.md', 'b.md']) await writeFile(join(root, 'e', name), name);
    tx.remove(join('e', 'a.md'));
    await tx.commit();
    expect(await readdir(join(root, 'e'))).toEqual(['b.md']);
    tx.remove(join('e', 'b.md'));
    await tx.commit();
    await expect(stat(join(root, 'e'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a durable write keeps every byte of a large file, text or binary, and a write into a missing folder fails with the system error', async () => {
    const text = 'Préfecture — ’ '.repeat(100_000);
    const bytes = Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 7) % 256);
    await nodeStoreFs.writeFile(join(root, 'big.md'), text);
    await nodeStoreFs.writeFile(join(root, 'big.pdf'), bytes);
    expect(await readFile(join(root, 'big.md'), 'utf8')).toBe(text);
    expect(Buffer.compare(await readFile(join(root, 'big.pdf')), Buffer.from(bytes))).toBe(0);
    await expect(nodeStoreFs.writeFile(join(root, 'missing', 'x.md'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(nodeStoreFs.copyFile(join(root, 'missing.md'), join(root, 'copy.md'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(nodeStoreFs.rename(join(root, 'missing.md'), join(root, 'moved.md'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a staged file', () => {
  afterEach(() => vi.restoreAllMocks());

  // The commit point must not come before the bytes are on disk: a power cut could leave the file empty.
  it('is on disk when its write returns (opened with O_DSYNC), with no sync call of its own', async () => {
    const opened = vi.spyOn(callbackFs, 'open');
    const synced = vi.spyOn(callbackFs, 'fdatasync');
    await nodeStoreFs.writeFile(join(root, 'x.md'), 'x');
    expect(opened).toHaveBeenCalledTimes(1);
    expect(Number(opened.mock.calls[0]![1]) & constants.O_DSYNC).toBe(constants.O_DSYNC);
    expect(synced).not.toHaveBeenCalled();
  });

  it('written again, holds only its new bytes', async () => {
    await nodeStoreFs.writeFile(join(root, 'x.md'), 'a longer first version');
    await nodeStoreFs.writeFile(join(root, 'x.md'), 'short');
    expect(await readFile(join(root, 'x.md'), 'utf8')).toBe('short');
  });
});

describe('a copy (the baseline of a page)', () => {
  afterEach(() => vi.restoreAllMocks());
  const read = (rel: string) => readFile(join(root, rel), 'utf8');

  it('keeps its bytes when the file it copies is staged again in the same transaction, or replaced by a later one', async () => {
    await tx.put(join('e', 'current.md'), 'v1');
    await tx.copy(join('e', 'current.md'), join('e', 'baseline.md'));
    await tx.put(join('e', 'current.md'), 'v2');
    await tx.commit();
    expect([await read(join('e', 'current.md')), await read(join('e', 'baseline.md'))]).toEqual(['v2', 'v1']);
    await tx.copy(join('e', 'current.md'), join('e', 'baseline.md'));
    await tx.put(join('e', 'current.md'), 'v3');
    await tx.commit();
    expect([await read(join('e', 'current.md')), await read(join('e', 'baseline.md'))]).toEqual(['v3', 'v2']);
  });

  // A copy the kernel has not written yet could land empty after a power cut, with the commit saying it is there.
  it('is synced before the commit point, and is a file of its own: damage to one leaves the other whole', async () => {
    await tx.put(join('e', 'current.md'), 'v1');
    const synced = vi.spyOn(callbackFs, 'fdatasync');
    await tx.copy(join('e', 'current.md'), join('e', 'baseline.md'));
    expect(synced).toHaveBeenCalledTimes(1);
    await tx.commit();
    await writeFile(join(root, 'e', 'current.md'), 'damaged in place');
    expect(await read(join('e', 'baseline.md'))).toBe('v1');
  });
});
