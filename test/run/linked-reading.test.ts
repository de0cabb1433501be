import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_READER_VERSION } from '../../src/extract/document-text.js';
import type { DocumentReport, EntryReport } from '../../src/report/schema.js';
import { checkEntry } from '../../src/run/check-entry.js';
import { documentHash } from '../../src/snapshot/documents.js';
import { downloadLink, fileRoute } from '../documents/scene.js';
import { typesetA4 } from '../support/pdf.js';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvadosSection, runScene, type RunScene } from './scene.js';

/**
 * How a linked document is read and compared, as the entry report shows it:
 * a document stored by an older reader, a link whose file changed format at
 * the same address, a link that says PDF over a file that is not one.
 */
const PAGE = '/Demarches/Sejour/AES';
// A download address without an extension (eZ Publish's): the same address can serve any format.
const FORM = '/contenu/telechargement/4321/formulaire';
const TEXT = `Formulaire de demande d'admission exceptionnelle au séjour

Pièces à joindre : passeport, justificatif de domicile de moins de trois mois.`;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let site: FixtureSite;
let scene: RunScene;
let pdf: Uint8Array;

const page = (detail: string) => dsfrPage({ updated: '14/01/2023', body: `${postalProcedure()}<p>Étape 1 : imprimez le formulaire.</p>${downloadLink(FORM, 'Formulaire AES', detail)}` });
const docx = (body: string) => Buffer.from(`PK\u0003\u0004 word/document.xml ${body}`);
const servePdf = () => {
  site.set(PAGE, { body: page('PDF - 524,1 Ko - 25/10/2022') });
  site.set(FORM, fileRoute(pdf));
};
const serveDocx = () => {
  site.set(PAGE, { body: page('DOCX - 20 Ko') });
  site.set(FORM, fileRoute(docx('v1'), DOCX_TYPE));
};

beforeAll(async () => {
  site = await startSite({}, '127.0.0.70');
  pdf = await typesetA4(TEXT, { title: 'v1' });
});
afterAll(() => site.close());
beforeEach(async () => {
  servePdf();
  scene = await runScene(site, calvadosSection(site.url(PAGE)));
});

const check = (): Promise<EntryReport> => checkEntry(scene.entry, scene.sources, scene.deps());
const form = (entry: EntryReport): DocumentReport => entry.sources.flatMap((s) => s.documents ?? []).find((d) => d.url === site.url(FORM))!;
async function formFolder(): Promise<string> {
  const root = join(scene.dir, scene.entry.id, scene.sources[0]!.key, 'documents');
  const [key] = await readdir(root);
  return join(root, key!);
}

describe('a stored document', () => {
  it('read by an older reader is read again when its same bytes come back whole: a reader change is no change of the document', async () => {
    await check();
    const folder = await formFolder();
    // What an older reader made of the same file: another text, recorded with its hash.
    const older = 'Formulaire AES (texte lu par une version antérieure)\n';
    await writeFile(join(folder, 'current.md'), older);
    const meta = JSON.parse(await readFile(join(folder, 'current.json'), 'utf8'));
    meta.readerVersion = DOCUMENT_READER_VERSION - 1;
    meta.sha256.text = documentHash(Buffer.from(older));
    await writeFile(join(folder, 'current.json'), JSON.stringify(meta));
    // The server no longer answers conditionally: the same bytes, in full.
    site.set(FORM, (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf)));
    const entry = await check();
    expect(form(entry)).toMatchObject({ status: 'unchanged', read: 'text', diffFromBaseline: null });
    expect(entry.status).toBe('ok');
    expect(await readFile(join(folder, 'current.md'), 'utf8')).toContain('Pièces à joindre');
    expect(JSON.parse(await readFile(join(folder, 'current.json'), 'utf8')).readerVersion).toBe(DOCUMENT_READER_VERSION);
  });
});

describe('a document whose file changed format at the same address', () => {
  it('a reviewed PDF now a DOCX is changed, compared by its bytes: no text diff against a hash note', async () => {
    await check();
    serveDocx();
    const entry = await check();
    expect(form(entry)).toMatchObject({ status: 'changed', read: 'hashed', diffFromBaseline: null });
  });

  it('a reviewed DOCX now a PDF is changed, compared by its bytes: no text diff against a hash note', async () => {
    serveDocx();
    expect(form(await check())).toMatchObject({ status: 'new', read: 'hashed' });
    servePdf();
    const entry = await check();
    expect(form(entry)).toMatchObject({ status: 'changed', read: 'text', diffFromBaseline: null });
  });
});

describe('a document read by the link’s format', () => {
  it('a link that says PDF over a file that is not one is an extraction failure that says so', async () => {
    site.set(FORM, (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>Page introuvable</body></html>'));
    expect(form(await check())).toMatchObject({ status: 'failed', reason: 'extraction-failed', detail: 'the link says PDF but the file is not one (no %PDF- header)', httpStatus: 200 });
  });

  it('a DOCX is stored with a note naming its format, size and hash', async () => {
    serveDocx();
    const entry = await check();
    const bytes = docx('v1');
    expect(form(entry)).toMatchObject({ read: 'hashed', bytes: bytes.length, sha256: documentHash(bytes) });
    expect(await readFile(join(await formFolder(), 'current.md'), 'utf8')).toBe(`DOCX file of ${bytes.length} bytes, sha256 ${documentHash(bytes)}: compared by its hash, not read.\n`);
  });
});
