import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/extraction.js';
import { checkEntry } from '../../src/run/check-entry.js';
import { observeSource } from '../../src/run/observe.js';
import { sha256 } from '../../src/shared/hash.js';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvadosSection, runScene, type RunScene } from './scene.js';

/**
 * One cited page observed by the run stage over a local site: what the entry
 * report says about it (outcome, status, address, verdict reasons) and what is
 * kept in the snapshots folder.
 */
const MAIN = '/Demarches/Sejour/AES';
const page = (o: { email?: string; updated?: string; title?: string } = {}) =>
  dsfrPage({ title: o.title, updated: o.updated ?? '14/01/2023', body: postalProcedure({ email: o.email }) });

let site: FixtureSite;
let scene: RunScene;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.62');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(MAIN, { body: page() });
  scene = await runScene(site, calvadosSection(site.url(MAIN)));
});

const check = (s: RunScene = scene) => checkEntry(s.entry, s.sources, s.deps());
const slotFile = (slot: string, ext: string, s: RunScene = scene) => join(s.dir, s.entry.id, s.sources[0]!.key, `${slot}.${ext}`);
const read = (slot: string, ext: string) => readFile(slotFile(slot, ext), 'utf8');
const metaOf = async (slot: string) => JSON.parse(await read(slot, 'json'));

describe('a page that answers', () => {
  it('is reported with its address, status, title, date and snapshot folder, and stored as current', async () => {
    const report = await check();
    expect(report.status).toBe('ok');
    expect(report.sources[0]).toMatchObject({
      url: site.url(MAIN),
      finalUrl: site.url(MAIN),
      httpStatus: 200,
      fetchedWith: 'http',
      outcome: 'fetched',
      redirects: [],
      title: 'Admission exceptionnelle au séjour',
      pageUpdated: '2023-01-14',
      diffFromBaseline: null,
      baselineText: null,
      snapshotPath: join(scene.entry.id, scene.sources[0]!.key),
    });
    expect(report.sources[0]!.currentText).toContain('12 rue des Essais');
    const meta = await metaOf('current');
    expect(meta).toMatchObject({ url: site.url(MAIN), finalUrl: site.url(MAIN), httpStatus: 200, fetchedWith: 'http', extractorVersion: EXTRACTOR_VERSION, hasScreenshot: false, capturedAt: '2025-03-10T09:00:00.000Z', title: 'Admission exceptionnelle au séjour', pageUpdated: '2023-01-14', charset: 'utf-8' });
    expect(meta).not.toHaveProperty('selector');
    expect(meta.facts.length).toBeGreaterThan(0);
    expect(await read('current', 'md')).toBe(report.sources[0]!.currentText);
    expect(await read('current', 'html')).toBe(page());
  });

  it('says changed since last run only on the night the text changed, and compares with the baseline', async () => {
    // A page seen for the first time is new.
    expect((await check()).changedSinceLastRun).toBe(true);
    expect((await check()).changedSinceLastRun).toBe(false);
    site.set(MAIN, { body: page({ email: 'autre@testville.gouv.fr' }) });
    const changed = await check();
    expect(changed.changedSinceLastRun).toBe(true);
    expect(changed.sources[0]!.baselineText).toContain('pref-sejour@testville.gouv.fr');
    expect(changed.sources[0]!.diffFromBaseline).toMatch(/^--- reviewed baseline\n\+\+\+ current page\n[\s\S]*-.*pref-sejour@testville\.gouv\.fr[\s\S]*\+.*autre@testville\.gouv\.fr/);
    const again = await check();
    expect(again.changedSinceLastRun).toBe(false);
    expect(again.status).toBe('stale');
  });

  it('does not rewrite the snapshot when only how it was fetched differs', async () => {
    site.set(MAIN, { body: page(), headers: { etag: '"v1"' } });
    await check();
    const before = await read('current', 'json');
    expect(JSON.parse(before).validators).toEqual({ etag: '"v1"', lastModified: null });
    // Same page, new validators (a server that rebuilds its ETag): nothing an editor would read changed.
    site.set(MAIN, { body: page(), headers: { etag: '"v2"' } });
    await check();
    expect(await read('current', 'json')).toBe(before);
    // A new title is a finding: written.
    site.set(MAIN, { body: page({ title: 'Admission exceptionnelle au séjour (AES)' }), headers: { etag: '"v3"' } });
    await check();
    expect((await metaOf('current')).title).toBe('Admission exceptionnelle au séjour (AES)');
  });

  it('records the configured selector in the snapshot', async () => {
    const scoped = await runScene(site, calvadosSection(site.url(MAIN)), { selector: 'main' });
    const report = await check(scoped);
    expect(report.status).toBe('ok');
    expect(JSON.parse(await readFile(slotFile('current', 'json', scoped), 'utf8')).selector).toBe('main');
  });

  it('warns about a charset no browser knows, and reads the page anyway', async () => {
    site.set(MAIN, { body: page().replace('<meta charset="utf-8">', ''), headers: { 'content-type': 'text/html; charset=x-klingon' } });
    const report = await check();
    expect(report.sources[0]!.outcome).toBe('fetched');
    expect(scene.warnings).toEqual([`${scene.entry.id}: ${site.url(MAIN)} declares the unknown charset "x-klingon"; read as windows-1252, as a browser would`]);
  });
});

