import { describe, expect, it } from 'vitest';
import { wordRegExp, wordTest } from '../../src/facts/normalise.js';

const SOURCE = String.raw`\b(?:rendez-vous|rdv)\b|guichet`;

describe('wordTest', () => {
  const test = wordTest(SOURCE);
  const regExp = wordRegExp(SOURCE);

  it.each([
    ['sur rendez-vous', true],
    ['SUR RDV.', true],
    ['au guichet', true],
    ['aux guichets', true],
    // The words are there, but not as whole words: only the word edges can tell.
    ['rdvé', false],
    ['érendez-vous', false],
    ['rdv_1', false],
    ['par courrier', false],
    ['', false],
  ])('%j → %s, as wordRegExp says', (text, expected) => {
    expect(test(text)).toBe(expected);
    expect(regExp.test(text)).toBe(expected);
  });

  it('answers each text on its own, whatever was asked before', () => {
    expect([test('rdv'), test('rdvé'), test('rdv'), test('par courrier'), test('au guichet')]).toEqual([true, false, true, false, true]);
  });
});
