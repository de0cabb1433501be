import { describe, expect, it } from 'vitest';
import { extractProcedure } from '../../src/extract/extract.js';
import { cleanHref } from '../../src/extract/links.js';

const BASE = new URL('https://www.seine-maritime.gouv.fr/Demarches/Sejour/AES');

describe('cleanHref', () => {
  it('makes relative hrefs absolute against the page URL', () => {
    expect(cleanHref('../Naturalisation', BASE)).toBe('https://www.seine-maritime.gouv.fr/Demarches/Naturalisation');
    expect(cleanHref('/contenu/telechargement/1/2/file/a.pdf', BASE)).toBe(
      'https://www.seine-maritime.gouv.fr/contenu/telechargement/1/2/file/a.pdf',
    );
    expect(cleanHref('//www.service-public.fr/particuliers', BASE)).toBe('https://www.service-public.fr/particuliers');
  });

  it.each([
    ['utm_*', '?utm_source=newsletter&utm_medium=email&utm_campaign=aes'],
    ['xtor', '?xtor=RSS-12'],
    ['fbclid', '?fbclid=IwAR0xYz'],
    ['gclid', '?gclid=Cj0KCQiA'],
    ['Matomo and AT Internet', '?pk_campaign=a&mtm_source=b&at_medium=c'],
  ])('drops %s tracking parameters', (_, query) => {
    expect(cleanHref(`https://www.demarches-simplifiees.fr/commencer/76-aes${query}`, BASE)).toBe(
      'https://www.demarches-simplifiees.fr/commencer/76-aes',
    );
  });

  it('keeps parameters that select content', () => {
    expect(cleanHref('/booking/create/12345/1?motif=aes&utm_source=x', BASE)).toBe(
      'https://www.seine-maritime.gouv.fr/booking/create/12345/1?motif=aes',
    );
  });

  it('drops session ids in the path and plain anchors, keeps #! client routes', () => {
    expect(cleanHref('/Demarches;jsessionid=ABC123?id=4', BASE)).toBe('https://www.seine-maritime.gouv.fr/Demarches?id=4');
    expect(cleanHref('/Demarches#haut', BASE)).toBe('https://www.seine-maritime.gouv.fr/Demarches');
    expect(cleanHref('/accueil-a9349.html#!/Particuliers/page/L1055', BASE)).toBe(
      'https://www.seine-maritime.gouv.fr/accueil-a9349.html#!/Particuliers/page/L1055',
    );
  });

  it('has no target for "#", in-page anchors and javascript:', () => {
    expect(cleanHref('#', BASE)).toBeNull();
    expect(cleanHref('#contenu', BASE)).toBeNull();
    expect(cleanHref('javascript:void(0)', BASE)).toBeNull();
    expect(cleanHref('  ', BASE)).toBeNull();
  });

  it('keeps mailto: and tel: links as they are', () => {
    expect(cleanHref('mailto:pref-sejour@seine-maritime.gouv.fr', BASE)).toBe('mailto:pref-sejour@seine-maritime.gouv.fr');
    expect(cleanHref('tel:+33232761234', BASE)).toBe('tel:+33232761234');
  });
});

describe('links in the extracted text', () => {
  const body =
    '<p>Les étrangers en situation irrégulière déposent leur demande de titre de séjour en ligne, ' +
    'sur <a href="/Demarches/AES/Formulaire?utm_source=site" title="Formulaire - nouvelle fenêtre" class="fr-link" id="l-8f2a">le formulaire</a>, ' +
    'ou par courrier à la direction des migrations et de l\'intégration. Les pièces justificatives sont ' +
    'listées sur la page <a href="pieces.html">pièces à fournir</a>. <a href="#" onclick="window.print()">Imprimer</a></p>';

  it('resolves against <base href> when the page declares one, and drops link titles and ids', () => {
    const html = `<html><head><base href="https://www.seine-maritime.gouv.fr/layout/set/print/"></head><body><main><h1>AES</h1>${body}</main></body></html>`;
    const result = extractProcedure(html, { baseUrl: 'https://www.seine-maritime.gouv.fr/Demarches/AES' });
    if (result.kind !== 'extracted') throw new Error(result.detail);
    expect(result.text).toContain('[le formulaire](https://www.seine-maritime.gouv.fr/Demarches/AES/Formulaire)');
    expect(result.text).toContain('[pièces à fournir](https://www.seine-maritime.gouv.fr/layout/set/print/pieces.html)');
    expect(result.text).toMatch(/\. Imprimer$/m);
    expect(result.text).not.toMatch(/nouvelle fenêtre|l-8f2a/);
  });
});
