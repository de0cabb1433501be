import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentReport, EntryReport } from '../../src/report/schema.js';
import { checkEntry } from '../../src/run/check-entry.js';
import { observeLinked } from '../../src/run/observe-linked.js';
import { observeSource } from '../../src/run/observe.js';
import { downloadLink, fileRoute } from '../documents/scene.js';
import { truncatedPdf, typesetA4 } from '../support/pdf.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvadosSection, runScene, type RunScene } from './scene.js';

/**
 * What the entry's pages link to, observed by the run stage after the page:
 * documents (fetched, stored, compared with their reviewed copy) and online
 * forms, as the entry report shows them.
 */
const PAGE = '/Demarches/Sejour/AES';
const DOSSIER = '/files/dossier-aes.pdf';
const NOTICE = '/files/NOTICE.DOCX';
const TEXT = `Dossier de demande d'admission exceptionnelle au séjour

Pièces à joindre : passeport, justificatif de domicile de moins de trois mois.`;

let site: FixtureSite;
let scene: RunScene;
let dossier: Uint8Array;

const page = (links: string, email?: string) => dsfrPage({ updated: '14/01/2023', body: `${postalProcedure({ email })}<p>Étape 1 : imprimez le dossier.</p>${links}` });
const dossierLink = (detail = 'PDF - 524,1 Ko - 25/10/2022') => downloadLink(DOSSIER, 'Dossier de demande AES', detail);
const noticeLink = downloadLink(NOTICE, 'Notice de renseignements', 'DOCX - 20 Ko');
const docx = (body: string) => Buffer.from(`PK\u0003\u0004 word/document.xml ${body}`);

beforeAll(async () => {
  site = await startSite({}, '127.0.0.66');
  dossier = await typesetA4(TEXT, { title: 'v1' });
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(PAGE, { body: page(dossierLink()) });
  site.set(DOSSIER, fileRoute(dossier));
  scene = await runScene(site, calvadosSection(site.url(PAGE)));
});

const check = (s: RunScene = scene): Promise<EntryReport> => checkEntry(s.entry, s.sources, s.deps());
const documentsOf = (entry: EntryReport): DocumentReport[] => entry.sources.flatMap((s) => s.documents ?? []);
const doc = (entry: EntryReport, path: string) => documentsOf(entry).find((d) => d.url === site.url(path));
async function documentFolder(path: string): Promise<string> {
  const root = join(scene.dir, scene.entry.id, scene.sources[0]!.key, 'documents');
  for (const key of await readdir(root)) {
    const meta = JSON.parse(await readFile(join(root, key, 'current.json'), 'utf8').catch(() => readFile(join(root, key, 'baseline.json'), 'utf8')));
    if (meta.url === site.url(path)) return join(root, key);
  }
  throw new Error(`no folder for ${path}`);
}

