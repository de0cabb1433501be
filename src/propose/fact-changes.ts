import type { Fact } from '../facts/fact.js';
import type { FactRef } from '../facts/fact-ref.js';
import { factKey } from '../facts/key.js';
import { compact, hyphenLoose } from '../facts/normalise.js';
import { canonicalUrl } from '../facts/url.js';
import type { FactChanges } from './schema.js';

const ref = (fact: Fact): FactRef => ({ kind: fact.kind, value: fact.value });

/** What makes two facts "the same thing, another value": the place of an address, a document's title… */
function identity(fact: Fact): string | null {
  switch (fact.kind) {
    case 'address':
      return `address:${fact.postcode}|${compact(fact.city)}`;
    case 'document':
      return `document:${hyphenLoose(fact.value)}`;
    case 'email':
      return `email:${fact.value.split('@')[1]?.toLowerCase() ?? ''}`;
    case 'url':
      return `url:${canonicalUrl(fact.value).split('/')[0] ?? ''}`;
    default:
      return null;
  }
}

/** Kept, changed, added and removed facts, from the current section's facts to the draft's. */
export function factChanges(before: Fact[], after: Fact[]): FactChanges {
  const afterKeys = new Set(after.map(factKey));
  const beforeKeys = new Set(before.map(factKey));
  const kept = before.filter((f) => afterKeys.has(factKey(f)));
  const gone = before.filter((f) => !afterKeys.has(factKey(f)));
  const fresh = after.filter((f) => !beforeKeys.has(factKey(f)));
  const changed: FactChanges['changed'] = [];
  const removed: FactRef[] = [];
  for (const old of gone) {
    const id = identity(old);
    const twin = id === null ? -1 : fresh.findIndex((f) => identity(f) === id);
    if (twin < 0) {
      removed.push(ref(old));
      continue;
    }
    changed.push({ from: ref(old), to: ref(fresh[twin] as Fact) });
    fresh.splice(twin, 1);
  }
  return { kept: kept.map(ref), changed, added: fresh.map(ref), removed };
}
