import { describe, expect, it } from 'vitest';
import { extractFacts, type Link } from '../../src/facts/extract.js';
import type { Fact } from '../../src/facts/fact.js';
import { factPresent } from '../../src/facts/match.js';

/** factPresent on whole pages: the page's facts as the extractor reads them (links included), and its text. */
const onPage = (fact: Fact, text: string, links: Link[] = []) => factPresent(fact, extractFacts(text, links), text);
const PAGE = `Envoyez votre demande à : Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 9.
Pour toute question : pref-sejour@calvados.gouv.fr ou +33 2 31 30 64 00.`;
const doc = (value: string, date: string | null): Fact => ({ kind: 'document', value, format: 'pdf', size: null, date, href: null });

describe('factPresent on a whole page', () => {
  it('finds each guide fact among facts of every kind', () => {
    expect(onPage({ kind: 'email', value: 'pref-sejour@calvados.gouv.fr' }, PAGE)).toBe(true);
    expect(onPage({ kind: 'phone', value: '02 31 30 64 00' }, PAGE)).toBe(true);
    expect(onPage({ kind: 'address', value: 'x', recipient: [], street: 'Rue Daniel Huet', postBox: null, postcode: '14038', city: 'CAEN', cedex: '9' }, PAGE)).toBe(true);
  });

  it('does not find a guide fact the page lacks, whatever else it states', () => {
    expect(onPage({ kind: 'email', value: 'etrangers@calvados.gouv.fr' }, PAGE)).toBe(false);
    expect(onPage({ kind: 'phone', value: '02 31 30 64 01' }, PAGE)).toBe(false);
    expect(onPage(doc('Dossier de demande AES', null), PAGE)).toBe(false);
  });

  it('finds a link the page holds only as an anchor, not in its text', () => {
    const link = { text: 'Déposer ma demande', href: 'https://www.demarches-simplifiees.fr/commencer/aes-14' };
    expect(onPage({ kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/aes-14', role: 'online-procedure' }, 'Déposer ma demande en ligne.', [link])).toBe(true);
  });

  it('finds a document by its plain title when the page states no detail for it', () => {
    expect(onPage(doc('Dossier de demande AES', '2022-10-25'), `${PAGE}\nTéléchargez le Dossier de demande AES puis renvoyez-le.`)).toBe(true);
    // Another document listed with its detail does not hide it.
    expect(onPage(doc('Dossier de demande AES', '2022-10-25'), `${PAGE}\nNotice (format pdf - 80 ko - 01/02/2024)\nTéléchargez le Dossier de demande AES.`)).toBe(true);
  });

  it('does not find a document the page lists with another date', () => {
    expect(onPage(doc('Dossier de demande AES', '2022-10-25'), `${PAGE}\nDossier de demande AES (format pdf - 530 ko - 01/02/2024)`)).toBe(false);
  });
});
