import { describe, expect, it } from 'vitest';
import { extractFacts, type Link } from '../../src/facts/extract.js';
import type { Fact, FactOf } from '../../src/facts/fact.js';

/** Links and line endings as prefecture pages come: Markdown links, page anchors, share buttons, old line endings. */
const ofKind = <K extends Fact['kind']>(facts: Fact[], kind: K) => facts.filter((f): f is FactOf<K> => f.kind === kind);
const values = (facts: Fact[], kind: Fact['kind']) => ofKind(facts, kind).map((f) => f.value);

describe('emails behind links', () => {
  it('reads a percent-encoded mailto link whose text shows no address', () => {
    expect(values(extractFacts('Écrivez au [bureau du séjour](mailto:pref-sejour%40calvados.gouv.fr).'), 'email')).toEqual(['pref-sejour@calvados.gouv.fr']);
  });

  it('takes no email from a link that is not mailto, even with an "@" in it', () => {
    const text = 'Suivez-nous sur [Mastodon](https://social.numerique.gouv.fr/@prefet14).';
    expect(values(extractFacts(text), 'email')).toEqual([]);
    expect(values(extractFacts('Suivez-nous.', [{ text: 'Mastodon', href: 'https://social.numerique.gouv.fr/@prefet14' }]), 'email')).toEqual([]);
  });

  it('takes no email from a "share by email" button (mailto without an address)', () => {
    const facts = extractFacts('[Partager par courriel](mailto:?subject=Admission%20exceptionnelle&body=https%3A%2F%2Fwww.calvados.gouv.fr%2Faes)');
    expect(values(facts, 'email')).toEqual([]);
  });

  it('reads an email in Markdown emphasis without the underscores', () => {
    expect(values(extractFacts('Écrivez à _pref-sejour@calvados.gouv.fr_ uniquement.'), 'email')).toEqual(['pref-sejour@calvados.gouv.fr']);
  });
});

describe('URLs behind anchors', () => {
  it('reads an http:// anchor the text does not show', () => {
    const links: Link[] = [{ text: 'le site', href: 'http://www.calvados.gouv.fr/aes' }];
    expect(ofKind(extractFacts('Voir le site.', links), 'url')).toEqual([{ kind: 'url', value: 'http://www.calvados.gouv.fr/aes', role: 'page' }]);
  });
});

describe('documents behind Markdown links', () => {
  it('gives a document the target of its Markdown link', () => {
    const facts = extractFacts('[Dossier de demande AES (format pdf - 524 ko - 25/10/2022)](https://www.calvados.gouv.fr/aes.pdf)');
    expect(ofKind(facts, 'document')).toEqual([
      { kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: '524 ko', date: '2022-10-25', href: 'https://www.calvados.gouv.fr/aes.pdf' },
    ]);
  });

  it('merges a document listed in the text with its link printed in another case, same date', () => {
    const links: Link[] = [{ text: 'dossier de demande AES (format pdf - 524 ko - 25/10/2022)', href: 'https://www.calvados.gouv.fr/aes.pdf' }];
    const facts = extractFacts('Dossier de demande AES (format pdf - 524 ko - 25/10/2022)', links);
    expect(ofKind(facts, 'document')).toEqual([
      { kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: '524 ko', date: '2022-10-25', href: 'https://www.calvados.gouv.fr/aes.pdf' },
    ]);
  });

  it('fills in the format from a second link to the same document', () => {
    const links: Link[] = [
      { text: 'Dossier de demande AES', href: 'https://www.calvados.gouv.fr/contenu/telechargement/1234' },
      { text: 'Dossier de demande AES', href: 'https://www.calvados.gouv.fr/aes.pdf' },
    ];
    expect(ofKind(extractFacts('Téléchargez le dossier.', links), 'document')).toEqual([
      { kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: null, date: null, href: 'https://www.calvados.gouv.fr/contenu/telechargement/1234' },
    ]);
  });

  it('takes no document from a detail with nothing before it', () => {
    expect(ofKind(extractFacts('(format pdf - 524 ko)\nDossier de demande AES'), 'document')).toEqual([]);
  });
});

describe('old Mac line endings', () => {
  it('reads lines ended by a bare carriage return', () => {
    const [address] = ofKind(extractFacts('Préfecture du Calvados\rRue Daniel Huet\r14038 CAEN CEDEX 9'), 'address');
    expect(address).toMatchObject({ recipient: ['Préfecture du Calvados'], street: 'Rue Daniel Huet', city: 'CAEN', cedex: '9' });
    const [after] = ofKind(extractFacts('Envoyez votre dossier complet.\rPréfecture du Calvados\rRue Daniel Huet\r14038 CAEN CEDEX 9'), 'address');
    expect(after).toMatchObject({ recipient: ['Préfecture du Calvados'], street: 'Rue Daniel Huet' });
  });
});
