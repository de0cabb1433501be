import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { dsfrPage, onlineOnlyProcedure, postalProcedure } from '../support/prefecture.js';
import { useCalvadosScene } from './fixture-run.js';
import type { RunReport } from '../../src/report/schema.js';

/** `aes-watch check` against a local prefecture site: one scenario per way a real source changes. */
const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';
const scene = useCalvadosScene('127.0.0.2', PAGE);

const entryOf = (report: RunReport) => report.entries[0]!;
const codes = (entry: { reasons: { code: string }[] }) => [...new Set(entry.reasons.map((r) => r.code))].sort();

describe('check verdicts', () => {
  it('finds an unchanged page ok, stores a baseline, and reports no change on the rerun', async () => {
    const first = await scene.ws.check();
    expect(entryOf(first.report)).toMatchObject({ id: '14-calvados', status: 'ok', reasons: [], changedSinceLastRun: true, firstCheck: true });
    expect(entryOf(first.report).facts.missing).toEqual([]);
    // The editor reads a first check as such, not as a change from a check that never ran.
    const markdown = () => readFile(join(scene.ws.reports, 'latest.md'), 'utf8');
    const html = () => readFile(join(scene.ws.reports, 'latest.html'), 'utf8');
    expect(await markdown()).toContain('Entrée `14-calvados`, guide mis à jour le 22/02/2023 ; première vérification.');
    expect(await markdown()).toMatch(/\| Calvados \(14\) \| .* \| première vérification \|/);
    expect(await html()).toContain(' · première vérification');
    const second = await scene.ws.check();
    expect(entryOf(second.report)).toMatchObject({ status: 'ok', changedSinceLastRun: false, firstCheck: false });
    expect(await markdown()).toContain('Entrée `14-calvados`, guide mis à jour le 22/02/2023 ; changé depuis la dernière vérification : non.');
    expect(await html()).not.toContain('première vérification');
    expect(first.report.summary).toEqual({ ok: 1, stale: 0, unreachable: 0 });
  });

  it('stays ok and unchanged when only noise differs', async () => {
    await scene.ws.check();
    scene.site.set(PAGE, {
      body: dsfrPage({
        updated: '14/01/2023',
        body: postalProcedure().replace("l'adresse", 'l’adresse').replace('Préfecture de Testville', 'Préfecture\u00a0de Testville'),
        noise: { nonce: 'other-9f8e', year: 2026, cookieId: 'ck-7781', shareQuery: 'utm_source=newsletter&xtor=12', navOrder: 'b' },
      }),
    });
    const { report } = await scene.ws.check();
    expect(entryOf(report)).toMatchObject({ status: 'ok', reasons: [], changedSinceLastRun: false });
  });

  it('flags a changed email as a missing fact and a content change', async () => {
    await scene.ws.check();
    scene.site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email: 'sejour-aes@testville.gouv.fr' }) }) });
    const { report } = await scene.ws.check();
    const entry = entryOf(report);
    expect(entry.status).toBe('stale');
    expect(codes(entry)).toEqual(['content-changed', 'fact-missing']);
    expect(entry.facts.missing).toContainEqual({ kind: 'email', value: 'pref-sejour@testville.gouv.fr' });
    expect(entry.facts.added).toContainEqual({ kind: 'email', value: 'sejour-aes@testville.gouv.fr' });
    expect(entry.changedSinceLastRun).toBe(true);
    expect(entry.sources[0]!.diffFromBaseline).toContain('+');
  });

  it('never tolerates a different CEDEX number', async () => {
    await scene.ws.check();
    scene.site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure({ cedex: '14099 TESTVILLE CEDEX 9' }) }) });
    const entry = entryOf((await scene.ws.check()).report);
    expect(entry.status).toBe('stale');
    expect(entry.facts.missing.map((f) => f.kind)).toContain('address');
  });

  it('flags a channel that turned online-only', async () => {
    scene.site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: onlineOnlyProcedure() }) });
    const entry = entryOf((await scene.ws.check()).report);
    expect(entry.status).toBe('stale');
    expect(entry.facts.missing).toContainEqual({ kind: 'channel', value: 'postal' });
    expect(entry.facts.added.map((f) => f.kind)).toContain('url');
  });

  it('flags a page updated after the guide', async () => {
    scene.site.set(PAGE, { body: dsfrPage({ updated: '03/09/2024', body: postalProcedure() }) });
    const entry = entryOf((await scene.ws.check()).report);
    expect(entry).toMatchObject({ status: 'stale', reasons: [{ code: 'page-updated' }] });
    expect(entry.sources[0]!.pageUpdated).toBe('2024-09-03');
  });

  it('calls a 301 to another page a moved source, and still checks the facts there', async () => {
    scene.site.set(PAGE, { status: 301, headers: { location: '/Demarches/Etrangers/AES' } });
    scene.site.set('/Demarches/Etrangers/AES', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    const entry = entryOf((await scene.ws.check()).report);
    expect(entry).toMatchObject({ status: 'stale', reasons: [{ code: 'source-moved' }] });
    expect(entry.sources[0]).toMatchObject({ httpStatus: 200, finalUrl: scene.site.url('/Demarches/Etrangers/AES'), redirects: [{ url: scene.site.url(PAGE), status: 301 }] });
    expect(entry.facts.missing).toEqual([]);
  });

  it('calls a redirect to the home page a dead link', async () => {
    scene.site.set(PAGE, { status: 302, headers: { location: '/' } });
    scene.site.set('/', { body: dsfrPage({ title: 'Accueil', body: '<p>Bienvenue sur le site des services de l’État dans le département. Retrouvez ici les actualités, les démarches et les publications de la préfecture et des sous-préfectures.</p>' }) });
    const entry = entryOf((await scene.ws.check()).report);
    expect(entry).toMatchObject({ status: 'stale', reasons: [{ code: 'source-gone' }] });
  });

  it.each([404, 410])('calls HTTP %i a gone source', async (status) => {
    scene.site.set(PAGE, { status, body: '<h1>Page introuvable</h1>' });
    const entry = entryOf((await scene.ws.check()).report);
    expect(entry).toMatchObject({ status: 'stale', reasons: [{ code: 'source-gone' }], changedSinceLastRun: false });
    expect(entry.sources[0]!.httpStatus).toBe(status);
  });

  it('retries a 503 and accepts the 200 that follows', async () => {
    let calls = 0;
    const good = dsfrPage({ updated: '14/01/2023', body: postalProcedure() });
    scene.site.set(PAGE, (_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(503, { 'retry-after': '0' }).end('busy');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(good);
    });
    const entry = entryOf((await scene.ws.check('--retries', '1')).report);
    expect(entry.status).toBe('ok');
    expect(calls).toBe(2);
  });

  it('counts a 503 night as unreachable, keeps the good snapshot, and recovers', async () => {
    await scene.ws.check();
    scene.site.set(PAGE, { status: 503, body: 'maintenance' });
    const down = entryOf((await scene.ws.check()).report);
    expect(down).toMatchObject({ status: 'unreachable', reasons: [{ code: 'fetch-failed' }], changedSinceLastRun: false, consecutiveFailures: 1, firstCheck: false });
    scene.site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    const back = entryOf((await scene.ws.check()).report);
    expect(back).toMatchObject({ status: 'ok', consecutiveFailures: 0, changedSinceLastRun: false });
  });

  it('reports a timeout as a failed fetch', async () => {
    scene.site.set(PAGE, () => {
      // Never answers: the client's timeout must end the wait.
    });
    const entry = entryOf((await scene.ws.check('--timeout', '200')).report);
    expect(entry).toMatchObject({ status: 'unreachable', reasons: [{ code: 'fetch-failed' }] });
    expect(entry.sources[0]!.outcome).toBe('timeout');
  });

  it('sends the stored validators and reuses the snapshot on a 304', async () => {
    const body = dsfrPage({ updated: '14/01/2023', body: postalProcedure() });
    scene.site.set(PAGE, (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end(body);
    });
    await scene.ws.check();
    const before = scene.site.requests.length;
    const entry = entryOf((await scene.ws.check()).report);
    expect(scene.site.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(scene.site.requests.length).toBe(before + 1);
    expect(entry).toMatchObject({ status: 'ok', changedSinceLastRun: false });
    expect(entry.sources[0]).toMatchObject({ httpStatus: 304 });
  });

  it('decodes an ISO-8859-1 page', async () => {
    const html = dsfrPage({ updated: '14/01/2023', body: postalProcedure() }).replace('charset="utf-8"', 'charset="iso-8859-1"');
    scene.site.set(PAGE, { body: iconv.encode(html, 'latin1'), headers: { 'content-type': 'text/html; charset=ISO-8859-1' } });
    const entry = entryOf((await scene.ws.check()).report);
    expect(entry.status).toBe('ok');
    expect(entry.sources[0]!.currentText).toContain('Préfecture de Testville');
  });

  it('treats a challenge page as an extraction failure, never as content', async () => {
    scene.site.set(PAGE, { body: '<html><head><title>Just a moment...</title></head><body><p>Please enable JavaScript and cookies to continue.</p></body></html>' });
    const entry = entryOf((await scene.ws.check('--fetch', 'http')).report);
    expect(entry).toMatchObject({ status: 'unreachable', reasons: [{ code: 'extraction-failed' }], changedSinceLastRun: false });
  });
});
