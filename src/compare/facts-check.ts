import type { Fact } from '../facts/fact.js';
import type { FactRef } from '../facts/fact-ref.js';
import { factKey } from '../facts/key.js';
import { factPresent } from '../facts/match.js';

export interface PageFacts {
  facts: Fact[];
  text: string;
}

export interface FactCheck {
  checked: (FactRef & { found: boolean })[];
  missing: FactRef[];
  added: FactRef[];
}

/** Facts worth telling an editor about when a page has them and the guide does not. */
function isReportable(fact: Fact): boolean {
  return fact.kind !== 'url' || fact.role !== 'page';
}

const ref = (fact: Fact): FactRef => ({ kind: fact.kind, value: fact.value });

/**
 * A guide fact passes when any of the entry's pages states it (an entry can
 * cite several pages). Added facts are page facts no guide fact accounts for.
 */
export function checkFacts(guideFacts: Fact[], pages: PageFacts[]): FactCheck {
  const checked = guideFacts.map((fact) => ({
    ...ref(fact),
    found: pages.some((page) => factPresent(fact, page.facts, page.text)),
  }));
  const guideKeys = new Set(guideFacts.map(factKey));
  const guideText = guideFacts.map((fact) => fact.value).join('\n');
  const added = new Map<string, FactRef>();
  for (const page of pages) {
    for (const fact of page.facts) {
      const key = factKey(fact);
      if (!isReportable(fact) || guideKeys.has(key) || added.has(key)) continue;
      // The same value printed differently in the guide (PDF hyphenation...) is not new.
      if (factPresent(fact, guideFacts, guideText)) continue;
      added.set(key, ref(fact));
    }
  }
  return {
    checked,
    missing: checked.filter((fact) => !fact.found).map(({ kind, value }) => ({ kind, value })),
    added: [...added.values()],
  };
}
