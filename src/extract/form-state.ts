import { load } from 'cheerio';
import { normaliseInline } from './normalise.js';

export type FormState = 'open' | 'closed' | 'unknown';

export interface FormReading {
  state: FormState;
  /** The sentence (or HTTP status) that decided, for the editor to check. */
  sentence: string | null;
}

/** The procedure is closed or takes no more files. */
const CLOSED = [
  /\b(?:d[ée]marche|proc[ée]dure|formulaire|t[ée]l[ée]service)\s+(?:est\s+|a\s+[ée]t[ée]\s+)?(?:close|clos|cl[ôo]tur[ée]e?|ferm[ée]e?|archiv[ée]e?|d[ée]sactiv[ée]e?)\b/iu,
  /\b(?:n'|ne\s+)(?:accepte|re[çc]oit|permet|prend)\s+plus\b/iu,
  /\bn'est\s+plus\s+(?:possible|ouverte?|accessible|disponible)\b/iu,
  /\bplus\s+possible\s+de\s+d[ée]poser\b/iu,
  /\b(?:no\s+longer\s+accept|is\s+closed\b|has\s+been\s+closed)/iu,
];
/** "No appointment slot available" means the module works but is full: the form is open. */
const NO_SLOT = [
  /\b(?:aucun|plus\s+de|pas\s+de)\s+(?:cr[ée]neaux?|plages?\s+horaires?|rendez-vous)\s+(?:n'est\s+)?(?:libres?|disponibles?)\b/iu,
  /\bn'existe\s+plus\s+de\s+plages?\s+horaires?\b/iu,
  /\bno\s+(?:appointment\s+)?slots?\s+(?:is\s+|are\s+)?available\b/iu,
];
/** What a working démarches-simplifiées or booking page offers. */
const OPEN = [
  /\bcommencer\s+(?:la|une\s+nouvelle|un\s+nouveau|mon|votre)\s+(?:d[ée]marche|dossier|demande)\b/iu,
  /\b(?:cr[ée]er|d[ée]poser|commencer)\s+(?:un|mon|votre|le)\s+(?:compte|dossier)\b/iu,
  /\b(?:effectuer|faire)\s+une\s+demande\s+de\s+rendez-vous\b/iu,
  /\b(?:prendre|r[ée]server)\s+(?:un\s+)?rendez-vous\b/iu,
  /\b[ée]tape\s+suivante\b/iu,
  /\bchoisi(?:r|ssez)\s+(?:votre|un)\s+(?:guichet|cr[ée]neau|motif)\b/iu,
];

function sentencesOf(html: string): string[] {
  const $ = load(html);
  $('script, style, noscript, template, head').remove();
  $('br, p, div, li, h1, h2, h3, h4, button, a, td, section, article, label').after('\n');
  const text = normaliseInline($.root().text());
  return text
    .split(/\n+|(?<=[.!?])\s+/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0 && s.length < 400);
}

const first = (sentences: string[], patterns: RegExp[], skip: (s: string) => boolean = () => false) =>
  sentences.find((s) => !skip(s) && patterns.some((p) => p.test(s))) ?? null;

/**
 * Reads whether an online form still takes requests. Closed wording wins,
 * except a sentence that only says no slot is free, which leaves it open.
 */
export function readFormState(html: string): FormReading {
  const sentences = sentencesOf(html);
  const noSlot = (s: string) => NO_SLOT.some((p) => p.test(s));
  const closed = first(sentences, CLOSED, noSlot);
  if (closed) return { state: 'closed', sentence: closed };
  const full = first(sentences, NO_SLOT);
  if (full) return { state: 'open', sentence: full };
  const open = first(sentences, OPEN);
  if (open) return { state: 'open', sentence: open };
  return { state: 'unknown', sentence: null };
}
