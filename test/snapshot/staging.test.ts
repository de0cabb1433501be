import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../src/shared/disk-error.js';
import { isStagingFolder, nodeStoreFs, recoverStore, StoreTransaction, type StoreFs } from '../../src/snapshot/staging.js';

/** The store's transactions on a real temporary folder; faults are injected through StoreFs. */
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-staging-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (rel: string) => readFile(join(root, rel), 'utf8');
const absent = (rel: string) => readFile(join(root, rel), 'utf8').then(
  () => false,
  () => true,
);
/** Every name under root, recursively, sorted. */
async function tree(dir = root, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + item.name;
    if (item.isDirectory()) out.push(...(await tree(join(dir, item.name), `${rel}/`)));
    else out.push(rel);
  }
  return out.sort();
}

const fault = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('StoreTransaction', () => {
  it('lands nothing before commit, everything at commit, and leaves no staging folder', async () => {
    const tx = new StoreTransaction(root);
    await tx.put('14-calvados/host/current.md', 'Texte');
    await tx.put('14-calvados/host/current.json', '{}');
    await tx.put('50-manche/state.json', '{"consecutiveFailures":1}');
    expect(await absent('14-calvados/host/current.md')).toBe(true);
    // A reader of the transaction sees the staged file.
    expect(tx.isStaged('14-calvados/host/current.md')).toBe(true);
    expect(await readFile(tx.path('14-calvados/host/current.md')!, 'utf8')).toBe('Texte');
    await tx.commit();
    expect(await tree()).toEqual(['14-calvados/host/current.json', '14-calvados/host/current.md', '50-manche/state.json']);
    expect(await read('50-manche/state.json')).toBe('{"consecutiveFailures":1}');
    expect(tx.isEmpty).toBe(true);
    expect(tx.isStaged('14-calvados/host/current.md')).toBe(false);
  });

  it('reads an untouched file where it is stored', async () => {
    const tx = new StoreTransaction(root);
    expect(tx.path('14-calvados/state.json')).toBe(join(root, '14-calvados/state.json'));
    expect(tx.isStaged('14-calvados/state.json')).toBe(false);
    expect(tx.isEmpty).toBe(true);
  });

  it('is usable again after a commit', async () => {
    const tx = new StoreTransaction(root);
    await tx.put('a/one.md', '1');
    await tx.commit();
    await tx.put('a/two.md', '2');
    await tx.commit();
    expect(await tree()).toEqual(['a/one.md', 'a/two.md']);
  });

  it('removes files at commit, and no longer shows them to readers', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.png'), 'old screenshot');
    const tx = new StoreTransaction(root);
    tx.remove('a/current.png');
    expect(tx.path('a/current.png')).toBeNull();
    expect(tx.isEmpty).toBe(false);
    expect(await read('a/current.png')).toBe('old screenshot');
    await tx.commit();
    expect(await tree()).toEqual([]);
  });

  it('moves a damaged file aside at commit, never deleting it, even over a staged write', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.json'), '{ damaged');
    const tx = new StoreTransaction(root);
    await tx.put('a/current.json', '{"new":true}');
    tx.moveAside('a/current.json', 'a/current.json.damaged-1');
    expect(tx.path('a/current.json')).toBeNull();
    expect(tx.isStaged('a/current.json')).toBe(false);
    await tx.commit();
    expect(await tree()).toEqual(['a/current.json.damaged-1']);
    expect(await read('a/current.json.damaged-1')).toBe('{ damaged');
  });

  it('writes a file again after moving the damaged one aside', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.json'), '{ damaged');
    const tx = new StoreTransaction(root);
    tx.moveAside('a/current.json', 'a/current.json.damaged-1');
    await tx.put('a/current.json', '{"new":true}');
    await tx.commit();
    expect(await read('a/current.json')).toBe('{"new":true}');
    expect(await read('a/current.json.damaged-1')).toBe('{ damaged');
  });

  it('copies a file as the transaction sees it, staged or stored', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.html'), '<p>stored</p>');
    const tx = new StoreTransaction(root);
    await tx.put('a/current.md', 'staged text');
    await tx.copy('a/current.md', 'a/baseline.md');
    await tx.copy('a/current.html', 'a/baseline.html');
    await tx.commit();
    expect(await read('a/baseline.md')).toBe('staged text');
    expect(await read('a/baseline.html')).toBe('<p>stored</p>');
  });

  it('refuses to copy a file it removed', async () => {
    const tx = new StoreTransaction(root);
    tx.remove('a/current.png');
    await expect(tx.copy('a/current.png', 'a/baseline.png')).rejects.toThrow('a/current.png was removed in this transaction');
  });

  it('commits an empty transaction as nothing, not even making the store folder', async () => {
    await new StoreTransaction(root).commit();
    expect(await readdir(root)).toEqual([]);
    const notYet = join(root, 'snapshots');
    await new StoreTransaction(notYet).commit();
    expect(await readdir(root)).toEqual([]);
  });

  it('still reads other files where they are stored after moving one aside', async () => {
    const tx = new StoreTransaction(root);
    tx.moveAside('a/current.json', 'a/current.json.damaged-1');
    expect(tx.path('a/current.json')).toBeNull();
    expect(tx.path('a/baseline.json')).toBe(join(root, 'a/baseline.json'));
  });

  it('drops everything staged on discard', async () => {
    const tx = new StoreTransaction(root);
    await tx.put('a/current.md', 'Texte');
    await tx.discard();
    expect(await readdir(root)).toEqual([]);
  });

  it('stops at the first failed write: later writes and the commit fail with it, the store is untouched', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.md'), 'before');
    let writes = 0;
    const fullDisk: StoreFs = {
      ...nodeStoreFs,
      writeFile: async (path, data) => {
        writes += 1;
        if (writes === 2) throw fault('ENOSPC');
        return nodeStoreFs.writeFile(path, data);
      },
    };
    const tx = new StoreTransaction(root, fullDisk);
    await tx.put('a/current.md', 'after');
    const error = await tx.put('a/current.html', '<p>after</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as StoreWriteError).path).toBe(join(root, 'a/current.html'));
    expect((error as StoreWriteError).code).toBe('ENOSPC');
    expect(tx.failed).toBe(error);
    await expect(tx.put('a/current.json', '{}')).rejects.toBe(error);
    expect(writes).toBe(2);
    await expect(tx.commit()).rejects.toBe(error);
    await tx.discard();
    expect(await tree()).toEqual(['a/current.md']);
    expect(await read('a/current.md')).toBe('before');
  });

  it('fails the commit, moving nothing, when a file stands where a folder must be', async () => {
    await writeFile(join(root, '14-calvados'), 'not a folder');
    await mkdir(join(root, '50-manche'));
    const tx = new StoreTransaction(root);
    await tx.put('50-manche/state.json', '{}');
    await tx.put('14-calvados/state.json', '{}');
    const error = await tx.commit().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect(tx.failed).toBe(error);
    expect(await tree()).toEqual(['14-calvados']);
  });

  it('fails the commit, moving nothing, when the commit point cannot be written', async () => {
    const noRename: StoreFs = { ...nodeStoreFs, rename: async () => Promise.reject(fault('EACCES')) };
    const tx = new StoreTransaction(root, noRename);
    await tx.put('a/current.md', 'Texte');
    const error = await tx.commit().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreWriteError', code: 'EACCES', path: root });
    // Not even an empty folder: a folder new to the store is made by the move that lands it.
    expect(await readdir(root)).toEqual([]);
    expect(await tree()).toEqual([]);
  });
});

