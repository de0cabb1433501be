import type { EntryReport, SourceReport } from '../report/schema.js';
import { diffSection } from './body-parts.js';
import type { IssueLabels } from './issue-labels.js';
import { codeSpan, neutraliseText } from './neutralise.js';

/**
 * The drafted guide section, as its diff against the current section, cut to
 * `budget` characters like the page diffs. Empty when there is no draft or no room.
 */
export function proposalSection(entry: EntryReport, budget: number, where: string, l: IssueLabels): string[] {
  const proposal = entry.proposal;
  if (!proposal) return [];
  const head = [
    l.proposalHeading,
    '',
    l.proposalIntro(codeSpan(`aes-watch propose ${entry.id} --write`), codeSpan(`aes-watch propose ${entry.id}`)),
    '',
    ...proposal.needsReview.map((item) => `- [ ] ${l.proposalCheck} ${neutraliseText(item)}`),
    ...(proposal.needsReview.length > 0 ? [''] : []),
  ];
  const room = budget - head.join('\n').length - 1;
  if (room < 200) return [];
  const asSource: SourceReport = {
    url: proposal.source,
    finalUrl: null,
    httpStatus: null,
    fetchedWith: null,
    pageUpdated: null,
    outcome: 'fetched',
    redirects: [],
    title: null,
    diffFromBaseline: proposal.diff,
    baselineText: null,
    currentText: null,
    snapshotPath: null,
  };
  return [...head, ...diffSection(asSource, room, (shown, total) => l.proposalCut(shown, total, where))];
}
