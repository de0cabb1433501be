import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { findDownloads } from '../../src/extract/downloads.js';
import { extractProcedure } from '../../src/extract/extract.js';
import { readPage } from '../fixtures/pages/index.js';

function downloadsIn(html: string) {
  const $ = load(`<main>${html}</main>`);
  return findDownloads($, $('main'));
}

describe('download links', () => {
  it('finds the link whose unterminated id swallowed its class', () => {
    const html =
      '<ul class="fr-downloads-group"><li><a id="38fae2c1beef42 class="fr-link fr-link--download"" ' +
      'href="https://www.orne.gouv.fr/contenu/telechargement/1/2/file/dossier.pdf">Dossier de demande AES ' +
      '<span class="fr-link__detail">PDF - 524,1 Ko - 25/10/2022</span></a></li></ul>';
    expect(downloadsIn(html)).toEqual([
      {
        kind: 'document',
        value: 'Dossier de demande AES',
        format: 'pdf',
        size: '524,1 Ko',
        date: '2022-10-25',
        href: 'https://www.orne.gouv.fr/contenu/telechargement/1/2/file/dossier.pdf',
      },
    ]);
  });

  it('reads an old-site detail printed after the link', () => {
    const html =
      '<p>Imprimez le <a href="https://www.manche.gouv.fr/content/download/31415/226271/file/notice.pdf">Dossier de demande AES</a> ' +
      '(format pdf - 524.1 ko - 25/10/2022) et complétez-le.</p>';
    expect(downloadsIn(html)).toEqual([
      {
        kind: 'document',
        value: 'Dossier de demande AES',
        format: 'pdf',
        size: '524.1 ko',
        date: '2022-10-25',
        href: 'https://www.manche.gouv.fr/content/download/31415/226271/file/notice.pdf',
      },
    ]);
  });

  it('takes the format from the file name when no detail is printed', () => {
    const [document] = downloadsIn('<a href="https://www.calvados.gouv.fr/files/liste-pieces.odt">Liste des pièces</a>');
    expect(document).toMatchObject({ value: 'Liste des pièces', format: 'odt', size: null, date: null });
  });

  it('ignores links that are not files', () => {
    expect(downloadsIn('<a href="https://www.orne.gouv.fr/Demarches/Etrangers">Étrangers</a>')).toEqual([]);
  });

  it('gives absolute hrefs once extraction has rewritten the links', () => {
    const result = extractProcedure(readPage('ezpublish-procedure'), {
      baseUrl: 'https://www.manche.gouv.fr/Demarches-administratives/Etrangers/Situation-irreguliere',
    });
    if (result.kind !== 'extracted') throw new Error(result.detail);
    expect(result.facts).toContainEqual({
      kind: 'document',
      value: 'notice des pièces à fournir',
      format: 'pdf',
      size: '120 ko',
      date: '2021-01-15',
      href: 'https://www.manche.gouv.fr/content/download/31415/226271/file/liste-pieces-admission-exceptionnelle.pdf',
    });
  });
});
