import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { StoreTransaction } from '../../src/snapshot/staging.js';
import { createFileSnapshotStore, sha256, type SnapshotStore } from '../../src/snapshot/store.js';
import { pageSnapshot } from '../support/page-snapshot.js';

/** The file snapshot store through its interface, on a real temporary folder, as runs and `accept` use it. */
const ENTRY = '14-calvados';
const KEY = 'www-calvados-gouv-fr-aes';
const STAMP = '2026-11-27T01-02-03-000Z';

let root: string;
let store: SnapshotStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-slots-'));
  store = createFileSnapshotStore(root, () => new Date('2026-11-27T01:02:03Z'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function snapshot(text: string, fetchedWith: 'http' | 'browser' = 'http'): Snapshot {
  const meta = { url: 'https://www.calvados.gouv.fr/aes', capturedAt: '2026-11-27T01:02:03.000Z', title: 'Admission exceptionnelle au séjour', pageUpdated: '2023-01-14' };
  return pageSnapshot(text, { ...meta, finalUrl: meta.url, fetchedWith, extractorVersion: 3, sha256: { text: 'stale', html: 'stale', png: 'stale' }, facts: [{ kind: 'email', value: 'pref-sejour@testville.gouv.fr' }] }, `<main><p>${text}</p></main>`);
}

const PNG = Buffer.from('\x89PNG screenshot');
const files = async () => (await readdir(join(root, ENTRY, KEY)).catch(() => [] as string[])).sort();
const file = (name: string) => join(root, ENTRY, KEY, name);

describe('snapshot slots', () => {
  it('store the hashes of their own files, whatever the meta said before', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Envoyez votre demande par courrier.'));
    const meta = JSON.parse(await readFile(file('current.json'), 'utf8'));
    expect(meta.sha256).toEqual({ text: sha256('Envoyez votre demande par courrier.'), html: sha256('<main><p>Envoyez votre demande par courrier.</p></main>') });
    expect(meta.hasScreenshot).toBe(false);
    expect(await readFile(file('current.json'), 'utf8')).toMatch(/\}\n$/);
    const read = await store.read(ENTRY, KEY, 'current');
    expect(read.kind === 'found' && read.snapshot.meta.facts).toEqual([{ kind: 'email', value: 'pref-sejour@testville.gouv.fr' }]);
    expect(read.kind === 'found' && read.snapshot.html).toBe('<main><p>Envoyez votre demande par courrier.</p></main>');
    expect(read.kind === 'found' && read.screenshot).toBeNull();
  });

  it('keep a browser page\'s screenshot with it, and drop an older one when the next fetch has none', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Texte A', 'browser'), PNG);
    const read = await store.read(ENTRY, KEY, 'current');
    expect(read.kind).toBe('found');
    expect(read.kind === 'found' && read.screenshot?.equals(PNG)).toBe(true);
    expect(read.kind === 'found' && read.snapshot.meta.hasScreenshot).toBe(true);

    await store.write(ENTRY, KEY, 'current', snapshot('Texte B'));
    expect(await files()).toEqual(['current.html', 'current.json', 'current.md']);
    const again = await store.read(ENTRY, KEY, 'current');
    expect(again.kind === 'found' && again.screenshot).toBeNull();
  });

  it('are found once written, though the store read them missing before', async () => {
    expect(await store.read(ENTRY, KEY, 'current')).toEqual({ kind: 'missing' });
    await store.write(ENTRY, KEY, 'current', snapshot('Texte'));
    const read = await store.read(ENTRY, KEY, 'current');
    expect(read.kind === 'found' && read.snapshot.text).toBe('Texte');
  });

  it('are missing when never written, and each slot is its own', async () => {
    expect(await store.read(ENTRY, KEY, 'current')).toEqual({ kind: 'missing' });
    await store.write(ENTRY, KEY, 'current', snapshot('Texte'));
    expect(await store.read(ENTRY, KEY, 'baseline')).toEqual({ kind: 'missing' });
  });

  describe('damaged', () => {
    beforeEach(async () => {
      await store.write(ENTRY, KEY, 'current', snapshot('Texte', 'browser'), PNG);
    });
    const damaged = async () => {
      const read = await store.read(ENTRY, KEY, 'current');
      if (read.kind !== 'damaged') throw new Error(`expected damaged, got ${read.kind}`);
      return read;
    };

    it('a slot set aside leaves the other, absent slot missing', async () => {
      await writeFile(file('current.md'), 'edited');
      await damaged();
      expect(await store.read(ENTRY, KEY, 'baseline')).toEqual({ kind: 'missing' });
    });

    it('a slot whose meta is gone, moving every file of it aside', async () => {
      await rm(file('current.json'));
      const read = await damaged();
      expect(read.problem).toBe('current.md, current.html, current.png without its current.json');
      expect(read.movedTo).toEqual(['md', 'html', 'png'].map((ext) => file(`current.${ext}.damaged-${STAMP}`)));
      expect(await files()).toEqual(['current.html', 'current.md', 'current.png'].map((n) => `${n}.damaged-${STAMP}`).sort());
    });

    it('a slot whose meta is valid JSON but not a snapshot meta', async () => {
      await writeFile(file('current.json'), JSON.stringify({ url: 'https://www.calvados.gouv.fr/aes' }));
      expect((await damaged()).problem).toMatch(/^invalid metadata \([a-zA-Z.]+: .+\)$/);
      const meta = JSON.parse(await readFile(file('current.json.damaged-' + STAMP), 'utf8').catch(() => '{}'));
      expect(meta).toEqual({ url: 'https://www.calvados.gouv.fr/aes' });
    });

    it('a slot whose meta lacks a nested field, named by its path', async () => {
      const meta = JSON.parse(await readFile(file('current.json'), 'utf8'));
      delete meta.sha256.text;
      await writeFile(file('current.json'), JSON.stringify(meta));
      expect((await damaged()).problem).toMatch(/^invalid metadata \(sha256\.text: .+\)$/);
    });

    it('a slot whose meta is not JSON', async () => {
      await writeFile(file('current.json'), '{"url":');
      expect((await damaged()).problem).toMatch(/^not JSON \(.+\)$/);
    });

    it('a slot where a folder stands for a file', async () => {
      await rm(file('current.md'));
      await mkdir(file('current.md'));
      expect((await damaged()).problem).toBe('current.md is a folder, not a file');
    });

    it('a slot whose meta is a folder', async () => {
      await rm(file('current.json'));
      await mkdir(file('current.json'));
      expect((await damaged()).problem).toBe('current.json is a folder, not a file');
    });

    it('a slot missing its text or its HTML', async () => {
      await rm(file('current.html'));
      expect((await damaged()).problem).toBe('text or HTML file missing');
    });

    it('a slot whose HTML was edited', async () => {
      await writeFile(file('current.html'), '<main>autre</main>');
      expect((await damaged()).problem).toBe('HTML does not match its recorded hash');
    });

    it('a slot whose screenshot was replaced or lost', async () => {
      await writeFile(file('current.png'), 'another screenshot');
      expect((await damaged()).problem).toBe('screenshot does not match its recorded hash');
      await store.write(ENTRY, KEY, 'current', snapshot('Texte', 'browser'), PNG);
      await rm(file('current.png'));
      expect((await damaged()).problem).toBe('screenshot does not match its recorded hash');
    });

    it('and only the damaged slot is set aside', async () => {
      await store.write(ENTRY, KEY, 'baseline', snapshot('Texte'));
      await writeFile(file('current.md'), 'edited');
      const { movedTo } = await damaged();
      expect(await store.read(ENTRY, KEY, 'current')).toEqual({ kind: 'set-aside', movedTo: [...movedTo].sort() });
      expect((await store.read(ENTRY, KEY, 'baseline')).kind).toBe('found');
      // The next write starts the slot afresh; what was set aside stays.
      await store.write(ENTRY, KEY, 'current', snapshot('Texte neuf'));
      expect((await store.read(ENTRY, KEY, 'current')).kind).toBe('found');
      expect((await files()).filter((n) => n.includes('.damaged-'))).toHaveLength(4);
    });
  });
});

