import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/facts/fact.js';
import { extractFacts } from '../../src/facts/extract.js';
import { factKey } from '../../src/facts/key.js';
import { sentences } from '../../src/facts/sentences.js';

const ofKind = <K extends Fact['kind']>(facts: Fact[], kind: K) => facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);

describe('sentences of a Markdown procedure', () => {
  it('drops list, heading, numbering, quote and emphasis marks', () => {
    const text = [
      '## Comment déposer ?',
      '- Envoyez le **dossier complet**.',
      '* Joignez __deux__ photos.',
      '• Signez le formulaire.',
      '3. Attendez la réponse.',
      '12) Gardez le récépissé.',
      '> Les dossiers incomplets sont renvoyés.',
      '   - Un _justificatif_ de domicile.',
      'Le fichier mon_dossier_2024.pdf reste tel quel.',
    ].join('\n');
    expect(sentences(text).map((s) => s.sentence)).toEqual([
      'Comment déposer ?',
      'Envoyez le dossier complet.',
      'Joignez deux photos.',
      'Signez le formulaire.',
      'Attendez la réponse.',
      'Gardez le récépissé.',
      'Les dossiers incomplets sont renvoyés.',
      'Un justificatif de domicile.',
      'Le fichier mon_dossier_2024.pdf reste tel quel.',
    ]);
  });

  it('keeps a number that starts a sentence, and a heading mark glued to a word', () => {
    expect(sentences('2024 sera une année chargée.\n#AES au programme.').map((s) => s.sentence)).toEqual(['2024 sera une année chargée.', '#AES au programme.']);
  });

  it('splits sentences at . ! ? ; before a capital, not inside emails or URLs', () => {
    expect(sentences('Écrivez à pref@calvados.gouv.fr. Ou appelez ! Vraiment ? Oui; Non. voir www.calvados.gouv.fr').map((s) => s.sentence)).toEqual([
      'Écrivez à pref@calvados.gouv.fr.',
      'Ou appelez !',
      'Vraiment ?',
      'Oui;',
      'Non. voir www.calvados.gouv.fr',
    ]);
  });

  it('gives the address block after a lead line, up to its postcode and city', () => {
    const text = "Votre demande doit être envoyée à l'adresse suivante :\n\nPréfecture du Calvados\nBureau du séjour\nRue Daniel Huet\n14038 CAEN CEDEX 9\nLe délai est de deux mois.";
    const [lead, ...rest] = sentences(text);
    expect(lead?.following()).toBe('Préfecture du Calvados\nBureau du séjour\nRue Daniel Huet\n14038 CAEN CEDEX 9');
    expect(rest.every((s) => typeof s.following() === 'string')).toBe(true);
  });

  it('gives the block only to the last sentence of its line', () => {
    const [first, second] = sentences('Merci. Envoyez à :\nPréfecture\n14038 CAEN');
    expect(first?.following()).toBe('');
    expect(second?.following()).toBe('Préfecture\n14038 CAEN');
  });

  it('ends the block at a sentence, a long line or six lines', () => {
    expect(sentences('Adresse :\nPréfecture\nFin de la liste.\n14038 CAEN')[0]?.following()).toBe('Préfecture');
    expect(sentences(`Adresse :\nPréfecture\n${'x'.repeat(81)}\n14038 CAEN`)[0]?.following()).toBe('Préfecture');
    expect(sentences(`Adresse :\nPréfecture\n${'x'.repeat(80)}\n14038 CAEN`)[0]?.following()).toBe(`Préfecture\n${'x'.repeat(80)}\n14038 CAEN`);
    const seven = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'];
    expect(sentences(`Adresse :\n${seven.join('\n')}`)[0]?.following()).toBe(seven.slice(0, 6).join('\n'));
  });
});

