import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { calvados, useCalvadosScene } from './fixture-run.js';
import { EXTRACTOR_VERSION } from '../../src/extract/extraction.js';

const PAGE = '/Demarches/AES';
const scene = useCalvadosScene('127.0.0.3', PAGE);

async function sourceDir(): Promise<string> {
  const [key] = await readdir(join(scene.ws.snapshots, '14-calvados'), { withFileTypes: true }).then((items) => items.filter((i) => i.isDirectory()).map((i) => i.name));
  return join(scene.ws.snapshots, '14-calvados', key!);
}

describe('snapshots', () => {
  it('stores text, metadata and raw HTML as plain files, and a first ok run becomes the baseline', async () => {
    await scene.ws.check();
    const dir = await sourceDir();
    expect((await readdir(dir)).sort()).toEqual(['baseline.html', 'baseline.json', 'baseline.md', 'current.html', 'current.json', 'current.md']);
    const meta = JSON.parse(await readFile(join(dir, 'current.json'), 'utf8'));
    expect(meta).toMatchObject({ url: scene.site.url(PAGE), httpStatus: 200, fetchedWith: 'http', pageUpdated: '2023-01-14', extractorVersion: EXTRACTOR_VERSION });
    expect(await readFile(join(dir, 'current.md'), 'utf8')).toContain('TESTVILLE CEDEX 08');
  });

  it('leaves the files untouched on an unchanged rerun', async () => {
    await scene.ws.check();
    const dir = await sourceDir();
    const before = await readFile(join(dir, 'current.json'), 'utf8');
    await scene.ws.check();
    expect(await readFile(join(dir, 'current.json'), 'utf8')).toBe(before);
  });

  it('never replaces a good snapshot with a failed fetch', async () => {
    await scene.ws.check();
    const dir = await sourceDir();
    const text = await readFile(join(dir, 'current.md'), 'utf8');
    scene.site.set(PAGE, { status: 500, body: 'oops' });
    await scene.ws.check();
    scene.site.set(PAGE, { body: '<html><body><p>Please enable JavaScript</p></body></html>' });
    await scene.ws.check('--fetch', 'http');
    expect(await readFile(join(dir, 'current.md'), 'utf8')).toBe(text);
  });

  it('moves a corrupt snapshot aside with a warning and goes on', async () => {
    await scene.ws.check();
    const dir = await sourceDir();
    await writeFile(join(dir, 'current.json'), '{"url": 12');
    const { report, stderr } = await scene.ws.check();
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/14-calvados\/.*current: the stored current snapshot was damaged \(not JSON/);
    expect(stderr).toContain('warning: snapshot 14-calvados');
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('current.json.damaged-'))).toBe(true);
    expect(await readFile(join(dir, files.find((f) => f.startsWith('current.json.damaged-'))!), 'utf8')).toBe('{"url": 12');
    expect(report.entries[0]!.status).toBe('ok');
  });

  it('re-extracts a baseline made by an older extractor instead of reporting a change', async () => {
    await scene.ws.check();
    const dir = await sourceDir();
    // An older release extracted differently: same HTML, other text and version.
    const { createFileSnapshotStore } = await import('../../src/snapshot/store.js');
    const store = createFileSnapshotStore(scene.ws.snapshots);
    const read = await store.read('14-calvados', dir.split('/').at(-1)!, 'baseline');
    if (read.kind !== 'found') throw new Error('no baseline');
    await store.write('14-calvados', dir.split('/').at(-1)!, 'baseline', {
      ...read.snapshot,
      text: read.snapshot.text.toUpperCase(),
      meta: { ...read.snapshot.meta, extractorVersion: 0 },
    });
    const entry = (await scene.ws.check()).report.entries[0]!;
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8')).extractorVersion).toBe(EXTRACTOR_VERSION);
  });

  it('accept makes the current snapshot the reviewed baseline', async () => {
    await scene.ws.check();
    scene.site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() + '<p>Nouveau : joignez aussi une photo d’identité récente.</p>' }) });
    const changed = (await scene.ws.check()).report.entries[0]!;
    expect(changed).toMatchObject({ status: 'stale', reasons: [{ code: 'content-changed' }] });

    const accepted = await scene.ws.run('accept', '14', '--snapshots', scene.ws.snapshots, '--guide', scene.ws.guide);
    expect(accepted).toMatchObject({ code: 0 });
    expect(accepted.stdout).toContain('accepted 14-calvados: 1 source(s)');
    const after = (await scene.ws.check()).report.entries[0]!;
    expect(after).toMatchObject({ status: 'ok', reasons: [] });
  });

  it('accept rejects an unknown entry and a missing argument with one line and exit 2', async () => {
    await scene.ws.check();
    expect(await scene.ws.run('accept', '99-nowhere', '--snapshots', scene.ws.snapshots, '--guide', scene.ws.guide)).toMatchObject({ code: 2, stderr: 'aes-watch: accept: no snapshot for "99-nowhere" in snapshots/\n' });
    expect((await scene.ws.run('accept', '--snapshots', scene.ws.snapshots, '--guide', scene.ws.guide)).code).toBe(2);
  });
});

describe('check --only', () => {
  it('rechecks only the named entries and leaves the others’ snapshots untouched', async () => {
    const manche = { code: '50', departmentPhrase: 'de la Manche', prefecture: 'Testville', url: scene.site.url('/manche'), procedure: postalGuideText() };
    scene.site.set('/manche', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    await scene.ws.writeGuide([calvados(scene.site.url(PAGE), postalGuideText()), manche]);
    await scene.ws.check();
    const mancheMeta = join(scene.ws.snapshots, '50-manche');
    const before = await readdir(mancheMeta, { recursive: true });
    const changed = dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email: 'nouveau@testville.gouv.fr' }) });
    scene.site.set(PAGE, { body: changed });
    scene.site.set('/manche', { body: changed });
    const requests = scene.site.requests.length;

    const { report } = await scene.ws.check('--only', '14');
    expect(report.entries.map((e) => [e.id, e.status])).toEqual([['14-calvados', 'stale']]);
    expect(scene.site.requests.slice(requests).map((r) => r.path)).toEqual([PAGE]);
    expect(await readdir(mancheMeta, { recursive: true })).toEqual(before);
    const [key] = (await readdir(mancheMeta, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(await readFile(join(mancheMeta, key!, 'current.md'), 'utf8')).toContain('pref-sejour@testville.gouv.fr');
  });
});
