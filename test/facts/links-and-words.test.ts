import { describe, expect, it } from 'vitest';
import { frenchDateToIso, wordRegExp } from '../../src/facts/normalise.js';
import { canonicalUrl, urlRole } from '../../src/facts/url.js';

/** Links as guide entries and prefecture pages print them, and the word patterns of discover/ and propose/. */
describe('URL roles on the hosts as published', () => {
  it.each([
    ['a démarches-simplifiées test procedure', 'https://www.demarches-simplifiees.fr/commencer/test/aes-14', 'online-procedure'],
    ['the ANEF with www.', 'https://www.administration-etrangers-en-france.interieur.gouv.fr/particuliers/', 'online-procedure'],
    ['the national booking site with www.', 'https://www.rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/1234/', 'appointment'],
    ['a démarches-simplifiées page that is no form', 'https://www.demarches-simplifiees.fr/faq/commencer/', 'page'],
  ])('%s', (_name, url, role) => {
    expect(urlRole(url)).toBe(role);
  });

  it('reads a bare link carrying a return address as its https:// form', () => {
    const bare = 'www.calvados.gouv.fr/aes?retour=https://www.calvados.gouv.fr/';
    expect(canonicalUrl(bare)).toBe(canonicalUrl(`https://${bare}`));
    expect(canonicalUrl(bare).startsWith('calvados.gouv.fr/aes?')).toBe(true);
  });
});

describe('word patterns', () => {
  it('ignore case by default', () => {
    expect(wordRegExp(String.raw`\bétrangers?\b`).test('BUREAU DES ÉTRANGERS')).toBe(true);
  });

  it('read a word edge after an opening group as the start of a word', () => {
    const re = wordRegExp(String.raw`(\bséjour\b)`);
    expect(re.test('titre de séjour')).toBe(true);
    expect(re.test('préséjour')).toBe(false);
  });
});

describe('dates', () => {
  it('take no date followed by more digits', () => {
    expect(frenchDateToIso('25/10/20221')).toBeNull();
  });
});
