import { normaliseForMatch, wordRegExp } from '../facts/normalise.js';

/**
 * The vocabulary of procedures for foreigners, as prefecture sites name their
 * menus, pages and paths. Weights say how strongly a word points at the AES
 * procedure itself: "admission exceptionnelle" names it, "séjour" only its
 * neighbourhood, "démarches" only the way there.
 */
interface Term {
  label: string;
  pattern: RegExp;
  weight: number;
}

const term = (label: string, source: string, weight: number): Term => ({ label, pattern: wordRegExp(source, 'i'), weight });

const PAGE_TERMS: Term[] = [
  term('admission exceptionnelle', String.raw`\badmission exceptionnelle\b`, 1),
  term('AES', String.raw`\baes\b`, 1),
  term('régularisation', String.raw`\bregularisation\b`, 0.6),
  term('titre de séjour', String.raw`\btitres? de sejour\b`, 0.3),
  term('séjour', String.raw`\bsejour\b`, 0.2),
  term('étrangers', String.raw`\b(?:ressortissants? )?etrang(?:er|ere|ers|eres)\b`, 0.2),
  term('immigration', String.raw`\bimmigration\b`, 0.2),
];

/** Links worth following also include the way into the procedures. */
const LINK_TERMS: Term[] = [...PAGE_TERMS, term('démarches', String.raw`\bdemarches?\b`, 0.1)];

/** Text as matched: accents, case and the separators of URL paths do not count. */
export function matchable(text: string): string {
  return normaliseForMatch(text.replace(/[-_/+.]+/g, ' '));
}

/** A URL's path as words ("/Demarches/Etrangers-dans-l-Orne" → "demarches etrangers dans l orne"). */
export function pathWords(url: string): string {
  try {
    const path = new URL(url).pathname;
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape: match on the raw path.
    }
    return matchable(decoded);
  } catch {
    return '';
  }
}

export interface WordMatch {
  weight: number;
  labels: string[];
}

function matchTerms(text: string, terms: Term[]): WordMatch {
  const found = terms.filter((t) => t.pattern.test(text));
  const weight = Math.max(0, ...found.map((t) => t.weight));
  // The strongest words are the evidence; "séjour" beside "admission exceptionnelle" adds nothing.
  return { weight, labels: found.filter((t) => t.weight === weight).map((t) => t.label) };
}

/** The AES words of a page's title or h1 (already `matchable`). */
export const pageWords = (text: string): WordMatch => matchTerms(text, PAGE_TERMS);

/** How much a link's text or path speaks of procedures for foreigners; 0 means do not follow. */
export function linkRelevance(text: string, url: string): number {
  const byText = matchTerms(matchable(text), LINK_TERMS).weight;
  const byPath = matchTerms(pathWords(url), LINK_TERMS).weight;
  return Math.max(byText, byPath);
}
