import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../src/compare/text-diff.js';

const labels = { before: 'baseline', after: 'current' };

describe('compareTexts', () => {
  it('finds no change in the very same text', () => {
    const text = 'Envoyez le dossier\nà la préfecture.';
    expect(compareTexts(text, text, labels)).toEqual({ changed: false });
  });

  it('finds no change when only whitespace differs', () => {
    expect(compareTexts('Envoyez  le dossier\n\n\nà la préfecture.', 'Envoyez le dossier \n\nà la préfecture.\n', labels)).toEqual({ changed: false });
  });

  it('gives a unified diff of a real change', () => {
    const result = compareTexts('14038 CAEN CEDEX 08\n', '14038 CAEN CEDEX 9\n', labels);
    expect(result.changed).toBe(true);
    if (!result.changed) return;
    expect(result.unified).toContain('-14038 CAEN CEDEX 08');
    expect(result.unified).toContain('+14038 CAEN CEDEX 9');
    expect(result.unified).toContain('--- baseline');
  });
});

describe('compareTexts, the diff editors read', () => {
  const lines = (result: ReturnType<typeof compareTexts>) => (result.changed ? result.unified.split('\n') : []);

  it('ignores spaces around line breaks, on either side', () => {
    expect(compareTexts('Préfecture de Testville\n  12 rue des Essais', 'Préfecture de Testville  \n12 rue des Essais', labels)).toEqual({ changed: false });
    expect(compareTexts('Préfecture\u00a0de\tTestville\n\n\n\n12 rue des Essais', 'Préfecture de Testville\n\n12 rue des Essais', labels)).toEqual({ changed: false });
  });

  it('keeps line and paragraph breaks as content', () => {
    expect(compareTexts('Préfecture de Testville\n12 rue des Essais', 'Préfecture de Testville 12 rue des Essais', labels).changed).toBe(true);
    expect(compareTexts('Préfecture de Testville\n\n12 rue des Essais', 'Préfecture de Testville\n12 rue des Essais', labels).changed).toBe(true);
  });

  it('shows the changed line alone, with its unchanged neighbours as context, one per line', () => {
    const before = 'Préfecture de Testville\n\nBureau du séjour\n\n14099 TESTVILLE CEDEX 08';
    const after = 'Préfecture de Testville\n\nBureau du séjour\n\n14099 TESTVILLE CEDEX 9';
    const out = lines(compareTexts(before, after, labels));
    expect(out.slice(0, 2)).toEqual(['--- baseline', '+++ current']);
    expect(out).toContain(' Bureau du séjour');
    expect(out).toContain('-14099 TESTVILLE CEDEX 08');
    expect(out).toContain('+14099 TESTVILLE CEDEX 9');
  });

  it('shows three lines of context, no more', () => {
    const before = ['Un', 'Deux', 'Trois', 'Quatre', 'Cinq', 'Six'].join('\n');
    const out = lines(compareTexts(before, before.replace('Six', 'Sept'), labels));
    expect(out.filter((l) => l.startsWith(' '))).toEqual([' Trois', ' Quatre', ' Cinq']);
  });

  it('keeps content lines that mention an index or end in "=", dropping only the patch header', () => {
    const out = lines(compareTexts('Voir Index: les démarches\nCode =', 'Voir Index: toutes les démarches\nCode ==', labels));
    expect(out.some((l) => /^=+$/.test(l) || l.startsWith('Index:'))).toBe(false);
    expect(out).toContain('-Voir Index: les démarches');
    expect(out).toContain('+Code ==');
  });
});
