import type { GuideSectionSpec } from './prefecture.js';
import { OISE_FILING } from './real-pages.js';

/**
 * Guide sections that reproduce the pages of real-pages.ts faithfully, as the
 * GISTI PDF prints them: plain text, link targets lost unless printed, address
 * lines apart.
 */
export function realGuideSections(url: (path: string) => string): GuideSectionSpec[] {
  return [
    {
      code: '60',
      departmentPhrase: "de l'Oise",
      prefecture: 'Beauvais',
      channel: 'par voie postale',
      url: url(REAL_PATHS.dsfr),
      procedure: `Comment déposer votre demande

${OISE_FILING}

Préfecture de l'Oise

Bureau de l'admission au séjour

14 rue du Pont-Levis

60021 BEAUVAIS CEDEX 2

Remplissez le formulaire en ligne avant de l'imprimer, de le signer et de le joindre à votre dossier :

Formulaire de demande d'admission exceptionnelle

PDF - 210,4 Ko - 05/12/2022

Après examen de votre dossier, la convocation vous est envoyée par email.

Pour la remise de votre titre, prenez rendez-vous en ligne. Des rendez-vous sont mis en ligne chaque lundi à 9 heures.

Pour toute question : pref-sejour-aes@oise.gouv.fr`,
    },
    {
      code: '27',
      departmentPhrase: "de l'Eure",
      prefecture: 'Évreux',
      channel: 'uniquement sur rendez-vous',
      url: url(REAL_PATHS.ezPublish),
      procedure: `Le dépôt des demandes d'admission exceptionnelle au séjour se fait uniquement sur rendez-vous, au guichet des étrangers de la préfecture à Évreux.

Prenez rendez-vous en ligne pour déposer votre dossier : module de prise de rendez-vous (https://www.rdv.eure.gouv.fr/booking/create/31874/0). Des rendez-vous sont mis en ligne chaque lundi à 9 heures.

Remplissez le formulaire en ligne avant de l'imprimer et apportez-le le jour du rendez-vous avec les pièces justificatives.

Si votre dossier est complet, la convocation vous est envoyée par email pour la remise du titre.

Adresse du guichet : Préfecture de l'Eure, Hall des étrangers, 5 boulevard Georges-Chauvin, 27022 ÉVREUX CEDEX.

Renseignements : pref-etrangers-rdv@eure.gouv.fr`,
    },
    {
      code: '80',
      departmentPhrase: 'de la Somme',
      prefecture: 'Amiens',
      channel: 'par voie dématérialisée',
      url: url(REAL_PATHS.print),
      procedure: `Depuis le 1er janvier 2023, votre demande d'admission exceptionnelle au séjour se dépose uniquement en ligne, sur la plateforme démarches simplifiées :

www.demarches-simplifiees.fr/commencer/aes-somme

Pour le formulaire Cerfa, remplissez le formulaire en ligne avant de l'imprimer, de le signer et de le numériser.

La convocation vous est envoyée par email. Pour la remise de votre titre, prenez rendez-vous en ligne : des rendez-vous sont mis en ligne chaque lundi.

Le renouvellement d'un titre se demande sur demarche.numerique.gouv.fr/commencer/titre-sejour-somme et le droit de timbre s'achète sur timbres.impots.gouv.fr.

Questions fréquentes : www.somme.gouv.fr/Demarches-administratives/Etrangers/AES-questions-frequentes

Contact : pref-aes@somme.gouv.fr`,
    },
    {
      code: '02',
      departmentPhrase: "de l'Aisne",
      prefecture: 'Laon',
      channel: 'uniquement sur rendez-vous',
      url: url(REAL_PATHS.booking),
      procedure: `Ce module de réservation vous permet de prendre rendez-vous pour déposer votre demande d'admission exceptionnelle au séjour à la préfecture de l'Aisne, 2 rue Paul-Doumer, 02011 LAON CEDEX.

Le jour du rendez-vous, présentez-vous au guichet des étrangers avec votre dossier complet et les originaux de vos pièces justificatives. Un seul rendez-vous par personne.

Des rendez-vous sont mis en ligne chaque vendredi à 14 heures. La convocation vous est envoyée par email après la réservation.`,
    },
  ];
}

/** Where each page lives on the fixture site, in the URL shapes of its generation. */
export const REAL_PATHS = {
  dsfr: '/Demarches/Etrangers-dans-l-Oise/Admission-exceptionnelle-au-sejour',
  ezPublish: '/Demarches-administratives/Etrangers/Admission-exceptionnelle-au-sejour-depot-des-demandes',
  print: '/layout/set/print/Demarches-administratives/Etrangers/Admission-exceptionnelle-au-sejour',
  booking: '/booking/create/28501/0',
} as const;
