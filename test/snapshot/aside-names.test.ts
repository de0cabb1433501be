import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFileSnapshotStore, type SnapshotStore } from '../../src/snapshot/store.js';
import { tempFolder } from '../support/temp.js';
import { pageSnapshot } from '../support/page-snapshot.js';

/**
 * Damaged files are kept under a dated name. Two in the same millisecond (a
 * fast machine, a clock set back, a fixed test clock) must both be kept: a
 * used name gets a number, never an overwrite.
 */
const NOW = new Date('2026-11-27T01:02:03Z');
const STAMP = '2026-11-27T01-02-03-000Z';

const snapshot = (text: string) => pageSnapshot(text, { capturedAt: NOW.toISOString(), validators: { etag: null, lastModified: null }, pageUpdated: null, facts: [] });

describe('names of damaged files kept aside', () => {
  let root: string;
  let store: SnapshotStore;
  const folder = () => join(root, '14-calvados', 'host-1');
  beforeEach(async () => {
    root = await tempFolder('aes-aside-');
    store = createFileSnapshotStore(root, () => NOW);
  });

  it('a second damaged snapshot in the same millisecond is kept under a numbered name, the first untouched', async () => {
    await store.write('14-calvados', 'host-1', 'current', snapshot('Texte A'));
    await writeFile(join(folder(), 'current.json'), '{ first damage');
    expect(await store.read('14-calvados', 'host-1', 'current')).toMatchObject({ kind: 'damaged' });

    await store.write('14-calvados', 'host-1', 'current', snapshot('Texte B'));
    await writeFile(join(folder(), 'current.json'), '{ second damage');
    const second = await store.read('14-calvados', 'host-1', 'current');
    expect(second).toMatchObject({ kind: 'damaged', movedTo: expect.arrayContaining([join(folder(), `current.json.damaged-${STAMP}-2`)]) });

    expect(await readFile(join(folder(), `current.json.damaged-${STAMP}`), 'utf8')).toBe('{ first damage');
    expect(await readFile(join(folder(), `current.json.damaged-${STAMP}-2`), 'utf8')).toBe('{ second damage');
    expect(await readFile(join(folder(), `current.md.damaged-${STAMP}`), 'utf8')).toBe('Texte A');
    expect(await readFile(join(folder(), `current.md.damaged-${STAMP}-2`), 'utf8')).toBe('Texte B');
    expect((await readdir(folder())).filter((name) => name.startsWith('current.') && !name.includes('damaged'))).toEqual([]);
  });

  it('a third gets the next number; a damaged state.json is numbered the same way', async () => {
    for (const damage of ['{ one', '{ two', '{ three']) {
      await store.write('14-calvados', 'host-1', 'current', snapshot('Texte'));
      await writeFile(join(folder(), 'current.json'), damage);
      await store.read('14-calvados', 'host-1', 'current');
    }
    expect(await readFile(join(folder(), `current.json.damaged-${STAMP}-3`), 'utf8')).toBe('{ three');

    for (const damage of ['[1', '[2']) {
      await writeFile(join(root, '14-calvados', 'state.json'), damage);
      expect((await store.readState('14-calvados')).damaged).not.toBeNull();
    }
    expect(await readFile(join(root, '14-calvados', `state.json.damaged-${STAMP}`), 'utf8')).toBe('[1');
    expect(await readFile(join(root, '14-calvados', `state.json.damaged-${STAMP}-2`), 'utf8')).toBe('[2');
  });

  it('a linked document damaged twice in the same millisecond keeps both copies', async () => {
    const place = join('14-calvados', 'host-1', 'documents', 'formulaire');
    const dir = join(root, place);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'current.pdf'), 'first');
    expect(await store.documents.moveAside(place, 'current')).toBe(`.corrupt-${STAMP}`);
    await writeFile(join(dir, 'current.pdf'), 'second');
    expect(await store.documents.moveAside(place, 'current')).toBe(`.corrupt-${STAMP}-2`);
    expect(await readFile(join(dir, `current.pdf.corrupt-${STAMP}`), 'utf8')).toBe('first');
    expect(await readFile(join(dir, `current.pdf.corrupt-${STAMP}-2`), 'utf8')).toBe('second');
  });
});
