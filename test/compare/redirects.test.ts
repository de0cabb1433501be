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

describe('classifyRedirect, the edges', () => {
  const site = 'https://www.calvados.gouv.fr';
  const from = `${site}/Demarches/Sejour/Admission-exceptionnelle-au-sejour`;

  it.each(['Demarches', 'demarches-administratives', 'Actualites', 'Publications', 'Politiques-publiques', 'Services-de-l-Etat', 'Ma-prefecture', 'Contact', 'Plan-du-site'])(
    'calls a redirect to the section root /%s dead',
    (section) => {
      const cited = 'https://www.calvados.gouv.fr/l-admission-exceptionnelle-au-sejour-a11663.html';
      expect(classifyRedirect(cited, `${site}/${section}`, hop(cited))).toEqual({ kind: 'to-home', to: `${site}/${section}` });
    },
  );

  it.each(['/index.php/accueil', '/index.php/', '/index.html', '/index.htm', '/Home/', '/ACCUEIL'])('calls a redirect to the home page %s dead', (path) => {
    expect(classifyRedirect(from, `${site}${path}`, hop(from)).kind).toBe('to-home');
  });

  it('calls a redirect to a page that merely starts like a home page a move', () => {
    for (const path of ['/accueil-a9349.html', '/home-office/aes', '/index.php/Demarches/Sejour/AES-2025', '/Actualites/index.php', '/Demarches/index.html']) {
      expect(classifyRedirect(from, `${site}${path}`, hop(from)), path).toEqual({ kind: 'moved', to: `${site}${path}` });
    }
  });

  it('calls a redirect to a page under a section a move, and a section root with a query a move', () => {
    expect(classifyRedirect(from, `${site}/Demarches/Titres-de-sejour`, hop(from)).kind).toBe('moved');
    expect(classifyRedirect(from, `${site}/Publications?type=aes`, hop(from)).kind).toBe('moved');
  });

  it('calls the same path on another site a move even when it looks like an ancestor', () => {
    expect(classifyRedirect(from, 'https://www.manche.gouv.fr/Demarches/Sejour', hop(from)).kind).toBe('moved');
    expect(classifyRedirect(from, `${site}/Demarches/Sejour`, hop(from)).kind).toBe('to-home');
  });

  it('sees another query on the same path as another page', () => {
    const cited = `${site}/aes?id=1204`;
    expect(classifyRedirect(cited, `${site}/aes?id=1300`, hop(cited)).kind).toBe('moved');
    expect(classifyRedirect(`${site}/aes?id=1204`, `${site}/aes?id=1204`, hop(cited)).kind).toBe('none');
  });

  it('sees the same page across a www. prefix, an anchor, doubled trailing slashes and accented case', () => {
    expect(classifyRedirect(`${site}/Demarches/AES#depot`, 'https://calvados.gouv.fr/demarches/aes//', hop(from)).kind).toBe('none');
    expect(classifyRedirect(`${site}/Démarches/Séjour`, `${site}/démarches/séjour`, hop(from)).kind).toBe('none');
  });

  it('calls nothing a move without a redirect, whatever the final address', () => {
    expect(classifyRedirect(from, `${site}/Demarches/Autre-page`, [])).toEqual({ kind: 'none' });
  });

  it('keeps www. inside a host name significant', () => {
    expect(classifyRedirect(`https://aes.www.calvados.gouv.fr/page`, 'https://aes.calvados.gouv.fr/page', hop(from)).kind).toBe('moved');
  });

  it('calls a redirect to an address it cannot read a move to that address', () => {
    expect(classifyRedirect(from, 'not a url', hop(from))).toEqual({ kind: 'moved', to: 'not a url' });
    expect(classifyRedirect('guide typo', `${site}/Demarches/AES`, hop(from))).toEqual({ kind: 'moved', to: `${site}/Demarches/AES` });
  });
});
