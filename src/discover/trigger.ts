import type { SourceObservation } from '../compare/observation.js';
import { guideFactsOf } from '../compare/verdict.js';
import type { Fact } from '../facts/fact.js';
import type { GuideEntry } from '../guide/entry.js';
import { distinctiveFacts, rankPage, type RankProfile } from './score.js';
import type { SearchStart } from './search.js';

/** Below this, the page a source moved to is taken not to hold the procedure (a section page, a news list). */
export const HOLDS_PROCEDURE_SCORE = 0.5;

/**
 * Whether a source's observation calls for a search, and where it starts: a
 * gone page (404/410, or a redirect to the home or a section root), a move to
 * a page without the procedure, or a page the procedure has left (extraction
 * found nothing there; a challenge page or a missing selector is not that).
 */
export function searchStartFor(observation: SourceObservation, profile: RankProfile): SearchStart | null {
  switch (observation.kind) {
    case 'gone':
      return { cited: observation.url, landing: observation.redirects.length > 0 ? observation.finalUrl : null };
    case 'content': {
      if (observation.redirect.kind !== 'moved') return null;
      const landing = { url: observation.finalUrl, title: observation.title, h1: observation.title, text: observation.text, facts: observation.facts };
      return rankPage(landing, profile).score < HOLDS_PROCEDURE_SCORE ? { cited: observation.url, landing: observation.finalUrl } : null;
    }
    case 'failed':
      return mayCallForSearch(observation) ? { cited: observation.url, landing: observation.finalUrl } : null;
  }
}

/**
 * Whether an observation could call for a search at all, before any profile
 * is built: on a quiet night no source does, and the reviewed pages need not be read.
 */
export function mayCallForSearch(observation: SourceObservation): boolean {
  switch (observation.kind) {
    case 'gone':
      return true;
    case 'content':
      return observation.redirect.kind === 'moved';
    case 'failed':
      return observation.reason === 'extraction-failed' && observation.extractionFailure === 'empty' && observation.finalUrl !== null;
  }
}

/** What a successor should say: the guide's facts (else the reviewed pages'), and the reviewed text (else the guide's). */
export function profileFor(entry: GuideEntry, baselines: { text: string; facts: Fact[] }[]): RankProfile {
  const guideFacts = guideFactsOf(entry);
  const facts = distinctiveFacts(guideFacts).length > 0 ? guideFacts : baselines.flatMap((baseline) => baseline.facts);
  const reviewed = baselines.map((baseline) => baseline.text).join('\n\n');
  return { facts, reference: reviewed.trim() !== '' ? reviewed : entry.procedure };
}
