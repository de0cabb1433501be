import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { calvados, workspace, type Workspace } from './fixture-run.js';

let site: FixtureSite;
let ws: Workspace;
const PAGE = '/Demarches/AES';

beforeAll(async () => {
  site = await startSite({}, '127.0.0.3');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
  ws = await workspace();
  await ws.writeGuide([calvados(site.url(PAGE), postalGuideText())]);
});

async function sourceDir(): Promise<string> {
  const [key] = await readdir(join(ws.snapshots, '14-calvados'), { withFileTypes: true }).then((items) => items.filter((i) => i.isDirectory()).map((i) => i.name));
  return join(ws.snapshots, '14-calvados', key!);
}

describe('snapshots', () => {
  it('stores text, metadata and raw HTML as plain files, and a first ok run becomes the baseline', async () => {
    await ws.check();
    const dir = await sourceDir();
    expect((await readdir(dir)).sort()).toEqual(['baseline.html', 'baseline.json', 'baseline.md', 'current.html', 'current.json', 'current.md']);
    const meta = JSON.parse(await readFile(join(dir, 'current.json'), 'utf8'));
    expect(meta).toMatchObject({ url: site.url(PAGE), httpStatus: 200, fetchedWith: 'http', pageUpdated: '2023-01-14', extractorVersion: 1 });
    expect(await readFile(join(dir, 'current.md'), 'utf8')).toContain('TESTVILLE CEDEX 08');
  });

  it('leaves the files untouched on an unchanged rerun', async () => {
    await ws.check();
    const dir = await sourceDir();
    const before = await readFile(join(dir, 'current.json'), 'utf8');
    await ws.check();
    expect(await readFile(join(dir, 'current.json'), 'utf8')).toBe(before);
  });

  it('never replaces a good snapshot with a failed fetch', async () => {
    await ws.check();
    const dir = await sourceDir();
    const text = await readFile(join(dir, 'current.md'), 'utf8');
    site.set(PAGE, { status: 500, body: 'oops' });
    await ws.check();
    site.set(PAGE, { body: '<html><body><p>Please enable JavaScript</p></body></html>' });
    await ws.check('--fetch', 'http');
    expect(await readFile(join(dir, 'current.md'), 'utf8')).toBe(text);
  });

  it('moves a corrupt snapshot aside with a warning and goes on', async () => {
    await ws.check();
    const dir = await sourceDir();
    await writeFile(join(dir, 'current.json'), '{"url": 12');
    const { report, stderr } = await ws.check();
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/14-calvados\/.*current was corrupt \(not JSON/);
    expect(stderr).toContain('warning: snapshot 14-calvados');
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('current.json.corrupt-'))).toBe(true);
    expect(await readFile(join(dir, files.find((f) => f.startsWith('current.json.corrupt-'))!), 'utf8')).toBe('{"url": 12');
    expect(report.entries[0]!.status).toBe('ok');
  });

  it('re-extracts a baseline made by an older extractor instead of reporting a change', async () => {
    await ws.check();
    const dir = await sourceDir();
    // An older release extracted differently: same HTML, other text and version.
    const { createFileSnapshotStore } = await import('../../src/snapshot/store.js');
    const store = createFileSnapshotStore(ws.snapshots);
    const read = await store.read('14-calvados', dir.split('/').at(-1)!, 'baseline');
    if (read.kind !== 'found') throw new Error('no baseline');
    await store.write('14-calvados', dir.split('/').at(-1)!, 'baseline', {
      ...read.snapshot,
      text: read.snapshot.text.toUpperCase(),
      meta: { ...read.snapshot.meta, extractorVersion: 0 },
    });
    const entry = (await ws.check()).report.entries[0]!;
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8')).extractorVersion).toBe(1);
  });

  it('accept makes the current snapshot the reviewed baseline', async () => {
    await ws.check();
    site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() + '<p>Nouveau : joignez aussi une photo d’identité récente.</p>' }) });
    const changed = (await ws.check()).report.entries[0]!;
    expect(changed).toMatchObject({ status: 'stale', reasons: [{ code: 'content-changed' }] });

    const accepted = await ws.run('accept', '14', '--snapshots', ws.snapshots);
    expect(accepted).toMatchObject({ code: 0 });
    expect(accepted.stdout).toContain('accepted 14-calvados: 1 source(s)');
    const after = (await ws.check()).report.entries[0]!;
    expect(after).toMatchObject({ status: 'ok', reasons: [] });
  });

  it('accept rejects an unknown entry and a missing argument with one line and exit 2', async () => {
    await ws.check();
    expect(await ws.run('accept', '99-nowhere', '--snapshots', ws.snapshots)).toMatchObject({ code: 2, stderr: 'aes-watch: accept: no snapshot for "99-nowhere"\n' });
    expect((await ws.run('accept', '--snapshots', ws.snapshots)).code).toBe(2);
  });
});
