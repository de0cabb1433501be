import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';

/**
 * "Déposez votre dossier à l'adresse suivante :" announces where the file goes.
 * When that place is a démarches-simplifiées link, on the next line or on the
 * same one, the request is filed online, not by post.
 */
const channels = (text: string) => extractFacts(text).filter((f) => f.kind === 'channel').map((f) => f.value);
const DS = 'https://www.demarches-simplifiees.fr/commencer/aes-14';

describe('a lead followed by an online-procedure link', () => {
  it.each([
    ['on the next line', `Déposez votre dossier à l'adresse suivante :\n${DS}`],
    ['on the same line', `Déposez votre dossier à l'adresse suivante : ${DS}`],
    ['after "à :" on the same line', `Envoyez votre dossier à : ${DS}`],
    ['as a Markdown link on the same line', `Déposez votre dossier à l'adresse suivante : [la démarche](${DS})`],
  ])('%s is online only', (_name, text) => {
    expect(channels(text)).toEqual(['online']);
  });

  it('a postal address on the line keeps the post as well', () => {
    expect(channels(`Envoyez votre dossier à l'adresse suivante : Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 9, ou déposez-le sur ${DS}`)).toEqual(['online', 'postal']);
    expect(channels(`Envoyez votre dossier à l'adresse suivante : ${DS}\nPréfecture du Calvados\nRue Daniel Huet\n14038 CAEN CEDEX 9`)).toEqual(['online', 'postal']);
  });
});
