import type { Channel } from './fact.js';

/**
 * The wording that says how an AES request is filed. Every pattern reads text
 * already folded by `normaliseForMatch` (lower case, no accents, ' for ’), so
 * `\b` is safe: only ASCII letters are left.
 */

/** Verbs (and their nouns) that submit the request: "envoyez votre dossier", "la demande se fait", "dépôt". */
export const FILING_VERB = new RegExp(
  [
    String.raw`\benvo(?:i|y)\w*`,
    String.raw`\badress(?:er|ez|ee|ees)\b`,
    String.raw`\b(?:etre|est|sont|soit|sera|seront|a) adresses?\b`,
    String.raw`\btransm(?:et|is)\w*`,
    String.raw`\btransmission\b`,
    String.raw`\bdepo[st]\w*`,
    String.raw`\bcommuniqu(?:er|ez|ee|ees)\b`,
    String.raw`\b(?:faire|faites|fera) parvenir\b`,
    String.raw`\bexpedi\w*`,
    String.raw`\bpost(?:ez|er)\b`,
    String.raw`\bremett(?:ez|re)\b`,
    String.raw`\bsoum(?:ett|is)\w*`,
    String.raw`\bintrodui\w*`,
    String.raw`\bsaisi(?:r|ssez)\b`,
    String.raw`\beffectu\w*`,
    String.raw`\bse (?:fait|font|fera|feront|faire)\b`,
    String.raw`\bfaites? (?:votre|sa|la|une|leur) demande\b`,
    String.raw`\bdemand(?:er|ez)\b`,
    String.raw`\bformul(?:er|ez|ee|ees)\b`,
    String.raw`\bsollicit\w*`,
    String.raw`\b(?:est|sont|sera|seront) (?:\w+ )?(?:recue?s?|accueillie?s?|instruite?s?|traitee?s?)\b`,
    String.raw`\b(?:presentez-vous|vous presenter|se presenter)\b`,
  ].join('|'),
);

/** Nouns that name the filing itself, for verbless statements ("Dépôt par voie postale uniquement"). */
export const FILING_NOUN = /\b(?:demandes?|dossiers?|depot|envoi|demarches?|procedures?|candidatures?)\b/;

/** Actions on a form or on information that are not the filing: "téléchargez le dossier en ligne". */
export const OTHER_ACTION =
  /\b(?:telecharg\w*|rempli\w*|complet(?:ez|er)|imprim\w*|consult\w*|retir\w*|prepar\w*|joign\w*|joindre|lisez|cliqu\w*|contact\w*|ecri(?:vez|re)|appel\w*|trouv\w*|verifi\w*|munissez|recuper\w*)\b/;

/** A list item or heading that opens with the channel ("- Par voie postale à l'adresse suivante :"). */
export const STARTS_WITH_MEANS =
  /^(?:par (?:courrier|voie|la poste|lettre|messagerie|courriel|e-?mail|mail|internet)|en ligne|en recommande|sur rendez-vous|sur (?:le site |la plateforme )?demarches?|via (?:internet|demarches?|le teleservice|l'anef)|au guichet)\b/;

/** How the request travels, once a sentence is known to be about filing it. */
export const MEANS: [Exclude<Channel, 'unknown'>, RegExp][] = [
  [
    'postal',
    /\bpar courrier\b|\bvoie postale\b|\bcourrier postal\b|\bpar la poste\b|\bpar lettre\b|\blettre recommandee\b|\ben recommande\b|\brecommandee? avec\b|\benvoi postal\b|\badresse postale\b/,
  ],
  [
    'online',
    /\ben ligne\b|\bdematerialise\w*|\bvoie electronique\b|\bdemarches?[- ]simplifiees\b|\bdemarche\.numerique\b|\bpar (?:messagerie|courriel|e-?mail|mail|internet)\b|\b(?:via|sur) internet\b|\bteleservice\b|\banef\b|\badresse (?:electronique|mail|e-mail|courriel)\b/,
  ],
  ['appointment', /\brendez-vous\b|\brdv\b|\bcreneaux?\b|\bmodule de reservation\b/],
  ['in-person', /\bau guichet\b|\ba l'accueil\b|\bsur place\b|\ben personne\b|\bpresentez-vous\b|\b(?:vous|se) presenter\b|\ben (?:sous-)?prefecture\b/],
];

/** "à l'adresse suivante :" announces a postal address, unless an email follows. */
export const ADDRESS_FOLLOWS = /\ba l'adresse (?:suivante|ci-dessous|ci-apres)\b|\ba l'adresse :|\ba :$/;

/**
 * "En ligne" that is not the filing: an appointment booked online, a form
 * filled online and printed, slots "mis en ligne", information "disponible en ligne".
 */
export const NOT_ONLINE_FILING: [RegExp, string][] = [
  [/\b((?:rendez-vous|rdv|creneaux?|reservation)\b(?: [\w'-]+){0,3}?) en ligne\b/g, '$1'],
  [/\b((?:formulaires?|imprimes?|cerfa|documents?|notices?|listes?)\b(?: [\w'-]+){0,4}?) en ligne\b/g, '$1'],
  [/\b(?:mis|mise|mises|disponibles?|consultables?|telechargeables?|accessibles?|publiee?s?|imprimables?) en ligne\b/g, ' '],
  [/\ben ligne(?= (?:avant de|puis|et) (?:l'|le |la |les )?imprim)/g, ' '],
];

/**
 * Clauses in which the applicant receives something (a convocation, an answer,
 * a call): they name how the prefecture answers, not how the request is filed.
 */
export const RECEIVING: RegExp[] = [
  /\bvous (?:\w+ )?(?:est|sont|sera|seront|serez|a ete|ont ete) (?:\w+ )?(?:envoye|adresse|transmis|communique|notifie|propose|fixe|convoque|remis|delivre|indique|precise|donne|confirme|contacte|informe|invite)\w*[^,;:]*/g,
  /\bvous (?:recevrez|recevez|obtiendrez)\b[^,;:]*/g,
  /\bvous (?:\w+ )?(?:enverr|adresser|transmettr|contacter|convoquer|informer|communiquer|repondr|recontacter|notifier|proposer|indiquer|preciser|inviter|delivrer|remettr|fixer)(?:a|ons|ont)\b[^,;:]*/g,
  /\bvous (?:envoie|envoient|transmet|transmettent|contacte|contactent|convoque|convoquent|informe|informent|notifie|notifient|repond|repondent)\b[^,;:]*/g,
  /\b(?:convocations?|reponses?|decisions?|recepisses?|notifications?|confirmations? de rendez-vous)\b[^,;:]*/g,
];

/** A question or contact line: "Pour toute question, écrivez à …", "Contact : …". */
export const CONTACT = /\bpour (?:toute|tout|toutes|tous|vos) (?:questions?|renseignements?|informations?|complements?|precisions?)\b|^(?:contacts?|renseignements?|informations?|questions?) ?:/;

/** "ne ... pas/plus/jamais", "aucun": a clause that denies a channel does not assert it. */
export const NEGATION = /\bn(?:e |')(?:[\w'-]+ ){0,5}?(?:pas|plus|jamais)\b|\baucune?\b/;

/** Booking wording outside a filing sentence: it tells the channel only when nothing else does. */
export const BOOKING = /\b(?:prenez|prendre|prise de|sur|reservez|reserver|reservation d'un|demandez|demander) (?:un |votre )?(?:rendez-vous|rdv|creneau)\b/;
