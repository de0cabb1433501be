import type { Fact } from '../facts/fact.js';
import type { FactRef } from '../facts/fact-ref.js';
import { factPresent } from '../facts/match.js';
import { normaliseForMatch } from '../facts/normalise.js';
import { matchable, pageWords, pathWords } from './words.js';

/**
 * How likely a page is to be the successor of a guide entry's dead page, in
 * [0, 1], with the evidence. Three signals, weighted:
 *  - words (0.3): AES words in the title or h1 (0.6 of it) and in the path (0.4);
 *  - facts (0.4): share of the guide's checkable facts the page states;
 *  - closeness (0.3): word-pair overlap of the page's procedure with the reviewed text.
 * Without checkable guide facts, words and closeness share the whole weight.
 */
export interface RankProfile {
  /** Guide facts a successor should state: emails, postal addresses, online-form links, documents. */
  facts: Fact[];
  /** The last reviewed baseline text, or the guide's reproduced procedure. */
  reference: string;
}

export interface RankedPage {
  url: string;
  title: string | null;
  h1: string | null;
  /** The extracted procedure (Markdown), or null when the page has none. */
  text: string | null;
  facts: Fact[];
}

export interface Rank {
  score: number;
  matchedFacts: FactRef[];
  matchedWords: string[];
  closeness: number;
}

const WEIGHTS = { words: 0.3, facts: 0.4, closeness: 0.3 };

/** The guide facts that single out one prefecture's procedure; channels and phone numbers are too common. */
export function distinctiveFacts(facts: Fact[]): Fact[] {
  return facts.filter(
    (fact) =>
      fact.kind === 'email' ||
      fact.kind === 'address' ||
      fact.kind === 'document' ||
      (fact.kind === 'url' && (fact.role === 'online-procedure' || fact.role === 'form')),
  );
}

/** Consecutive word pairs, the unit of closeness: shared vocabulary alone is not the same procedure. */
function wordPairs(text: string): Set<string> {
  const words = normaliseForMatch(text.replace(/\]\([^)]*\)/g, ']'))
    .split(/[^\p{L}\p{N}@]+/u)
    .filter((word) => word.length > 1);
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i += 1) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

/** Sørensen–Dice coefficient of the two texts' word pairs. */
export function closenessOf(a: string, b: string): number {
  const x = wordPairs(a);
  const y = wordPairs(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const pair of x) if (y.has(pair)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

const round = (n: number) => Math.round(n * 100) / 100;

export function rankPage(page: RankedPage, profile: RankProfile): Rank {
  const heading = pageWords(matchable(`${page.title ?? ''} \n ${page.h1 ?? ''}`));
  const path = pageWords(pathWords(page.url));
  const words = Math.min(1, 0.6 * heading.weight + 0.4 * path.weight);
  const matchedWords = [...heading.labels.map((w) => `"${w}" in title`), ...path.labels.map((w) => `"${w}" in path`)];

  const wanted = distinctiveFacts(profile.facts);
  const matchedFacts = page.text === null ? [] : wanted.filter((fact) => factPresent(fact, page.facts, page.text ?? ''));
  const closeness = page.text === null ? 0 : closenessOf(page.text, profile.reference);

  const score =
    wanted.length > 0
      ? WEIGHTS.words * words + WEIGHTS.facts * (matchedFacts.length / wanted.length) + WEIGHTS.closeness * closeness
      : 0.5 * words + 0.5 * closeness;
  return {
    score: round(Math.min(1, score)),
    matchedFacts: matchedFacts.map((fact) => ({ kind: fact.kind, value: fact.value })),
    matchedWords,
    closeness: round(closeness),
  };
}
