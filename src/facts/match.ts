import type { Fact, FactOf } from './fact.js';
import { extractFacts } from './extract.js';
import { compact, hyphenLoose, normaliseForMatch } from './normalise.js';
import { canonicalUrl } from './url.js';

export { normaliseForMatch };

/**
 * CEDEX numbers compare as numbers: "CEDEX 08" and "CEDEX 8" name the same
 * distribution office (La Poste prints both), so the leading zero is dropped.
 * A bare "CEDEX" and "CEDEX 1" stay different: we cannot know they are the same.
 */
function cedexKey(cedex: string | null): string {
  if (cedex === null) return '';
  return cedex === '' ? 'cedex' : `cedex${Number(cedex)}`;
}

function phoneKey(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('33') && digits.length >= 11 ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
}

function placeKey(a: FactOf<'address'>): string {
  return `${a.postcode}|${compact(a.city)}|${cedexKey(a.cedex)}`;
}

/** A fact's normalised identity: two facts with the same key are the same claim. */
export function factKey(fact: Fact): string {
  switch (fact.kind) {
    case 'email':
      return `email:${hyphenLoose(fact.value)}`;
    case 'phone':
      return `phone:${phoneKey(fact.value)}`;
    case 'url':
      return `url:${canonicalUrl(fact.value)}`;
    case 'address':
      return `address:${placeKey(fact)}|${fact.street ? compact(fact.street) : ''}`;
    case 'document':
      return `document:${hyphenLoose(fact.value)}|${fact.date ?? ''}`;
    case 'channel':
      return `channel:${fact.value}`;
  }
}

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
