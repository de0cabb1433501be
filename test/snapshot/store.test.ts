import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { createFileSnapshotStore, type SnapshotStore } from '../../src/snapshot/store.js';
import { tempFolder } from '../support/temp.js';

function snapshot(text: string): Snapshot {
  return {
    text,
    html: `<main>${text}</main>`,
    meta: {
      url: 'http://127.0.0.1/page',
      finalUrl: 'http://127.0.0.1/page',
      httpStatus: 200,
      redirects: [],
      fetchedWith: 'http',
      capturedAt: '2026-01-01T00:00:00.000Z',
      validators: { etag: '"v1"', lastModified: null },
      charset: 'utf-8',
      contentType: 'text/html',
      title: 'Titre',
      pageUpdated: '2025-01-02',
      extractorVersion: 1,
      sha256: { text: '', html: '' },
      facts: [{ kind: 'email', value: 'pref@example.gouv.fr' }],
      hasScreenshot: false,
    },
  };
}

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