describe('a 304', () => {
  it('reuses the stored snapshot, reported with status 304', async () => {
    site.set(MAIN, { body: page(), headers: { etag: '"v1"' } });
    await check();
    const before = await read('current', 'json');
    site.set(MAIN, (req, res) => {
      res.writeHead(req.headers['if-none-match'] === '"v1"' ? 304 : 500, { etag: '"v1"' }).end();
    });
    const report = await check();
    expect(report.status).toBe('ok');
    expect(report.sources[0]).toMatchObject({ outcome: 'fetched', httpStatus: 304, pageUpdated: '2023-01-14', title: 'Admission exceptionnelle au séjour' });
    expect(report.sources[0]!.currentText).toContain('12 rue des Essais');
    expect(report.changedSinceLastRun).toBe(false);
    expect(await read('current', 'json')).toBe(before);
  });

  it('with nothing stored is a failed fetch that says so', async () => {
    site.set(MAIN, (_req, res) => void res.writeHead(304, { etag: '"v1"' }).end());
    const report = await check();
    expect(report.status).toBe('unreachable');
    expect(report.reasons).toEqual([{ code: 'fetch-failed', detail: 'HTTP 304 but no stored snapshot to reuse', sourceUrl: site.url(MAIN) }]);
    expect(report.sources[0]).toMatchObject({ outcome: 'not-modified', httpStatus: 304, finalUrl: site.url(MAIN) });
  });
});

