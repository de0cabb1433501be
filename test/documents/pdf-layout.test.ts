import { describe, expect, it } from 'vitest';
import { joinWrapped, layoutPdfText } from '../../src/shared/pdf/layout.js';
import type { PdfPage } from '../../src/shared/pdf/reader.js';

const item = (text: string, y: number, width = text.length * 5.5, x = 56) => ({ text, x, y, width, height: 11, eol: false });

describe('PDF text layout', () => {
  it.each([
    ['dossier de demande étran-', 'gers', 'dossier de demande étrangers'],
    ['Les Sous-', 'préfectures', 'Les Sous-préfectures'],
    ['Cherbourg-en-', 'Cotentin', 'Cherbourg-en-Cotentin'],
    ['Pouvez-', 'vous écrire', 'Pouvez-vous écrire'],
    ['voir <https://www.orne.gouv.fr/Demar', 'ches-administratives>', 'voir <https://www.orne.gouv.fr/Demarches-administratives>'],
    ['par voie', 'postale.', 'par voie postale.'],
  ])('joins %j and %j as %j', (line, next, joined) => {
    expect(joinWrapped(line, next)).toBe(joined);
  });

  it('drops page numbers and a header repeated in the margin, keeps paragraphs, joins wrapped lines', () => {
    const page = (n: number, lines: [string, number, number?][]): PdfPage => ({
      width: 595,
      height: 842,
      items: [item('Préfecture de Testville — guide', 812), ...lines.map(([t, y, w]) => item(t, y, w)), item(`${n} / 2`, 26)],
    });
    const text = layoutPdfText([
      page(1, [['Région Normandie', 770], ['La demande se fait par voie', 756.8, 483], ['postale.', 743.6], ['Dossier', 717.2]]),
      page(2, [['Étape 2 : envoyez', 770]]),
    ]);
    expect(text).toBe('Région Normandie\nLa demande se fait par voie postale.\n\nDossier\n\nÉtape 2 : envoyez\n');
  });
});
