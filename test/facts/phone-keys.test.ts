import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import type { Fact } from '../../src/facts/fact.js';
import { factPresent } from '../../src/facts/match.js';

/** A phone number printed the French way in the guide, and the international way on a page. */
const guidePhone: Fact = { kind: 'phone', value: '02 31 30 64 00' };
const present = (page: string) => factPresent(guidePhone, extractFacts(page), page);

describe('phone numbers in their international forms', () => {
  it.each([
    ['+33 2 31 30 64 00'],
    ['+33 (0)2 31 30 64 00'],
    ['0033 2 31 30 64 00'],
    ['0033 (0)2 31 30 64 00'],
    ['02.31.30.64.00'],
  ])('%s is the same number as 02 31 30 64 00', (printed) => {
    expect(present(`Accueil téléphonique : ${printed}.`)).toBe(true);
  });

  it('a different number is not', () => {
    expect(present('Accueil téléphonique : +33 2 31 30 64 01.')).toBe(false);
    expect(present('Accueil téléphonique : 0033 2 31 30 64 01.')).toBe(false);
  });
});