describe('a page that does not answer with content', () => {
  it('404 is gone, with the status and where', async () => {
    site.set(MAIN, { status: 404, body: 'introuvable' });
    const report = await check();
    expect(report.status).toBe('stale');
    expect(report.reasons).toEqual([{ code: 'source-gone', detail: `HTTP 404 at ${site.url(MAIN)}`, sourceUrl: site.url(MAIN) }]);
    expect(report.sources[0]).toMatchObject({ outcome: 'gone', httpStatus: 404, finalUrl: site.url(MAIN), fetchedWith: 'http', redirects: [] });
  });

  it('410 after a redirect is gone, with the redirect kept', async () => {
    site.set(MAIN, { status: 301, headers: { location: '/Demarches/Sejour/Ancienne' } });
    site.set('/Demarches/Sejour/Ancienne', { status: 410, body: 'supprimée' });
    const report = await check();
    expect(report.reasons).toEqual([{ code: 'source-gone', detail: `HTTP 410 at ${site.url('/Demarches/Sejour/Ancienne')}`, sourceUrl: site.url(MAIN) }]);
    expect(report.sources[0]).toMatchObject({ outcome: 'gone', httpStatus: 410, finalUrl: site.url('/Demarches/Sejour/Ancienne'), redirects: [{ url: site.url(MAIN), status: 301 }] });
  });

  it('a redirect to the home page is gone, and names where it went', async () => {
    site.set(MAIN, { status: 302, headers: { location: '/' } });
    site.set('/', { body: dsfrPage({ title: 'Accueil', body: '<p>Bienvenue sur le site de la préfecture de Testville. Retrouvez ici les actualités et les démarches.</p>' }) });
    const report = await check();
    expect(report.status).toBe('stale');
    expect(report.reasons).toEqual([{ code: 'source-gone', detail: `redirects to the site's home or a section page (${site.url('/')})`, sourceUrl: site.url(MAIN) }]);
    expect(report.sources[0]).toMatchObject({ outcome: 'gone', httpStatus: 200, finalUrl: site.url('/'), redirects: [{ url: site.url(MAIN), status: 302 }] });
    site.set('/', { body: 'x' });
  });

  it('503 is a failed fetch: the status and the address are reported, the stored snapshot kept', async () => {
    await check();
    const before = await read('current', 'md');
    site.set(MAIN, { status: 503, body: 'maintenance' });
    const report = await check();
    expect(report.status).toBe('unreachable');
    expect(report.reasons).toEqual([{ code: 'fetch-failed', detail: 'HTTP 503', sourceUrl: site.url(MAIN) }]);
    expect(report.sources[0]).toMatchObject({ outcome: 'http-error', httpStatus: 503, finalUrl: site.url(MAIN), redirects: [], fetchedWith: 'http', currentText: null, snapshotPath: null });
    expect(await read('current', 'md')).toBe(before);
  });

  it('503 after a redirect keeps the redirect in the report', async () => {
    site.set(MAIN, { status: 301, headers: { location: '/Demarches/Sejour/Maintenance' } });
    site.set('/Demarches/Sejour/Maintenance', { status: 503, body: 'maintenance' });
    const report = await check();
    expect(report.sources[0]).toMatchObject({ outcome: 'http-error', httpStatus: 503, finalUrl: site.url('/Demarches/Sejour/Maintenance'), redirects: [{ url: site.url(MAIN), status: 301 }] });
  });

  it('a refused connection is a failed fetch with no status and no address', async () => {
    const closed = await startSite({}, '127.0.0.63');
    const url = closed.url(MAIN);
    await closed.close();
    const gone = await runScene(site, calvadosSection(url));
    const report = await check(gone);
    expect(report.status).toBe('unreachable');
    expect(report.reasons[0]).toMatchObject({ code: 'fetch-failed', sourceUrl: url });
    expect(report.reasons[0]!.detail).toMatch(/^network error ECONNREFUSED: /);
    expect(report.sources[0]).toMatchObject({ outcome: 'network-error', httpStatus: null, finalUrl: null, redirects: [], fetchedWith: 'http' });
  });

  it('a page with nothing to read is an extraction failure that says why', async () => {
    site.set(MAIN, { body: '<!DOCTYPE html><html><head><title>x</title></head><body><main></main></body></html>' });
    const report = await check();
    expect(report.status).toBe('unreachable');
    expect(report.reasons).toHaveLength(1);
    expect(report.reasons[0]).toMatchObject({ code: 'extraction-failed', sourceUrl: site.url(MAIN) });
    expect(report.reasons[0]!.detail).toMatch(/^empty: \S/);
    expect(report.sources[0]).toMatchObject({ outcome: 'fetched', httpStatus: 200, finalUrl: site.url(MAIN) });
    const observation = await observeSource(scene.sources[0]!, scene.deps());
    expect(observation).toMatchObject({ kind: 'failed', reason: 'extraction-failed', extractionFailure: 'empty' });
  });

  it('a failed fetch carries no extraction failure', async () => {
    site.set(MAIN, { status: 500, body: 'erreur' });
    const observation = await observeSource(scene.sources[0]!, scene.deps());
    expect(observation.kind).toBe('failed');
    expect(observation).not.toHaveProperty('extractionFailure');
  });
});

