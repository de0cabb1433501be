import { wordRegExp } from '../facts/normalise.js';
import type { Channel } from '../facts/fact.js';

export interface ChannelReading {
  recognised: Channel[];
  wording: string;
  unrecognised: boolean;
}

const LEAD_IN =
  /^La demande d['’]admission exceptionnelle(?:\s+au\s+séjour)?\s+(?:se\s+fait|s['’]effectue|se\s+dépose|est\s+déposée|doit\s+être\s+(?:déposée|faite|envoyée))\s+/iu;
const FILLER = wordRegExp(String.raw`\b(?:uniquement|exclusivement|seulement|soit|également|aussi|directement|obligatoirement)\b`, 'giu');

/** Order matters: "au guichet sur rendez-vous" is gated by the booking, so appointment wins. */
const PATTERNS: [Channel, RegExp][] = [
  ['appointment', wordRegExp(String.raw`\brendez-vous\b|\brdv\b`)],
  ['online', wordRegExp(String.raw`dématérialisée|\ben ligne\b|internet|électronique|courriel|e-?mail|messagerie|démarches?[- ]simplifiées|téléservice|\banef\b`)],
  ['postal', wordRegExp(String.raw`voie postale|courrier|recommandée?|\blettre\b|\bla poste\b|envoi postal`)],
  ['in-person', wordRegExp(String.raw`guichet|sur place|en personne|\baccueil\b|\bdépôt physique\b|en préfecture|en sous-préfecture`)],
];

/**
 * Reads "La demande d'admission exceptionnelle se fait par voie postale et par
 * voie dématérialisée." Every part of the sentence must be understood; any part
 * that is not flags the entry for an editor, and the wording is always kept.
 */
export function readChannels(wording: string): ChannelReading {
  const lead = LEAD_IN.exec(wording);
  const recognised: Channel[] = [];
  let unrecognised = lead === null;
  const rest = wording.slice(lead?.[0].length ?? 0).replace(/[.\s]+$/u, '').replace(FILLER, ' ');
  const parts = rest.split(/\s*(?:,|;|\bet\b|\bou\b|\bpuis\b|\bainsi que\b)\s*/u).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) unrecognised = true;
  for (const part of parts) {
    const channel = PATTERNS.find(([, re]) => re.test(part))?.[0];
    if (!channel) unrecognised = true;
    else if (!recognised.includes(channel)) recognised.push(channel);
  }
  return { recognised, wording, unrecognised };
}
