import type { Fact, FactOf } from './fact.js';
import { compact, hyphenLoose } from './normalise.js';
import { canonicalUrl } from './url.js';

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
  // "0033 2 31…" is "+33 2 31…" dialled from abroad: the same number.
  const digits = value.replace(/\D/g, '').replace(/^00(?=33)/, '');
  return digits.startsWith('33') && digits.length >= 11 ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
}

export function placeKey(a: FactOf<'address'>): string {
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