describe('stored snapshots', () => {
  it('a damaged current snapshot is moved aside with a warning naming it, and replaced', async () => {
    await check();
    await writeFile(slotFile('current', 'md'), 'tampered');
    const report = await check();
    expect(report.status).toBe('ok');
    const where = join(scene.dir, scene.entry.id, scene.sources[0]!.key);
    expect(scene.warnings).toHaveLength(1);
    const [head, moved] = scene.warnings[0]!.split('; moved aside to ');
    expect(head).toMatch(new RegExp(`^snapshot ${scene.entry.id}/${scene.sources[0]!.key}/current: the stored current snapshot was damaged \\(.+\\)$`));
    expect(moved!.split(', ').map((path) => path.replace(/\.damaged-\S+$/, '')).sort()).toEqual(['html', 'json', 'md'].map((ext) => `${where}/current.${ext}`));
    expect(await read('current', 'md')).toContain('12 rue des Essais');
  });

  it('a damaged baseline is reported on every night until accepted, naming where it went', async () => {
    await check();
    await writeFile(slotFile('baseline', 'md'), 'tampered');
    const where = join(scene.dir, scene.entry.id, scene.sources[0]!.key);
    for (let night = 0; night < 2; night += 1) {
      const report = await check();
      const damaged = report.reasons.find((r) => r.code === 'baseline-damaged');
      expect(damaged?.detail).toMatch(new RegExp(`^the stored baseline snapshot was damaged.*moved aside to ${where}/baseline\\.`));
      const moved = damaged!.detail.split('moved aside to ')[1]!.split(';')[0]!;
      expect(moved.split(', ').map((path) => path.replace(/\.damaged-\S+$/, '')).sort()).toEqual(['html', 'json', 'md'].map((ext) => `${where}/baseline.${ext}`));
    }
    // Only the first night moved it: one warning.
    expect(scene.warnings).toHaveLength(1);
  });

  it('one made by an older extractor is read again and stored, without reporting a change', async () => {
    await check();
    for (const slot of ['current', 'baseline']) {
      const meta = await metaOf(slot);
      // What an older extractor kept: another text, and its version.
      const older = 'Texte lu par une version plus ancienne.';
      await writeFile(slotFile(slot, 'md'), older);
      await writeFile(slotFile(slot, 'json'), JSON.stringify({ ...meta, extractorVersion: EXTRACTOR_VERSION - 1, title: 'Ancien titre', sha256: { ...meta.sha256, text: sha256(older) } }));
    }
    const report = await check();
    expect(report.status).toBe('ok');
    expect(report.sources[0]!.diffFromBaseline).toBeNull();
    expect(report.changedSinceLastRun).toBe(false);
    for (const slot of ['current', 'baseline']) {
      expect(await metaOf(slot)).toMatchObject({ extractorVersion: EXTRACTOR_VERSION, title: 'Admission exceptionnelle au séjour', pageUpdated: '2023-01-14' });
      expect(await read(slot, 'md')).toContain('12 rue des Essais');
    }
    expect(scene.warnings).toEqual([]);
    const upgrades = scene.logged.filter((line) => line.includes('re-extracted snapshot made by an older extractor')).map((line) => JSON.parse(line));
    expect(upgrades.map((line) => [line.entry, line.slot]).sort()).toEqual([
      [scene.entry.id, 'baseline'],
      [scene.entry.id, 'current'],
    ]);
    // Once upgraded, nothing more to do.
    await check();
    expect(scene.logged.filter((line) => line.includes('re-extracted'))).toHaveLength(2);
  });

  it('one made by an older extractor is read again with the entry’s selector', async () => {
    const scoped = await runScene(site, calvadosSection(site.url(MAIN)), { selector: '.fr-text' });
    await check(scoped);
    const file = (ext: string) => slotFile('baseline', ext, scoped);
    const meta = JSON.parse(await readFile(file('json'), 'utf8'));
    await writeFile(file('json'), JSON.stringify({ ...meta, extractorVersion: EXTRACTOR_VERSION - 1 }));
    const report = await check(scoped);
    expect(report.status).toBe('ok');
    expect(report.sources[0]!.diffFromBaseline).toBeNull();
  });

  it('one made by an older extractor whose HTML was edited behind its hash is moved aside, as any damaged one, not read again', async () => {
    await check();
    const meta = await metaOf('current');
    await writeFile(slotFile('current', 'json'), JSON.stringify({ ...meta, extractorVersion: EXTRACTOR_VERSION - 1 }));
    await writeFile(slotFile('current', 'html'), '<html><body><p>autre chose</p></body></html>');
    const report = await check();
    expect(report.status).toBe('ok');
    expect(scene.warnings).toHaveLength(1);
    expect(scene.warnings[0]).toMatch(/current snapshot was damaged \(HTML does not match its recorded hash\); moved aside to .*current\.html\.damaged-/);
    expect(scene.logged.filter((line) => line.includes('re-extracted'))).toEqual([]);
    // Tonight's page is the current snapshot again, read by this extractor.
    expect(await metaOf('current')).toMatchObject({ extractorVersion: EXTRACTOR_VERSION, httpStatus: 200 });
  });

  it('one made by an older extractor that cannot be read again is kept as it is', async () => {
    await check();
    const meta = await metaOf('baseline');
    const junk = '<!DOCTYPE html><html><body><main></main></body></html>';
    await writeFile(slotFile('baseline', 'html'), junk);
    await writeFile(slotFile('baseline', 'json'), JSON.stringify({ ...meta, extractorVersion: EXTRACTOR_VERSION - 1, sha256: { ...meta.sha256, html: sha256(junk) } }));
    const report = await check();
    expect(report.sources[0]!.baselineText).toBe(await read('baseline', 'md'));
    expect(report.status).toBe('ok');
    expect((await metaOf('baseline')).extractorVersion).toBe(EXTRACTOR_VERSION - 1);
  });

  it('a page date already in the reviewed baseline is not news, a later one is', async () => {
    site.set(MAIN, { body: page({ updated: '01/06/2024' }) });
    const first = await check();
    expect(first.reasons.map((r) => r.code)).toContain('page-updated');
    // What accept does: the current snapshot becomes the reviewed baseline.
    expect(await scene.store.promote(scene.entry.id, scene.sources[0]!.key)).toBe(true);
    const accepted = await check();
    expect(accepted.status).toBe('ok');
    site.set(MAIN, { body: page({ updated: '02/06/2024' }) });
    expect((await check()).reasons.map((r) => r.code)).toContain('page-updated');
  });
});