describe('a linked document', () => {
  it('is stored with its text and reported new, then unchanged on a conditional rerun answered 304', async () => {
    const first = await check();
    expect(first.status).toBe('ok');
    expect(doc(first, DOSSIER)).toMatchObject({ status: 'new', reason: null, detail: null, citedBy: 'page', title: 'Dossier de demande AES', read: 'text', httpStatus: 200, contentType: 'application/pdf', bytes: dossier.length, previous: null, diffFromBaseline: null });
    const folder = await documentFolder(DOSSIER);
    expect(doc(first, DOSSIER)!.snapshotPath).toBe(join(scene.entry.id, scene.sources[0]!.key, 'documents', folder.split('/').at(-1)!, 'current.pdf'));
    expect(await readFile(join(folder, 'current.md'), 'utf8')).toContain('Pièces à joindre');
    // The first ok run made the page's baseline, and its documents' with it.
    expect((await readFile(join(folder, 'baseline.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    const second = await check();
    expect(doc(second, DOSSIER)).toMatchObject({ status: 'unchanged', httpStatus: 200, read: 'text', bytes: dossier.length });
    expect(site.requests.filter((r) => r.path === DOSSIER).at(-1)!.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('whose text changed is reported changed, with the diff, against its reviewed copy', async () => {
    await check();
    site.set(DOSSIER, fileRoute(await typesetA4(TEXT.replace('trois mois', 'six mois'), { title: 'v2' })));
    const entry = await check();
    expect(entry.status).toBe('stale');
    expect(doc(entry, DOSSIER)!.status).toBe('changed');
    expect(doc(entry, DOSSIER)!.diffFromBaseline).toMatch(/^--- reviewed document\n\+\+\+ current document\n[\s\S]*-.*trois mois[\s\S]*\+.*six mois/);
  });

  it('a file that is only hashed is compared by its bytes', async () => {
    site.set(PAGE, { body: page(noticeLink) });
    site.set(NOTICE, fileRoute(docx('v1'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    const first = await check();
    expect(doc(first, NOTICE)).toMatchObject({ status: 'new', read: 'hashed' });
    // The extension comes from the address, in lower case.
    expect(doc(first, NOTICE)!.snapshotPath).toMatch(/current\.docx$/);
    expect((await check()).status).toBe('ok');
    expect(doc(await check(), NOTICE)!.status).toBe('unchanged');
    site.set(NOTICE, fileRoute(docx('v2'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    const changed = await check();
    expect(doc(changed, NOTICE)).toMatchObject({ status: 'changed', diffFromBaseline: null });
  });

  it('a file with no known extension is stored as .bin', async () => {
    site.set(PAGE, { body: page(downloadLink('/contenu/telechargement/1234/file', 'Notice', 'ZIP - 20 Ko')) });
    site.set('/contenu/telechargement/1234/file', fileRoute(docx('v1'), 'application/octet-stream'));
    const first = await check();
    expect(doc(first, '/contenu/telechargement/1234/file')!.snapshotPath).toMatch(/current\.bin$/);
    // A PDF is known by its bytes, whatever its address.
    site.set('/contenu/telechargement/1234/file', fileRoute(dossier));
    site.set(PAGE, { body: page(downloadLink('/contenu/telechargement/1234/file', 'Notice', 'PDF - 20 Ko')) });
    const pdf = await runScene(site, calvadosSection(site.url(PAGE)));
    expect(doc(await check(pdf), '/contenu/telechargement/1234/file')!.snapshotPath).toMatch(/current\.pdf$/);
  });

  it('answered with the same bytes and new validators keeps its text and stores the validators', async () => {
    await check();
    const folder = await documentFolder(DOSSIER);
    const before = JSON.parse(await readFile(join(folder, 'current.json'), 'utf8'));
    site.set(DOSSIER, (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf', etag: '"rebuilt"' }).end(Buffer.from(dossier)));
    const entry = await check();
    expect(doc(entry, DOSSIER)!.status).toBe('unchanged');
    const after = JSON.parse(await readFile(join(folder, 'current.json'), 'utf8'));
    expect(after.validators.etag).toBe('"rebuilt"');
    expect(after.capturedAt).toBe(before.capturedAt);
    // Same bytes, same validators: the file is left as it is.
    const written = await readFile(join(folder, 'current.json'), 'utf8');
    await writeFile(join(folder, 'current.json'), JSON.stringify(JSON.parse(written)));
    await check();
    expect(await readFile(join(folder, 'current.json'), 'utf8')).toBe(JSON.stringify(JSON.parse(written)));
  });

  it('whose link shows a new size and date keeps the entry ok, and shows the old detail', async () => {
    await check();
    site.set(PAGE, { body: page(dossierLink('PDF - 530,2 Ko - 12/03/2025')) });
    const entry = await check();
    expect(entry.status).toBe('ok');
    expect(entry.sources[0]!.diffFromBaseline).toBeNull();
    expect(entry.facts.missing).toEqual([]);
    expect(doc(entry, DOSSIER)).toMatchObject({ status: 'unchanged', size: '530,2 Ko', date: '2025-03-12', previous: { size: '524,1 Ko', date: '2022-10-25' } });
  });

  it('cited by the guide with its size and date: a new size and date in the link alone is no missing fact', async () => {
    const cited = await runScene(site, calvadosSection(site.url(PAGE), [], `${postalGuideText()}\n\nDossier de demande AES (format pdf - 524.1 ko - 25/10/2022)`));
    expect((await check(cited)).status).toBe('ok');
    site.set(PAGE, { body: page(dossierLink('PDF - 530,2 Ko - 12/03/2025')) });
    const entry = await check(cited);
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(entry.facts.missing).toEqual([]);
    expect(doc(entry, DOSSIER)).toMatchObject({ status: 'unchanged', citedBy: 'guide' });
    // The file itself changed: the fact is judged with its detail again.
    site.set(DOSSIER, fileRoute(await typesetA4(TEXT.replace('trois mois', 'six mois'), { title: 'v2' })));
    const changed = await check(cited);
    expect(changed.status).toBe('stale');
    expect(changed.facts.missing.map((f) => f.kind)).toContain('document');
  });

  it('does not hide a real change of the page behind its unchanged documents', async () => {
    await check();
    site.set(PAGE, { body: page(dossierLink(), 'autre@testville.gouv.fr') });
    const entry = await check();
    expect(doc(entry, DOSSIER)!.status).toBe('unchanged');
    expect(entry.reasons.map((r) => r.code)).toContain('content-changed');
    expect(entry.sources[0]!.diffFromBaseline).toContain('+');
    expect(entry.sources[0]!.diffFromBaseline).toContain('autre@testville.gouv.fr');
  });

  it('whose link shows only a new date, or only a new size, shows the old detail', async () => {
    await check();
    site.set(PAGE, { body: page(dossierLink('PDF - 524,1 Ko - 12/03/2025')) });
    expect(doc(await check(), DOSSIER)).toMatchObject({ status: 'unchanged', date: '2025-03-12', previous: { size: '524,1 Ko', date: '2022-10-25' } });
    site.set(PAGE, { body: page(dossierLink('PDF - 600 Ko - 25/10/2022')) });
    expect(doc(await check(), DOSSIER)).toMatchObject({ status: 'unchanged', size: '600 Ko', previous: { size: '524,1 Ko', date: '2022-10-25' } });
    site.set(PAGE, { body: page(dossierLink()) });
    expect(doc(await check(), DOSSIER)).toMatchObject({ status: 'unchanged', previous: null });
  });

  it('that answers 404 or 410 is gone; 500 is a failed fetch; a 304 with nothing stored too', async () => {
    await check();
    site.set(DOSSIER, { status: 410, body: 'supprimé' });
    expect(doc(await check(), DOSSIER)).toMatchObject({ status: 'gone', httpStatus: 410, detail: `HTTP 410 at ${site.url(DOSSIER)}` });
    site.set(DOSSIER, { status: 500, body: 'erreur' });
    expect(doc(await check(), DOSSIER)).toMatchObject({ status: 'failed', reason: 'fetch-failed', detail: 'HTTP 500' });
    const fresh = await runScene(site, calvadosSection(site.url(PAGE)));
    site.set(DOSSIER, (_req, res) => void res.writeHead(304, { etag: '"x"' }).end());
    expect(doc(await check(fresh), DOSSIER)).toMatchObject({ status: 'failed', reason: 'fetch-failed', detail: 'HTTP 304 but no stored document to reuse' });
  });

  it('larger than 10 MB is a failed fetch that says so', async () => {
    site.set(DOSSIER, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(11 * 1024 * 1024) });
      res.end();
    });
    expect(doc(await check(), DOSSIER)).toMatchObject({ status: 'failed', reason: 'fetch-failed', detail: 'the document is larger than 10 MB' });
  });

  it('that cannot be read is an extraction failure, with its status, size and hash', async () => {
    const broken = truncatedPdf(dossier);
    site.set(DOSSIER, fileRoute(broken));
    const entry = await check();
    expect(doc(entry, DOSSIER)).toMatchObject({ status: 'failed', reason: 'extraction-failed', httpStatus: 200, bytes: broken.length });
    expect(doc(entry, DOSSIER)!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc(entry, DOSSIER)!.detail).toBeTruthy();
  });

  it('stored damaged is moved aside with a warning, and fetched again', async () => {
    await check();
    const folder = await documentFolder(DOSSIER);
    await writeFile(join(folder, 'current.json'), '{ broken');
    const entry = await check();
    expect(doc(entry, DOSSIER)!.status).toBe('unchanged');
    expect(scene.warnings).toHaveLength(1);
    const relative = join(scene.entry.id, scene.sources[0]!.key, 'documents', folder.split('/').at(-1)!);
    expect(scene.warnings[0]).toMatch(new RegExp(`^document ${relative}/current was corrupt \\(.+\\); moved aside with suffix \\.corrupt-2025-03-10T09-00-00-000Z$`));
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-2025-03-10T09-00-00-000Z')).length).toBeGreaterThan(0);
  });

  it('first read on a page that matches its reviewed copy is part of what was reviewed; on a changed page, it is new', async () => {
    const key = scene.sources[0]!.key;
    // Night 1: the document fails, so it has no copy when the editor accepts the page.
    site.set(DOSSIER, { status: 500, body: 'erreur' });
    await check();
    await scene.store.promote(scene.entry.id, key);
    site.set(DOSSIER, fileRoute(dossier));
    const reviewed = await check();
    expect(doc(reviewed, DOSSIER)!.status).toBe('unchanged');
    expect((await readdir(await documentFolder(DOSSIER))).filter((n) => n.startsWith('baseline.')).sort()).toEqual(['baseline.json', 'baseline.md', 'baseline.pdf']);

    const other = await runScene(site, calvadosSection(site.url(PAGE)));
    site.set(DOSSIER, { status: 500, body: 'erreur' });
    await check(other);
    await other.store.promote(other.entry.id, key);
    site.set(DOSSIER, fileRoute(dossier));
    site.set(PAGE, { body: page(dossierLink(), 'autre@testville.gouv.fr') });
    const changed = await check(other);
    expect(doc(changed, DOSSIER)!.status).toBe('new');
  });

  it('whose link left the page is reported gone from its reviewed copy, and its current copy dropped', async () => {
    await check();
    const folder = await documentFolder(DOSSIER);
    site.set(PAGE, { body: page('<p>Le dossier est disponible au guichet.</p>') });
    const entry = await check();
    expect(entry.reasons.filter((r) => r.code === 'document-gone')).toEqual([{ code: 'document-gone', detail: '"Dossier de demande AES": the link is no longer on the page', sourceUrl: site.url(DOSSIER) }]);
    expect(doc(entry, DOSSIER)).toMatchObject({
      status: 'gone',
      citedBy: 'page',
      format: 'pdf',
      size: null,
      date: null,
      previous: { size: '524,1 Ko', date: '2022-10-25' },
      read: 'text',
      bytes: dossier.length,
      snapshotPath: join(scene.entry.id, scene.sources[0]!.key, 'documents', folder.split('/').at(-1)!, 'baseline.pdf'),
    });
    expect((await readdir(folder)).filter((n) => n.startsWith('current.'))).toEqual([]);
  });

  it('a document never reviewed that leaves the page is not reported', async () => {
    const other = await runScene(site, calvadosSection(site.url(PAGE)));
    site.set(PAGE, { body: page(dossierLink(), 'autre@testville.gouv.fr') });
    // Stale from the first night: no baseline for the page or the document.
    expect((await check(other)).status).toBe('stale');
    site.set(PAGE, { body: page('', 'autre@testville.gouv.fr') });
    const entry = await check(other);
    expect(documentsOf(entry)).toEqual([]);
  });
});

describe('online forms', () => {
  const form = '/commencer/14-aes';
  const dsPage = (body: string) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Démarche</title></head><body><main><h1>Admission exceptionnelle au séjour</h1>${body}</main></body></html>`;
  const linking = () => page(`<p>Vous pouvez aussi déposer votre demande en ligne : <a href="${site.url(form)}">formulaire AES</a>.</p>`);

  it('reports each state a form page can be in', async () => {
    site.set(PAGE, { body: linking() });
    site.set(form, { body: dsPage('<a class="fr-btn" href="/users/sign_in">Commencer la démarche</a>') });
    const formOf = async () => (await check()).sources[0]!.forms![0]!;
    expect(await formOf()).toMatchObject({ url: site.url(form), id: 'demarches-simplifiees:14-aes', service: 'demarches-simplifiees', citedBy: 'page', state: 'open', finalUrl: site.url(form), httpStatus: 200 });
    site.set(form, { status: 404, body: 'introuvable' });
    expect(await formOf()).toMatchObject({ state: 'closed', sentence: 'HTTP 404: the form is gone', httpStatus: 404, finalUrl: site.url(form) });
    site.set(form, { status: 503, body: 'maintenance' });
    expect(await formOf()).toMatchObject({ state: 'unknown', sentence: 'HTTP 503', httpStatus: 503 });
    site.set(form, (_req, res) => void res.writeHead(304).end());
    expect(await formOf()).toMatchObject({ state: 'unknown', sentence: null, httpStatus: 304 });
    const closed = await startSite({}, '127.0.0.67');
    const url = closed.url(form);
    await closed.close();
    site.set(PAGE, { body: page(`<p>En ligne : <a href="${url}">formulaire AES</a>.</p>`) });
    expect(await formOf()).toMatchObject({ state: 'unknown', finalUrl: null, httpStatus: null, sentence: expect.stringMatching(/^network error ECONNREFUSED/) });
  });
});

describe('an interrupted run', () => {
  it('fetches no document or form', async () => {
    const observation = await observeSource(scene.sources[0]!, scene.deps());
    const stop = new AbortController();
    stop.abort();
    const before = site.requests.length;
    const linked = await observeLinked(scene.entry, scene.sources, [observation], scene.deps({ signal: stop.signal }));
    expect(linked).toEqual([observation]);
    expect(site.requests.length).toBe(before);
  });
});

