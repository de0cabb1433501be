import { wordRegExp, wordTest } from '../facts/normalise.js';
import type { Channel } from '../facts/fact.js';

export interface ChannelReading {
  recognised: Channel[];
  wording: string;
  unrecognised: boolean;
}

const LEAD_IN =
  /^La demande d['’]admission exceptionnelle(?:\s+au\s+séjour)?\s+(?:se\s+fait|s['’]effectue|se\s+dépose|est\s+déposée|doit\s+être\s+(?:déposée|faite|envoyée))\s+/iu;
const FILLER = wordRegExp(String.raw`\b(?:uniquement|exclusivement|seulement|soit|également|aussi|directement|obligatoirement)\b`, 'giu');

/**
 * Order matters: "au guichet sur rendez-vous" is gated by the booking, so appointment wins.
 * The alternatives share their word edges: each `\b` is a Unicode class, costly to compile.
 */
const PATTERNS: [Channel, (part: string) => boolean][] = [
  ['appointment', wordTest(String.raw`\b(?:rendez-vous|rdv)\b`)],
  ['online', wordTest(String.raw`\b(?:en ligne|anef)\b|dématérialisée|internet|électronique|courriel|e-?mail|messagerie|démarches?[- ]simplifiées|téléservice`)],
  ['postal', wordTest(String.raw`\b(?:lettre|la poste)\b|voie postale|courrier|recommandée?|envoi postal`)],
  ['in-person', wordTest(String.raw`\b(?:accueil|dépôt physique)\b|guichet|sur place|en personne|en préfecture|en sous-préfecture`)],
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
    const channel = PATTERNS.find(([, names]) => names(part))?.[0];
    if (!channel) unrecognised = true;
    else if (!recognised.includes(channel)) recognised.push(channel);
  }
  return { recognised, wording, unrecognised };
}
