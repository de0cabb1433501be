import { describe, expect, it } from 'vitest';
import { extractFacts, type Link } from '../../src/facts/extract.js';

/** The channels an editor reads in procedure wording, for sentences the simpler cases do not cover. */
const channels = (text: string, links: Link[] = []) => extractFacts(text, links).filter((f) => f.kind === 'channel').map((f) => f.value);

describe('channel wording, sentence by sentence', () => {
  it.each([
    ['an email whose name holds "rdv" is an email, not an appointment', 'Envoyez votre dossier à pref-rdv-etrangers@calvados.gouv.fr.', ['online']],
    ['a double space inside the wording (PDF spacing)', 'Envoyez votre dossier par  courrier.', ['postal']],
    ['"en ligne" after a comma with no space', 'Déposez votre demande,en ligne uniquement.', ['online']],
    ['two bookings in one sentence, one of them by post', 'Prenez rendez-vous au guichet ou demandez un rendez-vous par courrier.', ['appointment']],
    ['a sentence that is no lead does not take the contact line after it', 'Déposez votre dossier au guichet de la préfecture.\nAccueil pref-accueil@calvados.gouv.fr', ['in-person']],
    ['a colon inside a sentence is no lead', 'Horaires : déposez votre dossier au guichet du lundi au vendredi\nContact pref-accueil@calvados.gouv.fr', ['in-person']],
    ['"à l\'adresse ci-dessous" says post, even when the address is not read', "Envoyez votre dossier à l'adresse ci-dessous.\nPréfecture du Calvados, bureau du séjour", ['postal']],
    ['démarches-simplifiées named in a sentence that files nothing', 'Consultez la notice sur démarches-simplifiées.', ['online']],
    ['the counter in one sentence, slots in another', 'Déposez votre demande au guichet de la préfecture. Le dépôt se fait par créneaux de quinze minutes.', ['appointment']],
  ])('%s', (_name, text, expected) => {
    expect(channels(text)).toEqual(expected);
  });

  it('reads an address printed inline only in a sentence over 40 characters', () => {
    expect('Envoyez le dossier à Bayeux 14400 BAYEUX').toHaveLength(40);
    expect(channels('Envoyez le dossier à Bayeux 14400 BAYEUX')).toEqual(['unknown']);
    expect(channels('Envoyez le dossier à Bayeux, 14400 BAYEUX')).toEqual(['postal']);
  });

  it('takes a booking link the page holds only as an anchor for an appointment', () => {
    const links: Link[] = [{ text: 'ici', href: 'https://www.calvados.gouv.fr/booking/create/12/0' }];
    expect(channels('Cliquez ici pour déposer votre demande.', links)).toEqual(['appointment']);
    expect(channels('Cliquez ici pour déposer votre demande.')).toEqual(['unknown']);
  });
});
