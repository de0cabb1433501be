import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFileSnapshotStore, type SnapshotStore } from '../../src/snapshot/store.js';
import { tempFolder } from '../support/temp.js';
import { pageSnapshot } from '../support/page-snapshot.js';

const snapshot = (text: string) => pageSnapshot(text);

describe('file snapshot store', () => {
  let root: string;
  let store: SnapshotStore;
  beforeEach(async () => {
    root = await tempFolder('aes-store-');
    store = createFileSnapshotStore(root, () => new Date('2026-11-27T01:02:03Z'));
  });

  it('round-trips a snapshot as plain files', async () => {
    await store.write('14-calvados', 'host-1', 'current', snapshot('Texte A'));
    const read = await store.read('14-calvados', 'host-1', 'current');
    expect(read.kind).toBe('found');
    if (read.kind === 'found') expect(read.snapshot.text).toBe('Texte A');
    expect(await readFile(join(root, '14-calvados', 'host-1', 'current.md'), 'utf8')).toBe('Texte A');
  });

  it('moves a corrupt meta file aside instead of trusting or overwriting it', async () => {
    await store.write('14-calvados', 'host-1', 'current', snapshot('Texte A'));
    await writeFile(join(root, '14-calvados', 'host-1', 'current.json'), '{ not json');
    const read = await store.read('14-calvados', 'host-1', 'current');
    expect(read.kind).toBe('damaged');
    const files = await readdir(join(root, '14-calvados', 'host-1'));
    expect(files).toContain('current.json.damaged-2026-11-27T01-02-03-000Z');
    expect(files).toContain('current.md.damaged-2026-11-27T01-02-03-000Z');
    expect(await readFile(join(root, '14-calvados', 'host-1', 'current.json.damaged-2026-11-27T01-02-03-000Z'), 'utf8')).toBe('{ not json');
    // Gone from its place, kept aside: the next read says so instead of trusting it.
    expect(await store.read('14-calvados', 'host-1', 'current')).toMatchObject({ kind: 'set-aside', movedTo: expect.arrayContaining([join(root, '14-calvados', 'host-1', 'current.json.damaged-2026-11-27T01-02-03-000Z')]) });
  });

  it('detects text edited behind its hash', async () => {
    await store.write('14-calvados', 'host-1', 'current', snapshot('Texte A'));
    await writeFile(join(root, '14-calvados', 'host-1', 'current.md'), 'Texte B');
    const read = await store.read('14-calvados', 'host-1', 'current');
    expect(read).toMatchObject({ kind: 'damaged', problem: 'text does not match its recorded hash' });
  });

  it('promotes current to baseline', async () => {
    await store.write('50-manche', 'k', 'current', snapshot('Texte C'));
    expect(await store.promote('50-manche', 'k')).toBe(true);
    const read = await store.read('50-manche', 'k', 'baseline');
    expect(read.kind === 'found' && read.snapshot.text).toBe('Texte C');
    expect(await store.promote('50-manche', 'absent')).toBe(false);
  });
});
