import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileSnapshotStore, type SnapshotStore } from '../../src/snapshot/store.js';

/**
 * Files the store cannot read for another reason than "absent" or "a folder":
 * the error reaches the caller and nothing is moved aside, since the files may
 * be intact (root reads every file, so these use a symlink loop and a file
 * standing where a folder should be, not permissions).
 */
const ENTRY = '14-calvados';
const KEY = 'www.calvados.gouv.fr-1a2b3c4d';

let root: string;
let store: SnapshotStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-unreadable-'));
  store = createFileSnapshotStore(root, () => new Date('2026-11-27T01:02:03Z'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a snapshot slot the store cannot read', () => {
  it('fails with the system error when its meta is a symlink loop, and moves nothing', async () => {
    const folder = join(root, ENTRY, KEY);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'current.md'), 'Texte');
    await writeFile(join(folder, 'current.html'), '<main>Texte</main>');
    await symlink('current.json', join(folder, 'current.json'));
    await expect(store.read(ENTRY, KEY, 'current')).rejects.toMatchObject({ code: 'ELOOP' });
    expect((await readdir(folder)).sort()).toEqual(['current.html', 'current.json', 'current.md']);
  });
});

describe('an entry state the store cannot read', () => {
  it('fails with ENOTDIR when a file stands where the entry folder should be, and leaves the file', async () => {
    await writeFile(join(root, ENTRY), 'not a folder');
    await expect(store.readState(ENTRY)).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await readFile(join(root, ENTRY), 'utf8')).toBe('not a folder');
    expect((await readdir(root)).sort()).toEqual([ENTRY]);
  });
});

describe('problems the store names', () => {
  it('a state.json that is JSON but no object is "not valid (the state: …)"', async () => {
    await mkdir(join(root, ENTRY), { recursive: true });
    await writeFile(join(root, ENTRY, 'state.json'), '[]');
    expect((await store.readState(ENTRY)).damaged?.problem).toMatch(/^state\.json is not valid \(the state: .+\)$/);
  });

  it('a state.json with a bad value deep inside names its path', async () => {
    await mkdir(join(root, ENTRY), { recursive: true });
    await writeFile(join(root, ENTRY, 'state.json'), JSON.stringify({ sources: { 'https://www.calvados.gouv.fr/aes': 200 } }));
    expect((await store.readState(ENTRY)).damaged?.problem).toMatch(/^state\.json is not valid \(sources\.https:\/\/www\.calvados\.gouv\.fr\/aes: .+\)$/);
  });
});

describe('a slot that lost its text', () => {
  it('is set aside as "text or HTML file missing"', async () => {
    const written = createFileSnapshotStore(root, () => new Date('2026-11-27T01:02:03Z'));
    await written.write(ENTRY, KEY, 'current', {
      text: 'Texte',
      html: '<main>Texte</main>',
      meta: {
        url: 'https://www.calvados.gouv.fr/aes',
        finalUrl: 'https://www.calvados.gouv.fr/aes',
        httpStatus: 200,
        redirects: [],
        fetchedWith: 'http',
        capturedAt: '2026-11-27T01:02:03.000Z',
        validators: { etag: null, lastModified: null },
        charset: 'utf-8',
        contentType: 'text/html',
        title: 'AES',
        pageUpdated: null,
        extractorVersion: 3,
        sha256: { text: '', html: '' },
        facts: [],
        hasScreenshot: false,
      },
    });
    await rm(join(root, ENTRY, KEY, 'current.md'));
    const read = await store.read(ENTRY, KEY, 'current');
    expect(read.kind === 'damaged' && read.problem).toBe('text or HTML file missing');
  });
});

describe('the default clock', () => {
  it('dates the files it sets aside with the current time', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T21:30:00.123Z') });
    try {
      const clocked = createFileSnapshotStore(root);
      await mkdir(join(root, ENTRY, 'state.json'), { recursive: true });
      const read = await clocked.readState(ENTRY);
      expect(read.damaged?.movedTo).toEqual([join(root, ENTRY, 'state.json.damaged-2026-12-01T21-30-00-123Z')]);
    } finally {
      vi.useRealTimers();
    }
  });
});
