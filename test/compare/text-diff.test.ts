import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../src/compare/text-diff.js';

const labels = { before: 'baseline', after: 'current' };

describe('compareTexts', () => {
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
