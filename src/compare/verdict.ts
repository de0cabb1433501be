import type { Fact } from '../facts/fact.js';
import type { GuideEntry } from '../guide/entry.js';
import { STALE_REASONS, type EntryStatus, type Reason } from './reasons.js';
import { checkFacts, type FactCheck } from './facts-check.js';
import type { SourceObservation } from './observation.js';
import { documentReasons, formReasons } from './linked.js';

export interface Verdict {
  status: EntryStatus;
  reasons: Reason[];
  facts: FactCheck;
  changedSinceLastRun: boolean;
}

/** The guide's channel sentence is a fact too: "par voie postale" must still hold on the page. */
export function guideFactsOf(entry: GuideEntry): Fact[] {
  // An `unknown` channel in the guide's own text is no claim to check.
  const facts = entry.facts.filter((fact) => !(fact.kind === 'channel' && fact.value === 'unknown'));
  for (const channel of entry.channels.recognised) {
    if (!facts.some((fact) => fact.kind === 'channel' && fact.value === channel)) facts.push({ kind: 'channel', value: channel });
  }
  return facts;
}

function lineCounts(unified: string): string {
  const lines = unified.split('\n');
  const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
  const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
  return `+${added} −${removed} lines`;
}

function sourceReasons(entry: GuideEntry, observation: SourceObservation): Reason[] {
  const reason = (code: Reason['code'], detail: string): Reason => ({ code, detail, sourceUrl: observation.url });
  switch (observation.kind) {
    case 'failed':
      return [reason(observation.reason, observation.detail)];
    case 'gone':
      return [reason('source-gone', observation.detail)];
    case 'content': {
      const reasons: Reason[] = [];
      if (observation.baselineDamaged) reasons.push(reason('baseline-damaged', `${observation.baselineDamaged}; review the page and run accept to make a new one`));
      if (observation.redirect.kind === 'moved') reasons.push(reason('source-moved', `now redirects to ${observation.redirect.to}`));
      if (observation.fromBaseline?.changed) {
        reasons.push(reason('content-changed', `the procedure differs from the reviewed baseline (${lineCounts(observation.fromBaseline.unified)})`));
      }
      const page = observation.pageUpdated;
      const reviewed = observation.baselinePageUpdated;
      // A page date the editor already reviewed (accepted baseline) is not news.
      if (page && page > entry.updated && (!reviewed || page > reviewed)) {
        reasons.push(reason('page-updated', `the page was updated on ${page}, after the guide's ${entry.updated}`));
      }
      reasons.push(...(observation.documents ?? []).flatMap(documentReasons), ...(observation.forms ?? []).flatMap(formReasons));
      return reasons;
    }
  }
}

/**
 * Stale beats unreachable: a moved or gone source is news even when another
 * source failed. Facts are judged only when every source gave a definite
 * answer; with a page missing we cannot know a fact is gone.
 */
export function judgeEntry(entry: GuideEntry, observations: SourceObservation[]): Verdict {
  const reasons = observations.flatMap((observation) => sourceReasons(entry, observation));
  const pages = observations.flatMap((o) => (o.kind === 'content' ? [{ facts: o.facts, text: o.text }] : []));
  const anyFailed = observations.some((o) => o.kind === 'failed');
  // A document that could not be fetched or read fails alone: the pages and facts are still judged.
  const documentFailed = observations.some((o) => o.kind === 'content' && o.documents?.some((d) => d.status === 'failed'));
  const guideFacts = guideFactsOf(entry);
  const facts: FactCheck =
    pages.length > 0 && !anyFailed ? checkFacts(guideFacts, pages) : { checked: [], missing: [], added: [] };
  for (const fact of facts.missing) {
    reasons.push({ code: 'fact-missing', detail: `${fact.kind} "${fact.value}" is no longer on the page`, sourceUrl: null });
  }
  const stale = reasons.some((r) => STALE_REASONS.includes(r.code));
  return {
    status: stale ? 'stale' : anyFailed || documentFailed ? 'unreachable' : 'ok',
    reasons,
    facts,
    changedSinceLastRun: observations.some((o) => o.kind === 'content' && o.storedNew),
  };
}