describe('promote', () => {
  it('makes current the baseline, screenshot and documents included', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Texte revu', 'browser'), PNG);
    await store.documents.write(join(ENTRY, KEY, 'documents', 'dossier'), 'current', {
      text: 'Dossier',
      bytes: Buffer.from('%PDF dossier'),
      meta: {
        url: 'https://www.calvados.gouv.fr/dossier.pdf',
        finalUrl: 'https://www.calvados.gouv.fr/dossier.pdf',
        httpStatus: 200,
        capturedAt: '2026-11-27T01:02:03.000Z',
        validators: { etag: null, lastModified: null },
        contentType: 'application/pdf',
        ext: 'pdf',
        bytes: 12,
        read: 'text',
        readerVersion: 1,
        link: { title: 'Dossier', format: null, size: null, date: null },
        sha256: { file: '', text: '' },
      },
    });
    expect(await store.promote(ENTRY, KEY)).toBe(true);
    const baseline = await store.read(ENTRY, KEY, 'baseline');
    expect(baseline.kind === 'found' && baseline.snapshot.text).toBe('Texte revu');
    expect(baseline.kind === 'found' && baseline.screenshot?.equals(PNG)).toBe(true);
    expect((await readdir(join(root, ENTRY, KEY, 'documents', 'dossier'))).filter((n) => n.startsWith('baseline.')).sort()).toEqual(['baseline.json', 'baseline.md', 'baseline.pdf']);
  });

  it('drops the old baseline screenshot when current has none', async () => {
    await store.write(ENTRY, KEY, 'baseline', snapshot('Ancien', 'browser'), PNG);
    await store.write(ENTRY, KEY, 'current', snapshot('Nouveau'));
    expect(await store.promote(ENTRY, KEY)).toBe(true);
    expect(await files()).toEqual(['baseline.html', 'baseline.json', 'baseline.md', 'current.html', 'current.json', 'current.md']);
    const baseline = await store.read(ENTRY, KEY, 'baseline');
    expect(baseline.kind === 'found' && baseline.snapshot.text).toBe('Nouveau');
  });

  it('never makes a damaged current the baseline', async () => {
    await store.write(ENTRY, KEY, 'baseline', snapshot('Revu'));
    await store.write(ENTRY, KEY, 'current', snapshot('Nouveau'));
    await writeFile(file('current.md'), 'edited behind the hash');
    expect(await store.promote(ENTRY, KEY)).toBe(false);
    const baseline = await store.read(ENTRY, KEY, 'baseline');
    expect(baseline.kind === 'found' && baseline.snapshot.text).toBe('Revu');
  });
});

