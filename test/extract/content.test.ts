import { describe, expect, it } from 'vitest';
import { extractProcedure, MIN_PROCEDURE_CHARS } from '../../src/extract/extract.js';
import { readPage } from '../fixtures/pages/index.js';

const PROCEDURE =
  '<h2>Dépôt de la demande</h2><p>La demande d\'admission exceptionnelle au séjour est déposée sur rendez-vous, ' +
  'après un premier contact par courriel avec le bureau du séjour. Joignez à votre message votre nom, votre ' +
  'nationalité et votre adresse, ainsi que la copie de votre passeport et un justificatif de domicile récent.</p>';

describe('choosing the main content', () => {
  it('uses the configured selector and ignores the rest of the page', () => {
    const html = `<html><body><main><h1>Accueil</h1><p>Actualités de la préfecture.</p></main>
      <div class="zone-procedure"><h1>Admission exceptionnelle</h1>${PROCEDURE}</div></body></html>`;
    const result = extractProcedure(html, { baseUrl: 'https://www.eure.gouv.fr/aes', selector: '.zone-procedure' });
    if (result.kind !== 'extracted') throw new Error(result.detail);
    expect(result.title).toBe('Admission exceptionnelle');
    expect(result.text.startsWith('# Admission exceptionnelle\n\n## Dépôt de la demande')).toBe(true);
    expect(result.text).not.toContain('Actualités');
  });

  it('fails with "selector-missing" when the selector matches nothing', () => {
    const result = extractProcedure(readPage('dsfr-procedure'), { baseUrl: 'https://www.orne.gouv.fr/x', selector: '#procedure-aes' });
    expect(result).toEqual({
      kind: 'extraction-failed',
      reason: 'selector-missing',
      detail: 'selector "#procedure-aes" matches nothing on the page',
    });
  });

  it('fails with "selector-missing" naming an invalid selector instead of throwing', () => {
    const result = extractProcedure(readPage('dsfr-procedure'), { baseUrl: 'https://www.orne.gouv.fr/x', selector: 'div[' });
    expect(result).toMatchObject({ kind: 'extraction-failed', reason: 'selector-missing' });
    expect(result.kind === 'extraction-failed' && result.detail).toMatch(/^selector "div\[" is not valid CSS/);
  });

  it('reads an old eZ Publish "IDE" page from its content area', () => {
    const result = extractProcedure(readPage('ezpublish-procedure'), { baseUrl: 'https://www.manche.gouv.fr/Demarches-administratives/x' });
    if (result.kind !== 'extracted') throw new Error(result.detail);
    expect(result.title).toBe('Vous êtes en situation irrégulière mais vous souhaitez effectuer une demande de titre de séjour');
    expect(result.pageUpdated).toBe('2021-02-02');
    expect(result.text).toContain('[pref-regularisation@manche.gouv.fr](mailto:pref-regularisation@manche.gouv.fr)');
    expect(result.text).toContain('- votre nom et votre prénom ;');
    expect(result.text).toContain('BP 70522\n50009 SAINT-LÔ CEDEX');
    for (const chrome of ['Rechercher', 'Politiques publiques', 'Première demande', 'Imprimer', 'Envoyer à un ami', 'Partager', '2021 Préfecture', 'Mise à jour']) {
      expect(result.text).not.toContain(chrome);
    }
  });

  it('falls back to the body and still drops site chrome', () => {
    const html = `<html><body><header><p>Préfet de l'Eure</p></header><nav><a href="/">Accueil</a></nav>
      <h1>Admission exceptionnelle</h1>${PROCEDURE}<footer>© 2025 Préfecture de l'Eure</footer></body></html>`;
    const result = extractProcedure(html, { baseUrl: 'https://www.eure.gouv.fr/aes' });
    if (result.kind !== 'extracted') throw new Error(result.detail);
    expect(result.text.startsWith('# Admission exceptionnelle')).toBe(true);
    expect(result.text).not.toMatch(/Préfet de l'Eure|Accueil|2025/);
  });

  it('keeps an article header that holds the title', () => {
    const html = `<html><body><main><article><header><h1>Admission exceptionnelle</h1></header>${PROCEDURE}</article></main></body></html>`;
    const result = extractProcedure(html, { baseUrl: 'https://www.eure.gouv.fr/aes' });
    expect(result.kind === 'extracted' && result.text.startsWith('# Admission exceptionnelle')).toBe(true);
  });
});

describe('odd input', () => {
  it('takes the <title> without the site name when the page has no h1', () => {
    const html = `<html><head><title>Admission exceptionnelle au séjour – Préfecture de l’Eure</title></head><body><main>${PROCEDURE}</main></body></html>`;
    const result = extractProcedure(html, { baseUrl: 'https://www.eure.gouv.fr/aes' });
    expect(result.kind === 'extracted' && result.title).toBe('Admission exceptionnelle au séjour');
  });

  it('reads an empty document as "empty" rather than throwing', () => {
    expect(extractProcedure('', { baseUrl: 'https://www.eure.gouv.fr/aes' })).toMatchObject({ kind: 'extraction-failed', reason: 'empty' });
  });

  it('keeps relative hrefs as printed when the base URL is unusable', () => {
    const html = `<html><body><main><h1>AES</h1>${PROCEDURE}<p><a href="/aes/formulaire">formulaire</a></p></main></body></html>`;
    const result = extractProcedure(html, { baseUrl: 'not a url' });
    expect(result.kind === 'extracted' && result.text).toContain('[formulaire](/aes/formulaire)');
  });
});

describe('pages with no procedure', () => {
  it('fails a near-empty page with reason "empty"', () => {
    const result = extractProcedure(readPage('near-empty'), { baseUrl: 'https://www.calvados.gouv.fr/Demarches/Etrangers' });
    expect(result).toMatchObject({ kind: 'extraction-failed', reason: 'empty' });
    expect(result.kind === 'extraction-failed' && result.detail).toMatch(new RegExp(`fewer than ${MIN_PROCEDURE_CHARS}`));
  });

  it('fails a co-marquage shell and says JavaScript would fill it', () => {
    const result = extractProcedure(readPage('comarquage-shell'), {
      baseUrl: 'https://www.calvados.gouv.fr/accueil-des-etrangers-dans-le-calvados-a9349.html',
    });
    expect(result).toMatchObject({ kind: 'extraction-failed', reason: 'empty' });
    expect(result.kind === 'extraction-failed' && result.detail).toContain('co-marquage');
  });

  it('does not count link targets as text', () => {
    const longUrl = `https://www.orne.gouv.fr/${'x'.repeat(300)}`;
    const html = `<html><body><main><h1>AES</h1><p><a href="${longUrl}">Voir la page</a></p></main></body></html>`;
    expect(extractProcedure(html, { baseUrl: 'https://www.orne.gouv.fr/' })).toMatchObject({ reason: 'empty' });
  });

  it('accepts a short but real procedure', () => {
    const html = `<html><body><main><h1>AES</h1>${PROCEDURE}</main></body></html>`;
    expect(extractProcedure(html, { baseUrl: 'https://www.orne.gouv.fr/' }).kind).toBe('extracted');
  });
});
