import { describe, expect, it } from 'vitest';
import { extractProcedure } from '../../src/extract/extract.js';
import { EXTRACTOR_VERSION, type Extraction } from '../../src/extract/extraction.js';
import { readPage } from '../fixtures/pages/index.js';

const BASE = 'https://www.orne.gouv.fr/Demarches/Etrangers/Sejour/L-admission-exceptionnelle-au-sejour-AES';

function extracted(html: string): Extract<Extraction, { kind: 'extracted' }> {
  const result = extractProcedure(html, { baseUrl: BASE });
  if (result.kind !== 'extracted') throw new Error(`expected an extraction, got ${result.reason}: ${result.detail}`);
  return result;
}

describe('a DSFR procedure page', () => {
  const page = extracted(readPage('dsfr-procedure'));

  it('reads the title from the content h1, not the theme dialog', () => {
    expect(page.title).toBe("L'admission exceptionnelle au séjour (AES)");
  });

  it('reads "Mis à jour le 14/03/2023" as an ISO date and keeps it out of the text', () => {
    expect(page.pageUpdated).toBe('2023-03-14');
    expect(page.text).not.toMatch(/mis à jour/i);
  });

  it('writes ATX headings, numbered steps and the address one line each', () => {
    const lines = page.text.split('\n');
    expect(lines[0]).toBe("# L'admission exceptionnelle au séjour (AES)");
    expect(lines).toContain('## Comment déposer votre dossier ?');
    expect(lines).toContain('### Adresse d\'envoi');
    expect(page.text).toMatch(/^1\. \*\*Étape 1 :\*\* téléchargez/m);
    expect(page.text).toMatch(/^3\. \*\*Étape 3 :\*\* envoyez/m);
    expect(page.text).toContain('39, rue Saint-Blaise\nCS 50529\n61018 ALENÇON CEDEX');
  });

  it('keeps links as [text](absolute-url) without tracking parameters', () => {
    expect(page.text).toContain('[pref-etrangers@orne.gouv.fr](mailto:pref-etrangers@orne.gouv.fr)');
    expect(page.text).toContain(
      '[liste des pièces justificatives](https://www.orne.gouv.fr/Demarches/Etrangers/Sejour/Liste-des-pieces)',
    );
    expect(page.text).toContain('(https://www.demarches-simplifiees.fr/commencer/61-changement-statut-sejour)');
    expect(page.text).not.toMatch(/xtor|utm_/);
  });

  it('keeps only the text of links to "#" and javascript:', () => {
    expect(page.text).toContain('Revenir en haut de page ou imprimer la page.');
    expect(page.text).not.toContain('javascript:');
    expect(page.text).not.toContain('](#');
  });

  it('writes bullet lists with "-"', () => {
    expect(page.text).toMatch(/^- \[Dossier de demande d'admission exceptionnelle au séjour PDF - 524,1 Ko - 25\/10\/2022\]\(https:\/\/www\.orne\.gouv\.fr\/contenu\/telechargement\//m);
  });

  it.each([
    ['site header', 'Les services de l\'État dans l\'Orne'],
    ['main navigation', 'Politiques publiques'],
    ['breadcrumb', "Voir le fil d'Ariane"],
    ['side menu', 'Naturalisation'],
    ['share widget', 'Partager'],
    ['theme picker', 'Sélectionnez votre thématique'],
    ['last visited widget', 'Dernières pages visitées'],
    ['feedback form', 'Cette page vous a-t-elle été utile'],
    ['footer', 'Etalab'],
    ['cookie banner', 'cookies'],
    ['display settings dialog', "Paramètres d'affichage"],
    ['search form', 'Rechercher'],
  ])('drops the %s', (_, words) => {
    expect(page.text).not.toContain(words);
  });

  it('turns the broken-id download link into a document fact', () => {
    expect(page.facts).toContainEqual({
      kind: 'document',
      value: "Dossier de demande d'admission exceptionnelle au séjour",
      format: 'pdf',
      size: '524,1 Ko',
      date: '2022-10-25',
      href: 'https://www.orne.gouv.fr/contenu/telechargement/52481/398716/file/dossier-demande-aes.pdf',
    });
    expect(page.facts.filter((fact) => fact.kind === 'document')).toHaveLength(2);
  });

  it('merges the facts stage findings for the text (email, form URL) without duplicates', () => {
    expect(page.facts).toContainEqual({ kind: 'email', value: 'pref-etrangers@orne.gouv.fr' });
    expect(page.facts.some((f) => f.kind === 'url' && f.value.includes('/commencer/61-changement-statut-sejour'))).toBe(true);
    const keys = page.facts.map((f) => JSON.stringify(f));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stamps the extractor version (2 since images, clutter and channels are read anew)', () => {
    expect(EXTRACTOR_VERSION).toBe(2);
    expect(page.extractorVersion).toBe(EXTRACTOR_VERSION);
  });
});

describe('noise between two fetches', () => {
  const html = readPage('dsfr-procedure');
  const noisy = readPage('dsfr-procedure-noisy');

  it('the noisy twin really differs from the original markup', () => {
    expect(noisy).not.toBe(html);
    expect(noisy).toContain('\u00a0');
    expect(noisy).toContain('’');
    expect(noisy).toContain('utm_source=prefecture-orne');
  });

  it('extracts to byte-identical text, the same facts, title and date', () => {
    const a = extracted(html);
    const b = extracted(noisy);
    expect(b.text).toBe(a.text);
    expect(b.facts).toEqual(a.facts);
    expect(b.title).toBe(a.title);
    expect(b.pageUpdated).toBe(a.pageUpdated);
  });

  it('is deterministic for the same page', () => {
    expect(extracted(html)).toEqual(extracted(html));
  });

  it('still sees a real edit: a new postcode changes the text', () => {
    const edited = html.replace('61018 ALENÇON CEDEX', '61014 ALENÇON CEDEX');
    expect(edited).not.toBe(html);
    expect(extracted(edited).text).not.toBe(extracted(html).text);
  });

  it('a date-only edit changes pageUpdated but not the text', () => {
    const redated = html.replace('Mis à jour le 14/03/2023', 'Mis à jour le 02/05/2024 à 10:12');
    const a = extracted(html);
    const b = extracted(redated);
    expect(b.pageUpdated).toBe('2024-05-02');
    expect(b.text).toBe(a.text);
  });
});
