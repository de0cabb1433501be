import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../src/shared/disk-error.js';
import { nodeStoreFs, StoreTransaction, type StoreFs } from '../../src/snapshot/staging.js';

/** A commit puts its staged files on disk once, before its commit point, and lands nothing when that fails. */
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-flush-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The renames and flushes of a StoreFs, in order, paths relative to the store (a flush's files, to its folder). */
function recording(overrides: Partial<StoreFs> = {}): { fs: StoreFs; calls: string[] } {
  const calls: string[] = [];
  const rel = (path: string, from = root) => path.slice(from.length + 1);
  const fs: StoreFs = {
    ...nodeStoreFs,
    rename: (from, to) => {
      calls.push(`rename ${rel(from)} ${rel(to)}`);
      return nodeStoreFs.rename(from, to);
    },
    flush: (folder, files) => {
      calls.push(`flush ${files.map((file) => rel(file, folder)).sort().join(' ')}`);
      return (overrides.flush ?? nodeStoreFs.flush)(folder, files);
    },
  };
  return { fs, calls };
}

describe('the commit puts the staged files on disk', () => {
  it('once, with every staged file, copies and the journal, before the rename that commits', async () => {
    const { fs, calls } = recording();
    const tx = new StoreTransaction(root, fs);
    await tx.put('14-calvados/host/current.md', 'Texte');
    await tx.put('14-calvados/host/current.json', '{}');
    await tx.copy('14-calvados/host/current.md', '14-calvados/host/baseline.md');
    await tx.commit();
    expect(calls[0]).toBe('flush files/14-calvados/host/baseline.md files/14-calvados/host/current.json files/14-calvados/host/current.md manifest.json');
    expect(calls[1]).toMatch(/^rename \.aes-watch-staging-\S+ \.aes-watch-commit-/);
    expect(calls.filter((call) => call.startsWith('flush'))).toHaveLength(1);
    expect(await readFile(join(root, '14-calvados/host/baseline.md'), 'utf8')).toBe('Texte');
  });

  it('a failed flush fails the commit with the disk error, and the store stays as it was', async () => {
    await writeFile(join(root, 'keep.md'), 'before');
    const { fs } = recording({ flush: () => Promise.reject(Object.assign(new Error('EIO: simulated'), { code: 'EIO' })) });
    const tx = new StoreTransaction(root, fs);
    await tx.put('14-calvados/host/current.md', 'Texte');
    const error = await tx.commit().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as StoreWriteError).code).toBe('EIO');
    expect(await readdir(root)).toEqual(['keep.md']);
  });

  it('an empty transaction flushes nothing', async () => {
    const { fs, calls } = recording();
    await new StoreTransaction(root, fs).commit();
    expect(calls).toEqual([]);
  });
});

describe("Node's flush", () => {
  it('syncs the whole file system in one go where `sync -f` runs: the list of files is not opened', async () => {
    await expect(nodeStoreFs.flush(root, [join(root, 'never-written.md')])).resolves.toBeUndefined();
  });

  it('without `sync`, syncs each file: a file that is not there fails it', async () => {
    const path = process.env.PATH;
    process.env.PATH = root; // no `sync` in an empty folder
    try {
      await writeFile(join(root, 'a.md'), 'A');
      await expect(nodeStoreFs.flush(root, [join(root, 'a.md')])).resolves.toBeUndefined();
      await expect(nodeStoreFs.flush(root, [join(root, 'a.md'), join(root, 'never-written.md')])).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      process.env.PATH = path;
    }
  });
});
