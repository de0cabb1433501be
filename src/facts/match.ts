import type { Fact } from './fact.js';
import { extractFacts } from './extract.js';
import { factKey, placeKey } from './key.js';
import { compact, hyphenLoose, normaliseForMatch } from './normalise.js';

export { normaliseForMatch };

/** Whether `page` states the same thing as `fact` (a guide fact), with the page allowed to say more. */
function sameFact(fact: Fact, page: Fact, pageText: string): boolean {
  if (fact.kind === 'address' && page.kind === 'address') {
    if (placeKey(fact) !== placeKey(page)) return false;
    if (!fact.street) return true;
    if (page.street && compact(page.street) === compact(fact.street)) return true;
    return compact(pageText).includes(compact(fact.street));
  }
  if (fact.kind === 'document' && page.kind === 'document') {
    if (hyphenLoose(fact.value) !== hyphenLoose(page.value)) return false;
    return fact.date === null || page.date === null || fact.date === page.date;
  }
  // A page that does not say its channel clearly cannot contradict the guide's.
  if (fact.kind === 'channel' && page.kind === 'channel' && page.value === 'unknown') return true;
  return fact.kind === page.kind && factKey(fact) === factKey(page);
}

let cachedText: string | null = null;
let cachedFacts: Fact[] = [];
function factsOfText(text: string): Fact[] {
  if (cachedText !== text) {
    cachedFacts = extractFacts(text);
    cachedText = text;
  }
  return cachedFacts;
}

/**
 * Whether a guide fact is still stated by a page: among the page's facts, or
 * found again in its text. An address needs its postcode, city, CEDEX and (when
 * the guide gives one) street; recipient lines and the CS/BP box are informational.
 * A document needs its title, and its date when both sides state one.
 */
export function factPresent(fact: Fact, pageFacts: Fact[], pageText: string): boolean {
  if (pageFacts.some((p) => sameFact(fact, p, pageText))) return true;
  const fromText = factsOfText(pageText);
  if (fromText.some((p) => sameFact(fact, p, pageText))) return true;
  if (fact.kind !== 'document') return false;
  // A title with no stated detail on the page (plain link text) still counts,
  // unless the page lists that title with a different date.
  const title = hyphenLoose(fact.value);
  const sameTitle = [...pageFacts, ...fromText].filter((p) => p.kind === 'document' && hyphenLoose(p.value) === title);
  if (sameTitle.length > 0) return false;
  return hyphenLoose(pageText).includes(title);
}
