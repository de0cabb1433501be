import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../src/shared/disk-error.js';
import { isStagingFolder, nodeStoreFs, recoverStore, StoreTransaction, type StoreFs } from '../../src/snapshot/staging.js';

/** The commit journal as a cut process or a damaged disk leaves it; faults go through StoreFs. */
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-journal-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (rel: string) => readFile(join(root, rel), 'utf8');
const fault = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('a commit cut before its last move', () => {
  it('leaves the old meta in place, whatever order the files were written in', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    for (const [name, text] of [['current.json', '{"old":true}'], ['current.md', 'old text'], ['current.html', '<p>old</p>'], ['current.png', 'old png']]) {
      await writeFile(join(root, 'a', name as string), text as string);
    }
    // Every move into place lands but the last one of the batch.
    let left = 4;
    const cut: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (from.includes('/files/') && --left === 0) throw fault('EIO');
        return nodeStoreFs.rename(from, to);
      },
    };
    const tx = new StoreTransaction(root, cut);
    await tx.put('a/current.json', '{"new":true}');
    await tx.put('a/current.png', 'new png');
    await tx.put('a/current.md', 'new text');
    await tx.put('a/current.html', '<p>new</p>');
    await expect(tx.commit()).rejects.toBeInstanceOf(StoreWriteError);
    // The meta is what makes the files count: it is the one still old.
    expect(await read('a/current.json')).toBe('{"old":true}');
    expect([await read('a/current.md'), await read('a/current.html'), await read('a/current.png')]).toEqual(['new text', '<p>new</p>', 'new png']);
    await recoverStore(root);
    expect(await read('a/current.json')).toBe('{"new":true}');
  });
});

describe('a commit whose journal cannot be read', () => {
  it('stops recovery with the error and keeps the commit folder, files and all', async () => {
    const commit = join(root, '.aes-watch-commit-0123');
    await mkdir(join(commit, 'manifest.json'), { recursive: true });
    await mkdir(join(commit, 'files', 'a'), { recursive: true });
    await writeFile(join(commit, 'files', 'a', 'current.md'), 'new text');
    await expect(recoverStore(root)).rejects.toMatchObject({ code: 'EISDIR' });
    expect((await readdir(root)).filter(isStagingFolder)).toEqual(['.aes-watch-commit-0123']);
    expect(await readFile(join(commit, 'files', 'a', 'current.md'), 'utf8')).toBe('new text');
  });
});
