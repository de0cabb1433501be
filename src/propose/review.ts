import type { Fact } from '../facts/fact.js';
import { wordRegExp } from '../facts/normalise.js';

/**
 * "Never guess": where the page does not settle what the guide must say, the
 * draft carries a `[À VÉRIFIER : …]` line at that place and lists it in
 * `needsReview`. The wording avoids every channel word ("courrier", "en
 * ligne"…) and every value, so a marker can never be read back as a fact.
 */
export const REVIEW = {
  contradiction: 'la page se contredit : elle réserve la demande tantôt à une voie de dépôt, tantôt à une autre',
  noChannel: 'la page ne dit pas clairement par quelle voie la demande se dépose',
  twoAddresses: 'la page donne plusieurs adresses postales différentes ; laquelle vaut pour cette demande ?',
  unsplitAddress: "cette adresse n'a pas pu être découpée ligne par ligne ; recopiez-la depuis la page",
  otherPage: 'la procédure renvoie à une autre page ; reprenez-en le texte utile',
  severalSources: "l'entrée cite plusieurs pages ; ce brouillon ne reprend que la première",
  subPrefectures: 'la page parle des sous-préfectures ; ce bloc est-il toujours exact ?',
} as const;

export function marker(text: string): string {
  return `[À VÉRIFIER : ${text}]`;
}

const ONLY = String.raw`(?:uniquement|exclusivement|seulement)`;
const POSTAL_ONLY = wordRegExp(String.raw`\b${ONLY}\s+(?:par\s+courrier|par\s+voie\s+postale|par\s+la\s+poste|par\s+lettre)\b`, 'iu');
const ONLINE_ONLY = wordRegExp(
  String.raw`\b${ONLY}\s+(?:en\s+ligne|par\s+voie\s+d[ée]mat[ée]rialis[ée]e|par\s+internet|sur\s+(?:la\s+plateforme\s+)?d[ée]marches[- ]simplifi[ée]es|par\s+(?:messagerie|courriel|e-?mail))\b`,
  'iu',
);

const CHANNEL_WORDING: Record<string, string> = {
  postal: 'par voie postale',
  online: 'par voie dématérialisée',
  appointment: 'sur rendez-vous',
  'in-person': 'au guichet',
};

export interface ChannelSentence {
  sentence: string;
  review: string | null;
}

/**
 * The channel sentence from the page's channel facts: two channels offered as
 * alternatives are both written; a page that reserves the request to each
 * channel in turn, or names none (or one aes-watch cannot read), is not guessed.
 */
export function channelSentence(pageText: string, pageFacts: Fact[]): ChannelSentence {
  const lead = "La demande d'admission exceptionnelle se fait";
  const channels = [...new Set(pageFacts.flatMap((f) => (f.kind === 'channel' ? [String(f.value)] : [])))];
  const contradicts = POSTAL_ONLY.test(pageText) && ONLINE_ONLY.test(pageText);
  const unknown = channels.length === 0 || channels.some((c) => !(c in CHANNEL_WORDING));
  const review = contradicts ? REVIEW.contradiction : unknown ? REVIEW.noChannel : null;
  if (review) return { sentence: `${lead} ${marker(review)}.`, review };
  const ordered = Object.keys(CHANNEL_WORDING).filter((c) => channels.includes(c));
  return { sentence: `${lead} ${ordered.map((c) => CHANNEL_WORDING[c]).join(' et ')}.`, review: null };
}

/** Link texts that send the reader to another page for the rest of the procedure. */
const ELSEWHERE = /^(?:cliquez[- ]ici|ici|en savoir plus|page suivante|[ée]tape suivante|suite de la (?:proc[ée]dure|d[ée]marche)|voir (?:la|cette) page|la suite)$/iu;

export function sendsElsewhere(linkText: string): boolean {
  return ELSEWHERE.test(linkText.trim().replace(/[.:!]+$/, ''));
}

export const MENTIONS_SUB_PREFECTURES = /sous-pr[ée]fectures?/iu;