describe('promoting a current written in the same run', () => {
  it('copies it as staged, with its screenshot', async () => {
    const tx = new StoreTransaction(root);
    const run = createFileSnapshotStore(root, () => new Date('2026-11-27T01:02:03Z'), { transaction: tx });
    await run.write(ENTRY, KEY, 'current', snapshot('Première lecture', 'browser'), PNG);
    expect(await run.promote(ENTRY, KEY)).toBe(true);
    await tx.commit();
    expect(await files()).toEqual(['baseline.html', 'baseline.json', 'baseline.md', 'baseline.png', 'current.html', 'current.json', 'current.md', 'current.png']);
    const baseline = await store.read(ENTRY, KEY, 'baseline');
    expect(baseline.kind === 'found' && baseline.snapshot.text).toBe('Première lecture');
    expect(baseline.kind === 'found' && baseline.screenshot?.equals(PNG)).toBe(true);
  });

  it('drops a stored baseline screenshot when the staged current has none', async () => {
    await store.write(ENTRY, KEY, 'baseline', snapshot('Ancien', 'browser'), PNG);
    const tx = new StoreTransaction(root);
    const run = createFileSnapshotStore(root, () => new Date('2026-11-27T01:02:03Z'), { transaction: tx });
    await run.write(ENTRY, KEY, 'current', snapshot('Nouveau'));
    expect(await run.promote(ENTRY, KEY)).toBe(true);
    await tx.commit();
    expect(await files()).toEqual(['baseline.html', 'baseline.json', 'baseline.md', 'current.html', 'current.json', 'current.md']);
    const baseline = await store.read(ENTRY, KEY, 'baseline');
    expect(baseline.kind === 'found' && baseline.snapshot.text).toBe('Nouveau');
  });
});

