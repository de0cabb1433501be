import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';

/** The channel a procedure states, read as an editor would read it. */
const channels = (text: string) => extractFacts(text).filter((f) => f.kind === 'channel').map((f) => f.value);

describe('channels, sentence by sentence', () => {
  it.each([
    ['a Markdown link to the online procedure', 'Déposez votre dossier sur [démarches simplifiées](https://www.demarches-simplifiees.fr/commencer/aes-14).', ['online']],
    ['a Markdown link to an ordinary page', 'Déposez votre dossier sur [ce site](https://www.calvados.gouv.fr/aes).', ['unknown']],
    ['an email to send the file to', 'Envoyez votre demande par courriel à pref-sejour@calvados.gouv.fr.', ['online']],
    ['an address block after "à l\'adresse suivante"', "Envoyez votre dossier à l'adresse suivante :\nPréfecture du Calvados\nRue Daniel Huet\n14038 CAEN CEDEX 9", ['postal']],
    ['a box and postcode after a colon', 'Envoyez votre dossier :\nPréfecture du Calvados\nCS 30007\n14038 CAEN CEDEX 9', ['postal']],
    ['an email after a colon', 'Envoyez votre dossier à :\nPréfecture du Calvados\npref-sejour@calvados.gouv.fr', ['online']],
    ['an online-procedure link after a colon', 'Déposez votre dossier à :\nhttps://www.demarches-simplifiees.fr/commencer/aes-14', ['online']],
    ['an online-procedure link after "à l\'adresse suivante"', "Déposez votre dossier à l'adresse suivante :\n[démarches simplifiées](https://www.demarches-simplifiees.fr/commencer/aes-14)", ['online']],
    ['the counter by appointment', 'Les demandes sont reçues au guichet sur rendez-vous.', ['appointment']],
    ['the counter alone', 'Déposez votre demande au guichet de la préfecture.', ['in-person']],
    ['on site after booking a slot', 'Déposez votre demande sur place, après avoir réservé un créneau.', ['appointment']],
    ['an address printed inline', 'Envoyez votre dossier à Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 9.', ['postal']],
    ['registered mail to an inline address', 'Envoyez votre dossier en recommandé à la préfecture, 14038 CAEN CEDEX 9.', ['postal']],
    ['a short line with a postcode only', 'Dossier à Préfecture, 14038 CAEN.', ['unknown']],
    ['a contact sentence', 'Pour toute question, contactez le bureau par courriel.', []],
    ['démarches simplifiées named in passing', 'La démarche est disponible sur démarches simplifiées.', ['online']],
    ['filing without a means', 'Le dossier de demande est à déposer. Il faut un passeport.', ['unknown']],
    ['a booking link for the filing', 'Prenez rendez-vous pour déposer votre dossier : https://www.calvados.gouv.fr/booking/create/12/0', ['appointment']],
    ['the counter, then a booking link', 'Déposez votre demande au guichet. Prenez rendez-vous : https://www.calvados.gouv.fr/booking/create/12/0', ['appointment']],
  ])('%s', (_name, text, expected) => {
    expect(channels(text)).toEqual(expected);
  });
});
