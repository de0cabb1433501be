import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/extraction.js';
import type { RunReport } from '../../src/report/schema.js';
import { createFileSnapshotStore } from '../../src/snapshot/store.js';
import { REAL_PATHS, realGuideSections } from '../support/real-guide.js';
import { bookingPage, dsfrPostalPage, ezPublishAppointmentPage, printOnlinePage, type OiseVariant } from '../support/real-pages.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { typesetA4 } from '../support/pdf.js';
import { workspace, type Workspace } from './fixture-run.js';

/**
 * `aes-watch check` against the four generations of real prefecture pages
 * (DSFR, eZ Publish, its print layout, the booking module), each with a guide
 * entry that reproduces it faithfully.
 */
let site: FixtureSite;
let ws: Workspace;
/** The application form the DSFR page links to: a real site serves it too (aes-watch reads linked documents). */
const FORM_PDF = '/contenu/telechargement/45012/298877/file/formulaire-aes.pdf';
let formPdf: Uint8Array;

function serve(token: string, change: { oise?: OiseVariant; sommeSlug?: string } = {}): void {
  site.set(REAL_PATHS.dsfr, { body: dsfrPostalPage({ token }, change.oise) });
  site.set(REAL_PATHS.ezPublish, { body: ezPublishAppointmentPage({ token }) });
  site.set(REAL_PATHS.print, { body: printOnlinePage({ token }, change.sommeSlug) });
  site.set(REAL_PATHS.booking, { body: bookingPage({ token }) });
  site.set(FORM_PDF, { body: Buffer.from(formPdf), headers: { 'content-type': 'application/pdf' } });
}

async function sourceKey(id: string): Promise<string> {
  const dirs = (await readdir(join(ws.snapshots, id), { withFileTypes: true })).filter((d) => d.isDirectory());
  return dirs[0]!.name;
}

const byId = (report: RunReport, id: string) => report.entries.find((e) => e.id === id)!;
const ENTRY_IDS = ['02-aisne', '27-eure', '60-oise', '80-somme'];

beforeAll(async () => {
  site = await startSite({}, '127.0.0.60');
  formPdf = await typesetA4("Formulaire de demande d'admission exceptionnelle au séjour\n\nNom, prénom, date de naissance.");
});
afterAll(() => site.close());
beforeEach(async () => {
  serve('tok-1a2b');
  ws = await workspace();
  await ws.writeGuide(realGuideSections(site.url));
});