describe('recoverStore', () => {
  it('finishes a commit cut after its commit point', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.json'), '{ damaged');
    await writeFile(join(root, 'a/current.png'), 'old screenshot');
    // The process dies while moving files into place: the first one moved, then nothing.
    let moves = 0;
    const dies: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (from.includes('/files/')) {
          moves += 1;
          if (moves > 1) throw fault('EIO');
        }
        return nodeStoreFs.rename(from, to);
      },
    };
    const tx = new StoreTransaction(root, dies);
    tx.moveAside('a/current.json', 'a/current.json.damaged-1');
    await tx.put('a/current.md', 'Texte');
    await tx.put('a/current.html', '<p>Texte</p>');
    await tx.put('a/current.json', '{"ok":true}');
    tx.remove('a/current.png');
    await expect(tx.commit()).rejects.toBeInstanceOf(StoreWriteError);
    expect((await readdir(root)).filter(isStagingFolder)).toHaveLength(1);

    await recoverStore(root);
    expect(await tree()).toEqual(['a/current.html', 'a/current.json', 'a/current.json.damaged-1', 'a/current.md']);
    expect(await read('a/current.json')).toBe('{"ok":true}');
    expect(await read('a/current.json.damaged-1')).toBe('{ damaged');
    expect(await read('a/current.md')).toBe('Texte');
    // Done: a second recovery changes nothing.
    await recoverStore(root);
    expect(await tree()).toEqual(['a/current.html', 'a/current.json', 'a/current.json.damaged-1', 'a/current.md']);
  });

  it('drops a commit folder whose manifest is gone (a kill while an applied commit was removed) and leaves the store as it is', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.md'), 'Texte');
    // What an older release left when killed halfway through removing a commit it had applied: no manifest, empty folders.
    await mkdir(join(root, '.aes-watch-commit-0123', 'files', 'a'), { recursive: true });
    await recoverStore(root);
    expect((await readdir(root)).filter(isStagingFolder)).toEqual([]);
    expect(await tree()).toEqual(['a/current.md']);
  });

  it('never leaves a commit folder behind once a commit is applied', async () => {
    const tx = new StoreTransaction(root);
    await tx.put('a/current.md', 'Texte');
    await tx.commit();
    expect((await readdir(root)).filter(isStagingFolder)).toEqual([]);
    expect(await read('a/current.md')).toBe('Texte');
  });

  it('keeps a damaged file moved aside when the new file had already landed at its place', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.json'), '{ damaged');
    // The first file move fails; the others (the new meta among them) land.
    let moves = 0;
    const dies: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (from.includes('/files/') && ++moves === 1) throw fault('EIO');
        return nodeStoreFs.rename(from, to);
      },
    };
    const tx = new StoreTransaction(root, dies);
    tx.moveAside('a/current.json', 'a/current.json.damaged-1');
    await tx.put('a/current.md', 'Texte');
    await tx.put('a/current.json', '{"ok":true}');
    await expect(tx.commit()).rejects.toBeInstanceOf(StoreWriteError);
    await recoverStore(root);
    expect(await tree()).toEqual(['a/current.json', 'a/current.json.damaged-1', 'a/current.md']);
    expect(await read('a/current.json.damaged-1')).toBe('{ damaged');
    expect(await read('a/current.json')).toBe('{"ok":true}');
  });

  it('drops a staging folder left before the commit point', async () => {
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/current.md'), 'before');
    const tx = new StoreTransaction(root);
    await tx.put('a/current.md', 'never committed');
    expect((await readdir(root)).some(isStagingFolder)).toBe(true);
    await recoverStore(root);
    expect(await tree()).toEqual(['a/current.md']);
    expect(await read('a/current.md')).toBe('before');
  });

  it('does nothing to a store folder that does not exist yet', async () => {
    await expect(recoverStore(join(root, 'not-yet'))).resolves.toBeUndefined();
  });

  it('tells the transaction folders from entries', () => {
    expect(isStagingFolder('.aes-watch-staging-1234')).toBe(true);
    expect(isStagingFolder('.aes-watch-commit-1234')).toBe(true);
    expect(isStagingFolder('14-calvados')).toBe(false);
  });
});

