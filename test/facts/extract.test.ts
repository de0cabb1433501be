import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import type { Fact } from '../../src/facts/fact.js';

const ofKind = <K extends Fact['kind']>(facts: Fact[], kind: K) => facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);

describe('extractFacts: emails', () => {
  it('keeps emails as printed, strips Markdown and sentence punctuation, reads mailto links', () => {
    const facts = extractFacts('Écrivez à **pref-etran-gers@orne.gouv.fr**. Ou [le bureau](mailto:pref-sejour@orne.gouv.fr?subject=AES).');
    expect(ofKind(facts, 'email').map((f) => f.value)).toEqual(['pref-etran-gers@orne.gouv.fr', 'pref-sejour@orne.gouv.fr']);
  });

  it('rejoins an email the PDF broke after a hyphen, keeping the hyphen', () => {
    expect(ofKind(extractFacts('contact : pref-etran-\ngers@orne.gouv.fr'), 'email')).toEqual([{ kind: 'email', value: 'pref-etran-gers@orne.gouv.fr' }]);
  });

  it('dedupes the same email printed twice or with a PDF hyphen', () => {
    expect(ofKind(extractFacts('a@b.fr puis A@B.FR\npref-etrangers@orne.gouv.fr et pref-etran-gers@orne.gouv.fr'), 'email')).toHaveLength(2);
  });
});

describe('extractFacts: phones', () => {
  it.each(['02 33 80 60 00', '02.33.80.60.00', '0233806000', '+33 2 33 80 60 00', '+33 (0)2 33 80 60 00', '0 806 000 126'])('finds %s', (phone) => {
    expect(ofKind(extractFacts(`Téléphone : ${phone}.`), 'phone')).toEqual([{ kind: 'phone', value: phone }]);
  });

  it('does not take postcodes, dates, CS boxes or long ids for phones', () => {
    expect(ofKind(extractFacts('CS 50 529\n61018 ALENCON CEDEX\nle 25/10/2022, dossier n° 123456789012'), 'phone')).toEqual([]);
  });
});

describe('extractFacts: URLs', () => {
  it('gives each URL its role', () => {
    const text = [
      'https://www.demarches-simplifiees.fr/commencer/76-aes',
      '<https://demarche.numerique.gouv.fr/commencer/76-aes>',
      'https://www.orne.gouv.fr/booking/create/1234/0',
      'https://rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/3157/',
      'https://www.orne.gouv.fr/contenu/telechargement/123/456/file/aes.pdf',
      'https://www.manche.gouv.fr/content/download/789/1011/file/formulaire.doc',
      'https://www.orne.gouv.fr/Demarches/Etrangers.',
    ].join('\n');
    expect(ofKind(extractFacts(text), 'url').map((u) => [u.value, u.role])).toEqual([
      ['https://www.demarches-simplifiees.fr/commencer/76-aes', 'online-procedure'],
      ['https://www.orne.gouv.fr/booking/create/1234/0', 'appointment'],
      ['https://rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/3157/', 'appointment'],
      ['https://www.orne.gouv.fr/contenu/telechargement/123/456/file/aes.pdf', 'form'],
      ['https://www.manche.gouv.fr/content/download/789/1011/file/formulaire.doc', 'form'],
      ['https://www.orne.gouv.fr/Demarches/Etrangers', 'page'],
    ]);
  });

  it('reads targets of the links passed in, and ignores "(#)" markers', () => {
    const facts = extractFacts('Voir [EDF](#) et la page.', [{ text: 'la page', href: 'https://www.calvados.gouv.fr/Demarches/AES' }]);
    expect(ofKind(facts, 'url')).toEqual([{ kind: 'url', value: 'https://www.calvados.gouv.fr/Demarches/AES', role: 'page' }]);
  });
});