describe('entries and state', () => {
  it('lists entry folders and their sources, sorted, without transaction folders or files', async () => {
    expect(await store.entryIds()).toEqual([]);
    for (const key of ['b-source', 'a-source', 'z-source', 'm-source']) await store.write('50-manche', key, 'current', snapshot('M'));
    for (const id of ['61-orne', ENTRY, '27-eure', '76-seine-maritime']) await store.write(id, KEY, 'current', snapshot('C'));
    await mkdir(join(root, '.aes-watch-staging-left'));
    await writeFile(join(root, 'README'), 'notes');
    expect(await store.entryIds()).toEqual([ENTRY, '27-eure', '50-manche', '61-orne', '76-seine-maritime']);
    expect(await store.sourceKeys('50-manche')).toEqual(['a-source', 'b-source', 'm-source', 'z-source']);
    expect(await store.sourceKeys('35-ille-et-vilaine')).toEqual([]);
  });

  it('starts an entry with no state from zero failures, and says it had none (a first check)', async () => {
    expect(await store.readState(ENTRY)).toEqual({ state: { consecutiveFailures: 0 }, damaged: null, stored: false });
  });

  it('reads back the state it wrote', async () => {
    const state = { consecutiveFailures: 2, sources: { 'https://www.calvados.gouv.fr/aes': 'page https://www.calvados.gouv.fr/aes' }, failing: ['https://www.calvados.gouv.fr/aes'] };
    await store.writeState(ENTRY, state);
    expect(await store.readState(ENTRY)).toEqual({ state, damaged: null, stored: true });
    expect(await readFile(join(root, ENTRY, 'state.json'), 'utf8')).toBe(JSON.stringify(state, null, 2) + '\n');
  });

  it('moves an unreadable state aside and starts again from zero', async () => {
    await mkdir(join(root, ENTRY), { recursive: true });
    await writeFile(join(root, ENTRY, 'state.json'), '{"consecutiveFailures": -1}');
    const read = await store.readState(ENTRY);
    expect(read.state).toEqual({ consecutiveFailures: 0 });
    expect(read.stored).toBe(true); // damaged, but there: not a first check
    // The problem names the field and what is wrong with it, not the first line of a zod error dump.
    expect(read.damaged?.problem).toMatch(/^state\.json is not valid \(consecutiveFailures: .*>=\s*0.*\)$/);
    expect(read.damaged?.problem).not.toContain('\n');
    await mkdir(join(root, '50-manche'), { recursive: true });
    await writeFile(join(root, '50-manche', 'state.json'), '{"consecutiveFailures": 1,');
    expect((await store.readState('50-manche')).damaged?.problem).toMatch(/^state\.json is not valid \(.*JSON.*\)$/);
    expect(read.damaged?.movedTo).toEqual([join(root, ENTRY, `state.json.damaged-${STAMP}`)]);
    expect(await readFile(join(root, ENTRY, `state.json.damaged-${STAMP}`), 'utf8')).toBe('{"consecutiveFailures": -1}');
    expect(await store.readState(ENTRY)).toEqual({ state: { consecutiveFailures: 0 }, damaged: null, stored: false });
  });

  it('moves a state folder aside', async () => {
    await mkdir(join(root, ENTRY, 'state.json'), { recursive: true });
    const read = await store.readState(ENTRY);
    expect(read.damaged?.problem).toBe('state.json is a folder, not a file');
  });
});

