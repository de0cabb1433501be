import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../src/compare/facts-check.js';
import { extractFacts } from '../../src/facts/extract.js';

/** checkFacts with guide facts and page facts both read by the fact extractor, as a run does. */
const GUIDE = `Votre demande doit être envoyée par courrier à l'adresse suivante :

Préfecture de Testville
12 rue des Essais
14099 TESTVILLE CEDEX 08

Pour toute question, écrivez à pref-sejour@testville.gouv.fr.`;

const pageOf = (text: string) => ({ text, facts: extractFacts(text) });
const guideFacts = extractFacts(GUIDE);

describe('checkFacts', () => {
  it('finds every guide fact on a page that restates them', () => {
    const result = checkFacts(guideFacts, [pageOf(GUIDE)]);
    expect(result.checked.every((f) => f.found)).toBe(true);
    expect(result.checked.map((f) => f.kind).sort()).toEqual(['address', 'channel', 'email']);
    expect(result.missing).toEqual([]);
    expect(result.added).toEqual([]);
  });

  it('lists a guide fact no page states as missing, by kind and value only', () => {
    const result = checkFacts(guideFacts, [pageOf(GUIDE.replace('pref-sejour@testville.gouv.fr', 'etrangers@testville.gouv.fr'))]);
    expect(result.missing).toEqual([{ kind: 'email', value: 'pref-sejour@testville.gouv.fr' }]);
    expect(result.added).toEqual([{ kind: 'email', value: 'etrangers@testville.gouv.fr' }]);
  });

  it('counts a fact stated on any one of the pages', () => {
    const withoutEmail = GUIDE.replace(/Pour toute question[^\n]*/, '');
    const result = checkFacts(guideFacts, [pageOf(withoutEmail), pageOf('Écrivez à pref-sejour@testville.gouv.fr.')]);
    expect(result.missing).toEqual([]);
  });

  it('reports a new fact once even when two pages state it', () => {
    const phone = 'Accueil téléphonique : 02 31 30 64 00.';
    const result = checkFacts(guideFacts, [pageOf(`${GUIDE}\n\n${phone}`), pageOf(phone)]);
    expect(result.added).toEqual([{ kind: 'phone', value: '02 31 30 64 00' }]);
  });

  it('reports a new online form link but not a link to another page of the site', () => {
    const text = `${GUIDE}

Déposez votre demande en ligne sur [démarches simplifiées](https://www.demarches-simplifiees.fr/commencer/aes-calvados).

Voir aussi [les horaires d'ouverture](https://www.calvados.gouv.fr/Contact/Horaires).`;
    const added = checkFacts(guideFacts, [pageOf(text)]).added;
    expect(added).toContainEqual({ kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/aes-calvados' });
    expect(added.map((f) => f.value)).not.toContain('https://www.calvados.gouv.fr/Contact/Horaires');
  });

  it('does not report the guide address printed without its street as new', () => {
    const result = checkFacts(guideFacts, [pageOf(`${GUIDE}\n\nPréfecture de Testville - CS 50529\n14099 TESTVILLE CEDEX 08`)]);
    expect(result.added.filter((f) => f.kind === 'address')).toEqual([]);
  });

  it('does not report a document whose title the guide already prints', () => {
    const guide = extractFacts(GUIDE.replace('Préfecture de Testville', 'Préfecture de Testville\nAdmission exceptionnelle au séjour'));
    const text = `${GUIDE}\n\n[Admission exceptionnelle au séjour PDF - 200 Ko - 01/02/2024](https://www.calvados.gouv.fr/content/download/9/aes.pdf)`;
    const page = pageOf(text);
    expect(page.facts.some((f) => f.kind === 'document')).toBe(true);
    expect(checkFacts(guide, [page]).added.filter((f) => f.kind === 'document')).toEqual([]);
    expect(checkFacts(guideFacts, [page]).added.filter((f) => f.kind === 'document')).toHaveLength(1);
  });

  it('checks nothing and adds nothing without pages', () => {
    expect(checkFacts(guideFacts, [])).toEqual({ checked: guideFacts.map((f) => ({ kind: f.kind, value: f.value, found: false })), missing: guideFacts.map((f) => ({ kind: f.kind, value: f.value })), added: [] });
  });
});