describe('folders new to the store', () => {
  /** StoreFs that records each rename into the store, as `from → to` relative to staging and root. */
  function recording(): { fs: StoreFs; renames: string[] } {
    const renames: string[] = [];
    const fs: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        const files = from.indexOf('/files/');
        if (files >= 0) renames.push(`${from.slice(files + '/files/'.length)} → ${to.slice(root.length + 1)}`);
        return nodeStoreFs.rename(from, to);
      },
    };
    return { fs, renames };
  }

  it('land in one rename each; files in stored folders and at the top one by one', async () => {
    await mkdir(join(root, 'c'), { recursive: true });
    await writeFile(join(root, 'c/state.json'), 'old');
    const { fs, renames } = recording();
    const tx = new StoreTransaction(root, fs);
    await tx.put('a/src/current.md', 'A');
    await tx.put('a/state.json', 'a state');
    await tx.put('b/src/current.md', 'B');
    await tx.put('c/state.json', 'new');
    await tx.put('guides.json', '{}');
    await tx.commit();
    expect(renames.sort()).toEqual(['a → a', 'b → b', 'c/state.json → c/state.json', 'guides.json → guides.json']);
    expect(await tree()).toEqual(['a/src/current.md', 'a/state.json', 'b/src/current.md', 'c/state.json', 'guides.json']);
    expect(await read('c/state.json')).toBe('new');
    expect((await readdir(root)).filter(isStagingFolder)).toEqual([]);
  });

  it.each([
    {
      name: 'land whole though a file never staged in them is removed (a page without a screenshot removes one)',
      change: async (tx: StoreTransaction) => {
        await tx.put('n/src/current.md', 'garde');
        tx.remove('n/src/current.png');
      },
      renames: ['n → n'],
      landed: ['n/src/current.md'],
    },
    {
      name: 'go file by file when a file staged in them was removed again: it never lands',
      change: async (tx: StoreTransaction) => {
        await tx.put('n/current.md', 'garde');
        await tx.put('n/current.png', 'retiré');
        tx.remove('n/current.png');
      },
      renames: ['n/current.md → n/current.md'],
      landed: ['n/current.md'],
    },
    {
      name: 'go file by file when a file staged in them was moved aside',
      change: async (tx: StoreTransaction) => {
        await tx.put('n/current.md', 'garde');
        await tx.put('n/current.json', '{ damaged');
        tx.moveAside('n/current.json', 'n/current.json.damaged-1');
      },
      renames: ['n/current.md → n/current.md'],
      landed: ['n/current.md'],
    },
  ])('$name', async ({ change, renames: expected, landed }) => {
    const { fs, renames } = recording();
    const tx = new StoreTransaction(root, fs);
    await change(tx);
    await tx.commit();
    expect(renames).toEqual(expected);
    expect(await tree()).toEqual(landed);
  });

  it('a kill after the commit point: recovery moves the folders not moved yet, and the one moved stays', async () => {
    let moves = 0;
    const dies: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (from.includes('/files/') && ++moves > 1) throw fault('EIO');
        return nodeStoreFs.rename(from, to);
      },
    };
    const tx = new StoreTransaction(root, dies);
    await tx.put('a/current.md', 'A');
    await tx.put('b/current.md', 'B');
    await tx.put('b/state.json', 'b state');
    await expect(tx.commit()).rejects.toBeInstanceOf(StoreWriteError);
    expect(await tree().then((names) => names.filter((name) => !name.startsWith('.')))).toEqual(['a/current.md']);
    await recoverStore(root);
    expect(await tree()).toEqual(['a/current.md', 'b/current.md', 'b/state.json']);
    expect(await read('b/state.json')).toBe('b state');
  });

  it('recovery puts the files one by one into a folder the store has by now, keeping what is there', async () => {
    const dies: StoreFs = { ...nodeStoreFs, rename: async (from, to) => (from.includes('/files/') ? Promise.reject(fault('EIO')) : nodeStoreFs.rename(from, to)) };
    const tx = new StoreTransaction(root, dies);
    await tx.put('a/src/current.md', 'A');
    await expect(tx.commit()).rejects.toBeInstanceOf(StoreWriteError);
    await mkdir(join(root, 'a'), { recursive: true });
    await writeFile(join(root, 'a/notes.txt'), 'ajouté entre-temps');
    await recoverStore(root);
    expect(await tree()).toEqual(['a/notes.txt', 'a/src/current.md']);
    expect(await read('a/src/current.md')).toBe('A');
  });
});