describe('in a run\'s transaction', () => {
  it('shows its own writes to its reads, and lands them only at commit', async () => {
    const tx = new StoreTransaction(root);
    const inRun = createFileSnapshotStore(root, () => new Date('2026-11-27T01:02:03Z'), { transaction: tx });
    await inRun.write(ENTRY, KEY, 'current', snapshot('Texte du soir'));
    await inRun.writeState(ENTRY, { consecutiveFailures: 1 });
    const seen = await inRun.read(ENTRY, KEY, 'current');
    expect(seen.kind === 'found' && seen.snapshot.text).toBe('Texte du soir');
    // The entry's folder is not in the store yet (its listing is skipped): the staged text is read all the same.
    const text = await inRun.readText(ENTRY, KEY, 'current');
    expect(text.kind === 'found' && text.snapshot.text).toBe('Texte du soir');
    expect((await inRun.readState(ENTRY)).state.consecutiveFailures).toBe(1);
    expect(await store.read(ENTRY, KEY, 'current')).toEqual({ kind: 'missing' });
    await tx.commit();
    const after = await store.read(ENTRY, KEY, 'current');
    expect(after.kind === 'found' && after.snapshot.text).toBe('Texte du soir');
  });

  it('reads what the store held before the run, and finds nothing for an entry it does not hold', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Texte de la veille'));
    const inRun = createFileSnapshotStore(root, () => new Date(), { transaction: new StoreTransaction(root) });
    const text = await inRun.readText(ENTRY, KEY, 'current');
    expect(text.kind === 'found' && text.snapshot.text).toBe('Texte de la veille');
    expect(await inRun.readText('50-manche', KEY, 'current')).toEqual({ kind: 'missing' });
  });

  it('leaves the store as it was when a write fails', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Avant'));
    const failing = createFileSnapshotStore(root, () => new Date(), {
      fs: { writeFile: async () => Promise.reject(Object.assign(new Error('full'), { code: 'ENOSPC' })), mkdir: async () => undefined, rename: async () => undefined, copyFile: async () => undefined },
    });
    await expect(failing.write(ENTRY, KEY, 'current', snapshot('Après'))).rejects.toMatchObject({ name: 'StoreWriteError', code: 'ENOSPC' });
    const read = await store.read(ENTRY, KEY, 'current');
    expect(read.kind === 'found' && read.snapshot.text).toBe('Avant');
    expect((await readdir(root)).sort()).toEqual([ENTRY]);
  });
});

describe('reading a slot without its HTML (readText)', () => {
  it('gives the meta and text, and never opens the HTML or the screenshot', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Texte A', 'browser'), PNG);
    await writeFile(file('current.html'), 'changed behind its hash');
    await writeFile(file('current.png'), 'changed too');
    const text = await store.readText(ENTRY, KEY, 'current');
    expect(text).toEqual({ kind: 'found', snapshot: { meta: expect.objectContaining({ title: 'Admission exceptionnelle au séjour' }), text: 'Texte A' } });
    // A whole read checks them: the slot is damaged.
    const whole = await store.read(ENTRY, KEY, 'current');
    expect(whole.kind === 'damaged' && whole.problem).toBe('HTML does not match its recorded hash');
  });

  it('finds a folder where the HTML should be, without reading anything in it', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Texte A'));
    await rm(file('current.html'));
    await mkdir(file('current.html'));
    const read = await store.readText(ENTRY, KEY, 'current');
    expect(read.kind === 'damaged' && read.problem).toBe('current.html is a folder, not a file');
  });

  it('still finds a slot without its HTML file damaged, and a text that does not match its hash', async () => {
    await store.write(ENTRY, KEY, 'current', snapshot('Texte A'));
    await rm(file('current.html'));
    const noHtml = await store.readText(ENTRY, KEY, 'current');
    expect(noHtml.kind === 'damaged' && noHtml.problem).toBe('text or HTML file missing');

    await store.write(ENTRY, KEY, 'baseline', snapshot('Revu'));
    await writeFile(file('baseline.md'), 'edited behind the hash');
    const edited = await store.readText(ENTRY, KEY, 'baseline');
    expect(edited.kind === 'damaged' && edited.problem).toBe('text does not match its recorded hash');
    expect(edited.kind === 'damaged' && edited.movedTo.map((path) => path.slice(path.lastIndexOf('/') + 1).replace(/\.damaged-.*/, ''))).toEqual(['baseline.json', 'baseline.md', 'baseline.html']);
  });
});
