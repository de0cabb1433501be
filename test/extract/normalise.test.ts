import { describe, expect, it } from 'vitest';
import { normaliseInline, normaliseText } from '../../src/extract/normalise.js';

describe('typographic noise', () => {
  it('turns non-breaking and narrow spaces into spaces', () => {
    expect(normaliseInline('Une question\u00a0? CS\u202f50529')).toBe('Une question ? CS 50529');
  });

  it("turns ’ and ‘ into '", () => {
    expect(normaliseInline('l’admission d‘un étranger')).toBe("l'admission d'un étranger");
  });

  it('spaces « » the same way whatever the page did', () => {
    const expected = '« admission exceptionnelle »';
    expect(normaliseInline('«admission exceptionnelle»')).toBe(expected);
    expect(normaliseInline('«\u00a0admission exceptionnelle\u00a0»')).toBe(expected);
    expect(normaliseInline('«   admission exceptionnelle  »')).toBe(expected);
  });

  it('removes zero-width characters and soft hyphens', () => {
    expect(normaliseInline('pref\u00ADregularisation\u200B@manche.gouv.fr')).toBe('prefregularisation@manche.gouv.fr');
  });
});

describe('text layout', () => {
  it('collapses blank lines, trims trailing spaces and the ends', () => {
    expect(normaliseText('\n\n# Titre  \n\n\n\nLigne un  \nLigne  deux\t\n\n')).toBe('# Titre\n\nLigne un\nLigne deux');
  });

  it('keeps the indentation that nests lists', () => {
    expect(normaliseText('-   étape\n    -   sous-étape')).toBe('- étape\n    - sous-étape');
  });

  it('reads CRLF text the same as LF text', () => {
    expect(normaliseText('a\r\n\r\nb')).toBe(normaliseText('a\n\nb'));
  });
});