describe('extractFacts: addresses', () => {
  it('reads an address broken over lines separated by blank lines', () => {
    const text = "Envoyez à l'adresse suivante :\n\nPréfecture du Calvados\n\nBureau du séjour\n\nRue Daniel Huet\n\n14038 CAEN CEDEX 08\n\nMerci.";
    expect(ofKind(extractFacts(text), 'address')).toEqual([
      {
        kind: 'address',
        value: 'Préfecture du Calvados, Bureau du séjour, Rue Daniel Huet, 14038 CAEN CEDEX 08',
        recipient: ['Préfecture du Calvados', 'Bureau du séjour'],
        street: 'Rue Daniel Huet',
        postBox: null,
        postcode: '14038',
        city: 'CAEN',
        cedex: '08',
      },
    ]);
  });

  it('reads a Markdown address with hard line breaks and emphasis', () => {
    const text = '**Préfecture de l’Orne**  \n39 rue Saint-Blaise  \nBP 529  \n61018 Alençon Cedex';
    expect(ofKind(extractFacts(text), 'address')[0]).toMatchObject({
      recipient: ['Préfecture de l’Orne'],
      street: '39 rue Saint-Blaise',
      postBox: 'BP 529',
      postcode: '61018',
      city: 'Alençon',
      cedex: '',
    });
  });

  it('reads a one-line address after a colon and without CEDEX', () => {
    const facts = ofKind(extractFacts("Adresse : Préfecture de l'Aisne, 2 rue Paul Doumer, 02000 Laon. Horaires : 9h-12h"), 'address');
    expect(facts).toEqual([
      {
        kind: 'address',
        value: "Préfecture de l'Aisne, 2 rue Paul Doumer, 02000 Laon",
        recipient: ["Préfecture de l'Aisne"],
        street: '2 rue Paul Doumer',
        postBox: null,
        postcode: '02000',
        city: 'Laon',
        cedex: null,
      },
    ]);
  });

  it('reads a box and postcode on one line ("CS16036 - 76036 ROUEN CEDEX") and a multi-word city', () => {
    expect(ofKind(extractFacts('7 place de la Madeleine\nCS16036 - 76036 ROUEN CEDEX'), 'address')[0]).toMatchObject({ street: '7 place de la Madeleine', postBox: 'CS16036', city: 'ROUEN', cedex: '' });
    expect(ofKind(extractFacts('1 rue X\n62200 Boulogne sur Mer'), 'address')[0]).toMatchObject({ city: 'Boulogne sur Mer', cedex: null });
  });

  it('does not read counts or years as postcodes', () => {
    expect(ofKind(extractFacts('En 2023, 12000 personnes ont déposé une demande. Article L435-1.'), 'address')).toEqual([]);
  });
});

describe('extractFacts: documents', () => {
  it('reads the eZ Publish detail "(format pdf - 524.1 ko - 25/10/2022)"', () => {
    expect(ofKind(extractFacts('- Dossier de demande AES (format pdf - 524.1 ko - 25/10/2022)'), 'document')).toEqual([
      { kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: '524.1 ko', date: '2022-10-25', href: null },
    ]);
  });

  it('reads the DSFR detail "PDF - 524,1 Ko - 25/10/2022" from a link and keeps its href once', () => {
    const href = 'https://www.orne.gouv.fr/contenu/telechargement/1/2/file/aes.pdf';
    const facts = extractFacts(`[Dossier de demande AES PDF - 524,1 Ko - 25/10/2022](${href})`, [{ text: 'Dossier de demande AES PDF - 524,1 Ko - 25/10/2022', href }]);
    expect(ofKind(facts, 'document')).toEqual([{ kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: '524,1 Ko', date: '2022-10-25', href }]);
  });

  it('reads a detail on its own line, titled by the line above, and a plain file link', () => {
    const facts = extractFacts('Formulaire AES\nPDF - 312,5 Ko - 03/01/2023', [{ text: 'Liste des pièces', href: '/contenu/telechargement/9/9/file/liste.pdf' }]);
    expect(ofKind(facts, 'document')).toEqual([
      { kind: 'document', value: 'Formulaire AES', format: 'pdf', size: '312,5 Ko', date: '2023-01-03', href: null },
      { kind: 'document', value: 'Liste des pièces', format: 'pdf', size: null, date: null, href: '/contenu/telechargement/9/9/file/liste.pdf' },
    ]);
  });
});

describe('extractFacts: channels', () => {
  const channels = (text: string) => ofKind(extractFacts(text), 'channel').map((c) => c.value);
  it.each([
    ['Envoyez votre dossier par courrier.', ['postal']],
    ['Dépôt par voie postale uniquement.', ['postal']],
    ['Envoi en recommandé avec accusé de réception.', ['postal']],
    ['La demande se fait en ligne.', ['online']],
    ['Procédure dématérialisée.', ['online']],
    ['Formulaire sur démarches-simplifiées.', ['online']],
    ['Écrivez par messagerie au bureau.', ['unknown']],
    ['Transmettez votre demande par courriel.', ['online']],
    ['Les demandes sont reçues sur rendez-vous.', ['appointment']],
    ['Par courrier. Un rendez-vous vous sera ensuite proposé : prenez rendez-vous.', ['postal']],
    ['Aucune demande par courrier ne sera acceptée. Déposez-la en ligne.', ['online']],
    ['Le dossier ne doit pas être envoyé par courrier.', []],
  ])('%s → %j', (text, expected) => {
    expect(channels(text)).toEqual(expected);
  });

  it('counts an online-procedure or booking URL as a channel', () => {
    expect(channels('https://www.demarches-simplifiees.fr/commencer/76-aes')).toEqual(['online']);
    expect(channels('Réservez : https://www.orne.gouv.fr/booking/create/1/0')).toEqual(['appointment']);
  });
});
