import { wordRegExp } from './normalise.js';
import type { Channel, FactOf } from './fact.js';

const POSTAL = wordRegExp(String.raw`\bpar courrier\b|\bvoie postale\b|\brecommand[ée]e?s?\b|\bpar la poste\b|\bpar lettre\b|\benvoi postal\b`, 'iu');
const ONLINE = wordRegExp(String.raw`\ben ligne\b|\bd[ée]mat[ée]rialis[ée]e?s?\b|d[ée]marches?[- ]simplifi[ée]es|demarche\.numerique|\bpar (?:messagerie|courriel|e-?mail|mail|voie [ée]lectronique|internet)\b|\bvia internet\b|t[ée]l[ée]service`, 'iu');
const APPOINTMENT = wordRegExp(String.raw`\b(?:sur|prendre|prenez|prise de|un) rendez-vous\b|\brdv\b`, 'iu');
/** "ne ... pas/plus/jamais", "aucun": a sentence that denies a channel does not assert it. */
const NEGATION = wordRegExp(String.raw`\bn(?:e\s|['’])\s*(?:\S+\s+){0,5}?(?:pas|plus|jamais)\b|\baucune?\b`, 'iu');

/**
 * Channel facts from wording. "Sur rendez-vous" counts only when the text names
 * no postal or online channel: a booking step inside a postal procedure is not a channel.
 */
export function findChannels(text: string, urlRoles: string[]): FactOf<'channel'>[] {
  const found = new Set<Channel>();
  let appointment = urlRoles.includes('appointment');
  if (urlRoles.includes('online-procedure')) found.add('online');
  // Most texts name a channel in one or two sentences: find them before splitting.
  const wanted = [POSTAL, ONLINE, APPOINTMENT].filter((re) => re.test(text));
  if (wanted.length > 0) {
    for (const sentence of text.split(/[.!?\n]+/)) {
      const hits = wanted.filter((re) => re.test(sentence));
      if (hits.length === 0 || NEGATION.test(sentence)) continue;
      if (hits.includes(POSTAL)) found.add('postal');
      if (hits.includes(ONLINE)) found.add('online');
      if (hits.includes(APPOINTMENT)) appointment = true;
    }
  }
  if (appointment && found.size === 0) found.add('appointment');
  return [...found].map((value) => ({ kind: 'channel', value }));
}
