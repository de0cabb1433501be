import { describe, expect, it } from 'vitest';
import { classifyRedirect } from '../../src/compare/redirects.js';

const hop = (url: string) => [{ url, status: 301 }];
const cited = 'https://www.orne.gouv.fr/l-admission-exceptionnelle-au-sejour-aes-a11663.html';

describe('classifyRedirect', () => {
  it('is none without redirects', () => {
    expect(classifyRedirect(cited, cited, [])).toEqual({ kind: 'none' });
  });

  it('treats scheme, www, trailing slash and case changes as the same page', () => {
    const from = 'http://orne.gouv.fr/Demarches/AES';
    expect(classifyRedirect(from, 'https://www.orne.gouv.fr/demarches/aes/', hop(from)).kind).toBe('none');
  });

  it('calls a redirect to another page a move', () => {
    const to = 'https://www.orne.gouv.fr/Demarches/Titres-de-sejour/Admission-exceptionnelle-au-sejour';
    expect(classifyRedirect(cited, to, hop(cited))).toEqual({ kind: 'moved', to });
  });

  it('calls a move to another host a move', () => {
    const to = 'https://www.seine-maritime.gouv.fr/Demarches/AES';
    expect(classifyRedirect(cited, to, hop(cited)).kind).toBe('moved');
  });

  it.each([
    'https://www.orne.gouv.fr/',
    'https://www.orne.gouv.fr',
    'https://www.orne.gouv.fr/index.php',
    'https://www.orne.gouv.fr/Accueil',
    'https://www.orne.gouv.fr/Demarches',
    'https://www.orne.gouv.fr/Demarches-administratives/',
  ])('calls a redirect to home or a section root (%s) dead', (to) => {
    expect(classifyRedirect(cited, to, hop(cited)).kind).toBe('to-home');
  });

  it('calls a redirect to an ancestor of the cited path a section root', () => {
    const from = 'https://www.manche.gouv.fr/Demarches-administratives/Etrangers/Vous-etes-en-situation-irreguliere';
    expect(classifyRedirect(from, 'https://www.manche.gouv.fr/Demarches-administratives/Etrangers', hop(from)).kind).toBe('to-home');
  });

  it('ignores the #! route of the cited URL when comparing', () => {
    const from = 'https://www.calvados.gouv.fr/accueil-a9349.html#!/Particuliers/page/L1055';
    expect(classifyRedirect(from, 'https://www.calvados.gouv.fr/accueil-a9349.html', hop(from)).kind).toBe('none');
  });
});
