import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { encryptedPdf, truncatedPdf, typesetA4 } from '../support/pdf.js';
import { calvados, workspace, type Workspace } from '../check/fixture-run.js';
import { codes, documentAt, downloadLink, entryOf, fileRoute } from './scene.js';

/** `aes-watch check` on a page whose procedure links the AES application file, and what happens to that file. */
const PAGE = '/Demarches/Etrangers/Admission-exceptionnelle-au-sejour';
const DOSSIER = '/contenu/telechargement/1234/5678/file/dossier-aes.pdf';
const GUIDE_LINE = 'Dossier de demande AES (format pdf - 524.1 ko - 25/10/2022)';
const DOSSIER_TEXT = `Dossier de demande d'admission exceptionnelle au séjour

Pièces à joindre : passeport, justificatif de domicile de moins de trois mois, preuves de présence en France.

Envoyez le dossier complet en recommandé avec accusé de réception.`;

let site: FixtureSite;
let ws: Workspace;

const page = (links: string) => dsfrPage({ updated: '14/01/2023', body: `${postalProcedure()}<p>Étape 1 : imprimez le dossier.</p>${links}` });
const dossierLink = (detail = 'PDF - 524,1 Ko - 25/10/2022') => downloadLink(DOSSIER, 'Dossier de demande AES', detail);

beforeAll(async () => {
  site = await startSite({}, '127.0.15.1');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(PAGE, { body: page(dossierLink()) });
  site.set(DOSSIER, fileRoute(await typesetA4(DOSSIER_TEXT, { title: 'v1' })));
  ws = await workspace();
  await ws.writeGuide([calvados(site.url(PAGE), `${postalGuideText()}\n\n${GUIDE_LINE}`)]);
});

