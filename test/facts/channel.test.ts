import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import { factPresent } from '../../src/facts/match.js';
import type { Fact } from '../../src/facts/fact.js';

const channels = (text: string) => extractFacts(text).flatMap((f) => (f.kind === 'channel' ? [f.value] : []));

/** The four phrasings that used to read as "online" on pages of every channel. */
const FALSE_ONLINE = [
  'Pour la remise de votre titre, prenez rendez-vous en ligne.',
  'Des rendez-vous sont mis en ligne chaque lundi à 9 heures.',
  'La convocation vous est envoyée par email.',
  "Remplissez le formulaire en ligne avant de l'imprimer.",
];

const PROCEDURES: [string, string, string[]][] = [
  ['postal', "Envoyez votre dossier complet par courrier à l'adresse suivante :\nPréfecture de Testville\n12 rue des Essais\n14099 TESTVILLE CEDEX 08", ['postal']],
  ['appointment', 'Le dépôt des demandes se fait uniquement sur rendez-vous, au guichet de la préfecture.', ['appointment']],
  ['online', 'Déposez votre demande sur https://www.demarches-simplifiees.fr/commencer/aes-test.', ['online']],
];

describe('the channel is how the request is filed', () => {
  it.each(PROCEDURES.flatMap(([name, procedure, expected]) => FALSE_ONLINE.map((phrase) => [name, phrase, procedure, expected] as const)))(
    '%s procedure + "%s" stays %s',
    (_name, phrase, procedure, expected) => {
      expect(channels(`${procedure}\n\n${phrase}`)).toEqual(expected);
      expect(channels(`${phrase}\n\n${procedure}`)).toEqual(expected);
    },
  );

  it.each([
    ['Prenez rendez-vous en ligne pour déposer votre demande.', ['appointment']],
    ["Remplissez le formulaire en ligne avant de l'imprimer et de l'envoyer par courrier.", ['postal']],
    ['Vous devez communiquer par messagerie à pref-regularisation@manche.gouv.fr votre nom et votre nationalité.', ['online']],
    ["Envoyez votre dossier à l'adresse suivante :\npref-aes@test.gouv.fr", ['online']],
    ['Envoyez votre dossier à :\n\nPréfecture de Testville\n\n97109 BASSE-TERRE CEDEX', ['postal']],
    ['Envoyez votre dossier par courrier et la convocation vous sera envoyée par email.', ['postal']],
    ['Présentez-vous au guichet avec votre dossier. Réservez votre créneau : https://www.test.gouv.fr/booking/create/1/0', ['appointment']],
    ['Que la demande soit déposée par voie postale ou via Internet, elle doit être complète.', ['postal', 'online']],
    ['- Par voie postale à l\'adresse suivante :\n\n- Par voie dématérialisée via un formulaire à remplir en ligne.', ['postal', 'online']],
    ['Prenez rendez-vous pour déposer votre demande à la préfecture, 2 rue Paul-Doumer, 02011 LAON CEDEX.', ['appointment']],
  ])('%s → %j', (text, expected) => {
    expect(channels(text)).toEqual(expected);
  });

  it.each([
    ['an association transmits the file', "Les personnes concernées prennent contact avec une association, qui transmet le dossier à la préfecture."],
    ['only a slot calendar', 'Des rendez-vous sont mis en ligne chaque lundi à 9 heures.'],
    ['a bureau to write to', 'Écrivez par messagerie au bureau.'],
  ])('records "unknown" when the text is unclear (%s)', (_why, text) => {
    expect(channels(text)).toEqual(['unknown']);
  });

  it('records nothing for a text that never talks of filing or channels', () => {
    expect(channels('Le titre de séjour est valable un an. Il peut être renouvelé.')).toEqual([]);
    expect(channels('La convocation vous est envoyée par email.')).toEqual([]);
  });
});

describe('an unknown channel', () => {
  const postal: Fact = { kind: 'channel', value: 'postal' };
  it('never makes a guide channel missing', () => {
    expect(factPresent(postal, [{ kind: 'channel', value: 'unknown' }], 'Les demandes sont transmises à la préfecture.')).toBe(true);
  });
  it('does not hide another channel the page states clearly', () => {
    expect(factPresent(postal, [{ kind: 'channel', value: 'online' }], 'Déposez votre demande en ligne.')).toBe(false);
  });
});
