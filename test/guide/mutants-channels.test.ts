import { describe, expect, it } from 'vitest';
import { entryOf, itEach } from './guide-text.js';

/** The channels read from a section whose channel sentence is `wording` (one line, or several). */
async function channelsOf(...wording: string[]) {
  return (await entryOf({ channel: wording })).channels;
}
const LEAD = "La demande d'admission exceptionnelle se fait";

describe('the lead-in of the channel sentence', () => {
  itEach([
    ["La demande d'admission exceptionnelle se fait par voie postale."],
    ["La demande d'admission exceptionnelle au séjour se fait par voie postale."],
    ["La demande d'admission exceptionnelle  au  séjour  se  fait  par voie postale."],
    ["La demande d’admission exceptionnelle s’effectue par voie postale."],
    ["La demande d'admission exceptionnelle s'effectue par voie postale."],
    ["La demande d'admission exceptionnelle se dépose par voie postale."],
    ["La demande d'admission exceptionnelle se  dépose par voie postale."],
    ["La demande d'admission exceptionnelle est déposée par voie postale."],
    ["La demande d'admission exceptionnelle est  déposée par voie postale."],
    ["La demande d'admission exceptionnelle doit être déposée par voie postale."],
    ["La demande d'admission exceptionnelle doit  être  faite par voie postale."],
    ["La demande d'admission exceptionnelle doit être envoyée par voie postale."],
    ["la demande d'admission exceptionnelle SE FAIT par voie postale."],
  ])('understands "%s"', async (wording) => {
    expect(await channelsOf(wording)).toEqual({ recognised: ['postal'], wording, unrecognised: false });
  });

  it('flags a sentence whose lead-in it does not know, and still reads the channel in it', async () => {
    const wording = "La demande d'admission exceptionnelle peut être envoyée par courrier.";
    expect(await channelsOf(wording)).toEqual({ recognised: ['postal'], wording, unrecognised: true });
  });
});

describe('the channels named by the sentence', () => {
  itEach([
    ['sur rendez-vous.', ['appointment']],
    ['uniquement sur RDV.', ['appointment']],
    ['au guichet sur rendez-vous.', ['appointment']],
    ['en ligne.', ['online']],
    ['par voie dématérialisée.', ['online']],
    ['par internet.', ['online']],
    ['par voie électronique.', ['online']],
    ['par courriel.', ['online']],
    ['par e-mail.', ['online']],
    ['par email.', ['online']],
    ['par messagerie.', ['online']],
    ['sur démarches-simplifiées.', ['online']],
    ['sur démarches simplifiées.', ['online']],
    ['par téléservice.', ['online']],
    ["sur l'ANEF.", ['online']],
    ['par voie postale.', ['postal']],
    ['par courrier.', ['postal']],
    ['par lettre recommandée.', ['postal']],
    ['par recommandé.', ['postal']],
    ['par lettre.', ['postal']],
    ['par La Poste.', ['postal']],
    ['par envoi postal.', ['postal']],
    ['au guichet.', ['in-person']],
    ['sur place.', ['in-person']],
    ['en personne.', ['in-person']],
    ["à l'accueil.", ['in-person']],
    ['par dépôt physique.', ['in-person']],
    ['en préfecture.', ['in-person']],
    ['en sous-préfecture.', ['in-person']],
  ])(`"${LEAD} %s" is %j`, async (rest, recognised) => {
    expect(await channelsOf(`${LEAD} ${rest}`)).toMatchObject({ recognised, unrecognised: false });
  });

  itEach([
    ['par courrier, en ligne.', ['postal', 'online']],
    ['par courrier,en ligne.', ['postal', 'online']],
    ['par courrier ; en ligne.', ['postal', 'online']],
    ['par courrier;en ligne.', ['postal', 'online']],
    ['par courrier et en ligne.', ['postal', 'online']],
    ['par courrier, et en ligne.', ['postal', 'online']],
    ['par courrier ou en ligne.', ['postal', 'online']],
    ['par courrier puis au guichet.', ['postal', 'in-person']],
    ['en ligne ainsi que par courrier.', ['online', 'postal']],
    ['soit par courrier, soit en ligne.', ['postal', 'online']],
    ['uniquement en ligne, et exclusivement.', ['online']],
    ['directement et uniquement au guichet.', ['in-person']],
    ['par courrier ou par lettre recommandée.', ['postal']],
    ['par courrier, également par courrier.', ['postal']],
    ['par voie postale', ['postal']],
    ['en ligne...', ['online']],
  ])(`"${LEAD} %s" is %j, fully understood`, async (rest, recognised) => {
    expect(await channelsOf(`${LEAD} ${rest}`)).toEqual({ recognised, wording: `${LEAD} ${rest}`, unrecognised: false });
  });

  itEach([
    ['uniquement.', []],
    ['par pigeon voyageur.', []],
    ['par courrier ou par pigeon voyageur.', ['postal']],
    ['par pigeon voyageur ou par courrier.', ['postal']],
  ])(`flags "${LEAD} %s" (reads %j)`, async (rest, recognised) => {
    expect(await channelsOf(`${LEAD} ${rest}`)).toEqual({ recognised, wording: `${LEAD} ${rest}`, unrecognised: true });
  });

  it('follows a sentence broken over lines to its full stop', async () => {
    expect(await channelsOf(`${LEAD} par courrier`, 'ou en ligne.')).toEqual({
      recognised: ['postal', 'online'],
      wording: `${LEAD} par courrier ou en ligne.`,
      unrecognised: false,
    });
  });
});