describe('documents linked from the procedure', () => {
  it('stores the file and its text, and a quiet rerun asks conditionally and gets 304', async () => {
    const first = entryOf((await ws.check()).report);
    expect(first.status).toBe('ok');
    expect(documentAt(first, site.url(DOSSIER))).toMatchObject({ title: 'Dossier de demande AES', citedBy: 'guide', read: 'text', size: '524,1 Ko', date: '2022-10-25', httpStatus: 200 });
    const folder = join(ws.snapshots, '14-calvados');
    const [source] = await readdir(folder, { withFileTypes: true }).then((items) => items.filter((i) => i.isDirectory()).map((i) => i.name));
    const [key] = await readdir(join(folder, source!, 'documents'));
    const stored = join(folder, source!, 'documents', key!);
    expect((await readFile(join(stored, 'baseline.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readFile(join(stored, 'current.md'), 'utf8')).toContain('Pièces à joindre : passeport, justificatif de domicile');

    site.requests.length = 0;
    const second = entryOf((await ws.check()).report);
    expect(second).toMatchObject({ status: 'ok', reasons: [] });
    expect(documentAt(second, site.url(DOSSIER))).toMatchObject({ status: 'unchanged', httpStatus: 200 });
    const asked = site.requests.find((r) => r.path === DOSSIER);
    expect(asked?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('flags a dossier whose text changed between two epochs, with the diff', async () => {
    await ws.check();
    site.set(DOSSIER, fileRoute(await typesetA4(DOSSIER_TEXT.replace('moins de trois mois', 'moins de six mois'), { title: 'v2' })));
    const entry = entryOf((await ws.check()).report);
    expect(entry.status).toBe('stale');
    expect(codes(entry)).toEqual(['document-changed']);
    const document = documentAt(entry, site.url(DOSSIER));
    expect(document?.status).toBe('changed');
    expect(document?.diffFromBaseline).toContain('+Pièces à joindre : passeport, justificatif de domicile de moins de six mois');
    expect(document?.diffFromBaseline).toContain('-Pièces à joindre : passeport, justificatif de domicile de moins de trois mois');
    const markdown = await readFile(join(ws.reports, 'latest.md'), 'utf8');
    expect(markdown).toContain(`    - modifié — Dossier de demande AES (PDF, 524,1 Ko, 25/10/2022), cité par le guide <${site.url(DOSSIER)}>`);
    expect(markdown).toMatch(/Texte du document « Dossier de demande AES » depuis la référence relue[^\n]*\n\n```diff\n[^`]*\+Pièces à joindre : passeport, justificatif de domicile de moins de six mois/);
    const html = await readFile(join(ws.reports, 'latest.html'), 'utf8');
    expect(html).toContain('<tr data-document-status="changed">');
  });

  it('keeps the entry ok when only the date and size in the link changed, and shows the new detail', async () => {
    await ws.check();
    site.set(PAGE, { body: page(dossierLink('PDF - 530,2 Ko - 12/03/2025')) });
    site.set(DOSSIER, fileRoute(await typesetA4(DOSSIER_TEXT, { title: 'v1 re-saved' })));
    const entry = entryOf((await ws.check()).report);
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(entry.facts.missing).toEqual([]);
    expect(entry.sources[0]?.diffFromBaseline).toBeNull();
    expect(documentAt(entry, site.url(DOSSIER))).toMatchObject({ status: 'unchanged', size: '530,2 Ko', date: '2025-03-12', previous: { size: '524,1 Ko', date: '2022-10-25' } });
    expect(await readFile(join(ws.reports, 'latest.md'), 'utf8')).toContain('    - inchangé — Dossier de demande AES (PDF, 530,2 Ko, 12/03/2025 (avant : 524,1 Ko, 25/10/2022))');
  });

  it('flags a document that answers 404 as gone', async () => {
    await ws.check();
    site.set(DOSSIER, { status: 404, body: '<h1>Introuvable</h1>' });
    const entry = entryOf((await ws.check()).report);
    expect(entry.status).toBe('stale');
    expect(codes(entry)).toEqual(['document-gone']);
    expect(documentAt(entry, site.url(DOSSIER))).toMatchObject({ status: 'gone', httpStatus: 404 });
  });

  it('flags a document whose link left the page as gone, and accepting drops it', async () => {
    await ws.check();
    site.set(PAGE, { body: page('<p>Le dossier est disponible au guichet.</p>') });
    const entry = entryOf((await ws.check()).report);
    expect(entry.reasons.filter((r) => r.code === 'document-gone')).toEqual([
      { code: 'document-gone', detail: '"Dossier de demande AES": the link is no longer on the page', sourceUrl: site.url(DOSSIER) },
    ]);
    expect((await ws.run('accept', '--all', '--snapshots', ws.snapshots)).code).toBe(0);
    const after = entryOf((await ws.check()).report);
    expect(codes(after)).not.toContain('document-gone');
    expect(documentAt(after, site.url(DOSSIER))).toBeUndefined();
  });

  it('fails only the truncated and the encrypted PDF, with a clear detail, and still reads the others', async () => {
    const good = await typesetA4(DOSSIER_TEXT);
    site.set('/files/notice-tronquee.pdf', fileRoute(truncatedPdf(good)));
    site.set('/files/notice-protegee.pdf', fileRoute(await encryptedPdf('Notice confidentielle')));
    site.set('/files/formulaire.docx', fileRoute(Buffer.from('PK\u0003\u0004 word/document.xml invented docx body'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    site.set(PAGE, {
      body: page(
        dossierLink() +
          downloadLink('/files/notice-tronquee.pdf', 'Notice explicative', 'PDF - 80 Ko') +
          downloadLink('/files/notice-protegee.pdf', 'Notice protégée', 'PDF - 12 Ko') +
          downloadLink('/files/formulaire.docx', 'Formulaire de renseignements', 'DOCX - 20 Ko'),
      ),
    });
    const entry = entryOf((await ws.check()).report);
    const failures = entry.reasons.filter((r) => r.code === 'extraction-failed');
    expect(failures.map((r) => r.sourceUrl).sort()).toEqual([site.url('/files/notice-protegee.pdf'), site.url('/files/notice-tronquee.pdf')]);
    expect(documentAt(entry, site.url('/files/notice-tronquee.pdf'))?.detail).toMatch(/^the PDF is truncated: its \d+ bytes end before the end-of-file marker/);
    expect(documentAt(entry, site.url('/files/notice-protegee.pdf'))?.detail).toBe('the PDF is protected by a password: its text cannot be read');
    expect(documentAt(entry, site.url(DOSSIER))).toMatchObject({ read: 'text', reason: null });
    expect(documentAt(entry, site.url('/files/formulaire.docx'))).toMatchObject({ read: 'hashed', reason: null });
    expect(entry.facts.missing).toEqual([]);
  });

  it('stops reading a PDF at the configured time limit: that document fails, the page is still judged', async () => {
    await writeFile(join(ws.dir, 'aes-watch.config.json'), JSON.stringify({ documentTimeoutMs: 1 }));
    // Long enough that no machine reads it within the limit.
    const long = Array.from({ length: 1500 }, (_, i) => `Pièce ${i + 1} : justificatif de présence en France.`).join('\n');
    site.set(DOSSIER, fileRoute(await typesetA4(long)));
    const entry = entryOf((await ws.check()).report);
    expect(documentAt(entry, site.url(DOSSIER))).toMatchObject({ status: 'failed', reason: 'extraction-failed', detail: 'reading the PDF took longer than 1 ms' });
    expect(entry.reasons).toEqual([{ code: 'extraction-failed', detail: '"Dossier de demande AES": reading the PDF took longer than 1 ms', sourceUrl: site.url(DOSSIER) }]);
    expect(entry.status).toBe('unreachable');
    expect(entry.facts.missing).toEqual([]);
    expect(entry.facts.checked.length).toBeGreaterThan(0);
  });
});