describe('extractFacts, the edges', () => {
  it('reads Markdown links, with titles, and mailto links without their query', () => {
    const facts = extractFacts('Écrivez-nous via [le bureau](mailto:pref-sejour@calvados.gouv.fr?subject=AES%20Calvados) ou [le site](https://www.calvados.gouv.fr/aes "Titre") ou [rien](#).');
    expect(ofKind(facts, 'email').map((f) => f.value)).toEqual(['pref-sejour@calvados.gouv.fr']);
    expect(ofKind(facts, 'url').map((f) => f.value)).toEqual(['https://www.calvados.gouv.fr/aes']);
  });

  it('reads the targets of links given apart from the text, http(s) only', () => {
    const facts = extractFacts('Cliquez ici.', [
      { text: 'ici', href: 'https://www.demarches-simplifiees.fr/commencer/aes-14' },
      { text: 'courriel', href: 'MAILTO:bureau@calvados.gouv.fr' },
      { text: 'ftp', href: 'ftp://calvados.gouv.fr/x' },
      { text: 'relatif', href: '/Demarches/AES' },
      { text: 'faux', href: 'page.html?next=https://x.fr' },
    ]);
    expect(ofKind(facts, 'url')).toEqual([{ kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/aes-14', role: 'online-procedure' }]);
    expect(ofKind(facts, 'email').map((f) => f.value)).toEqual(['bureau@calvados.gouv.fr']);
  });

  it('trims the dots, dashes and underscores around a printed email', () => {
    expect(ofKind(extractFacts('Contact : --pref.sejour@calvados.gouv.fr__ ou ..x@y.fr..'), 'email').map((f) => f.value)).toEqual(['pref.sejour@calvados.gouv.fr', 'x@y.fr']);
  });

  it('reads text with Windows line ends and soft hyphens as plain text', () => {
    const facts = extractFacts('Préfecture du Calvados\r\nRue Daniel Huet\r\n14038 CAEN CEDEX 9\r\nCour\u00adriel : pref-se\u00adjour@calvados.gouv.fr');
    expect(ofKind(facts, 'address').map((a) => [a.street, a.postcode, a.city, a.cedex])).toEqual([['Rue Daniel Huet', '14038', 'CAEN', '9']]);
    expect(ofKind(facts, 'email').map((f) => f.value)).toEqual(['pref-sejour@calvados.gouv.fr']);
  });

  it('keeps a phone number as printed, without surrounding spaces', () => {
    expect(ofKind(extractFacts('Tél. : 02 31 30 64 00 (accueil)'), 'phone')).toEqual([{ kind: 'phone', value: '02 31 30 64 00' }]);
  });

  it('merges a document seen as text and as a link, keeping what each side knows', () => {
    const href = 'https://www.calvados.gouv.fr/content/download/1/dossier.pdf';
    const facts = extractFacts(`Dossier de demande AES (format pdf - 524 ko - 25/10/2022)`, [{ text: 'Dossier de demande AES', href }]);
    expect(ofKind(facts, 'document')).toEqual([{ kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: '524 ko', date: '2022-10-25', href }]);
  });

  it('keeps two documents of the same title with different dates apart', () => {
    const facts = extractFacts('Notice (format pdf - 80 ko - 01/01/2023)\nNotice (format pdf - 82 ko - 01/02/2024)');
    expect(ofKind(facts, 'document').map((d) => d.date)).toEqual(['2023-01-01', '2024-02-01']);
  });

  it('merges an undated twin into the dated document, whichever comes first', () => {
    const href = 'https://www.calvados.gouv.fr/content/download/2/notice.pdf';
    const linkFirst = extractFacts('Notice (format pdf - 80 ko - 01/01/2023)', [{ text: 'Notice', href }]);
    expect(ofKind(linkFirst, 'document')).toEqual([{ kind: 'document', value: 'Notice', format: 'pdf', size: '80 ko', date: '2023-01-01', href }]);
    const undatedFirst = extractFacts('Notice (format pdf - 80 ko)\nNotice (format pdf - 80 ko - 01/01/2023)');
    expect(ofKind(undatedFirst, 'document')).toEqual([{ kind: 'document', value: 'Notice', format: 'pdf', size: '80 ko', date: '2023-01-01', href: null }]);
  });

  it('takes only file links for documents', () => {
    const facts = extractFacts('Voir les liens.', [
      { text: 'Formulaire', href: 'https://www.calvados.gouv.fr/formulaire.pdf' },
      { text: 'La page', href: 'https://www.calvados.gouv.fr/Demarches' },
    ]);
    expect(ofKind(facts, 'document').map((d) => d.value)).toEqual(['Formulaire']);
  });
});

describe('fact keys', () => {
  const address = (cedex: string | null) => ({ kind: 'address' as const, value: 'x', recipient: [], street: null, postBox: null, postcode: '14038', city: 'CAEN', cedex });
  it('tell a bare CEDEX, a numbered one and none apart, and read 08 as 8', () => {
    const keys = [null, '', '8', '08', '9'].map((c) => factKey(address(c)));
    expect(new Set(keys).size).toBe(4);
    expect(keys[2]).toBe(keys[3]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});