describe('real prefecture pages', () => {
  it('are ok on the first run, with no false channel, and stay ok and unchanged when only tokens rotate', async () => {
    const first = (await ws.check()).report;
    expect(first.entries.map((e) => e.id).sort()).toEqual(ENTRY_IDS);
    for (const entry of first.entries) {
      expect({ id: entry.id, status: entry.status, reasons: entry.reasons, missing: entry.facts.missing }).toEqual({ id: entry.id, status: 'ok', reasons: [], missing: [] });
      expect(entry.facts.added.filter((f) => f.kind === 'channel')).toEqual([]);
    }
    expect(byId(first, '60-oise').facts.checked).toContainEqual({ kind: 'channel', value: 'postal', found: true });
    expect(byId(first, '27-eure').facts.checked).toContainEqual({ kind: 'channel', value: 'appointment', found: true });
    expect(byId(first, '80-somme').facts.checked).toContainEqual({ kind: 'channel', value: 'online', found: true });
    expect(byId(first, '02-aisne').facts.checked).toContainEqual({ kind: 'channel', value: 'appointment', found: true });

    serve('tok-9z8y');
    const second = (await ws.check()).report;
    for (const entry of second.entries) {
      expect({ id: entry.id, status: entry.status, reasons: entry.reasons, changed: entry.changedSinceLastRun }).toEqual({ id: entry.id, status: 'ok', reasons: [], changed: false });
    }
  });

  it('keep images, hidden text, navigation, tools, share blocks, labels, step lists and consent forms out of the text', async () => {
    const { report } = await ws.check();
    const texts = report.entries.map((e) => e.sources[0]!.currentText ?? '');
    for (const text of texts) {
      expect(text).not.toMatch(/!\[|\/var\/|\?v=|tok-1a2b/);
      for (const clutter of ['Contenu', 'Actualités', 'Sous menu', 'Outils', 'Imprimer', 'Partager', 'Agenda', 'Chargement', 'ouvre votre messagerie', "Étrangers dans l'Oise", 'Coordonnées', 'Veuillez cocher', "J'accepte", 'Effectuer une demande']) {
        expect(text).not.toContain(clutter);
      }
    }
    // An image that is a link's only content names the link.
    expect(byId(report, '60-oise').sources[0]!.currentText).toContain('[La fiche service-public.fr sur le titre de séjour](https://www.service-public.fr/particuliers/vosdroits/F2208)');
    expect(byId(report, '02-aisne').sources[0]!.title).toBe('Admission exceptionnelle au séjour');
    expect(byId(report, '27-eure').sources[0]!.title).toBe('Admission exceptionnelle au séjour : dépôt des demandes');
  });

  it.each([
    ['a changed email', { oise: { email: 'sejour-aes@oise.gouv.fr' } }, '60-oise', { kind: 'email', value: 'pref-sejour-aes@oise.gouv.fr' }],
    ['another CEDEX', { oise: { cedex: '60021 BEAUVAIS CEDEX 3' } }, '60-oise', { kind: 'address', value: "Préfecture de l'Oise, Bureau de l'admission au séjour, 14 rue du Pont-Levis, 60021 BEAUVAIS CEDEX 2" }],
    ['another slug in a bare link', { sommeSlug: 'aes-somme-2025' }, '80-somme', { kind: 'url', value: 'www.demarches-simplifiees.fr/commencer/aes-somme' }],
    [
      'a postal procedure turned into an online form',
      {
        oise: {
          filing:
            'Votre demande d\'admission exceptionnelle au séjour se dépose désormais en ligne, sur <a href="https://www.demarches-simplifiees.fr/commencer/aes-oise">démarches simplifiées</a>. Pour toute question écrite, la préfecture reste joignable à l\'adresse suivante :',
        },
      },
      '60-oise',
      { kind: 'channel', value: 'postal' },
    ],
  ])('catch %s as a missing fact', async (_name, change, id, missing) => {
    await ws.check();
    serve('tok-3c4d', change);
    const { report } = await ws.check();
    const entry = byId(report, id);
    expect(entry.status).toBe('stale');
    expect(entry.reasons.map((r) => r.code)).toContain('fact-missing');
    expect(entry.facts.missing).toContainEqual(missing);
    expect(report.entries.filter((e) => e.id !== id).map((e) => e.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('report a page that no longer says how to file as channel "unknown", and never call it stale for that', async () => {
    serve('tok-1a2b', { oise: { filing: "Le dépôt de votre demande d'admission exceptionnelle au séjour est organisé par le bureau de l'admission au séjour." } });
    const { report } = await ws.check();
    const entry = byId(report, '60-oise');
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(entry.facts.checked).toContainEqual({ kind: 'channel', value: 'postal', found: true });
    expect(entry.facts.added).toContainEqual({ kind: 'channel', value: 'unknown' });
    expect(await readFile(join(ws.reports, 'latest.md'), 'utf8')).toMatch(/\| nouveau sur la page \| mode de dépôt \| non précisé par la page \|/);
  });

  it('re-extract baselines stored by the previous extractor silently', async () => {
    await ws.check();
    const store = createFileSnapshotStore(ws.snapshots);
    for (const id of ENTRY_IDS) {
      const key = await sourceKey(id);
      const read = await store.read(id, key, 'baseline');
      if (read.kind !== 'found') throw new Error(`no baseline for ${id}`);
      // What extractor v1 stored for the same HTML: the image in the text, the hidden heading.
      const oldText = `![Le hall d'accueil des étrangers](/var/oise/storage/images/guichet-etrangers.jpg?v=tok-0000)\n\nContenu\n\n${read.snapshot.text}`;
      await store.write(id, key, 'baseline', { ...read.snapshot, text: oldText, meta: { ...read.snapshot.meta, extractorVersion: 1 } });
    }
    serve('tok-5e6f');
    const { report } = await ws.check();
    for (const id of ENTRY_IDS) {
      expect(byId(report, id)).toMatchObject({ status: 'ok', reasons: [] });
      const key = await sourceKey(id);
      const meta = JSON.parse(await readFile(join(ws.snapshots, id, key, 'baseline.json'), 'utf8'));
      expect(meta.extractorVersion).toBe(EXTRACTOR_VERSION);
      expect(await readFile(join(ws.snapshots, id, key, 'baseline.md'), 'utf8')).not.toContain('![');
    }
  });
});
