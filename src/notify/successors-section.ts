import type { EntryReport } from '../report/schema.js';
import { noSuccessorLine, successorEvidence } from '../report/successors.js';
import type { IssueLabels } from './issue-labels.js';
import { neutraliseText, safeLink } from './neutralise.js';

/** The issue's "Nouvelle page probable :" lines: the editor's first lead when the cited page is gone. */
export function successorsSection(entry: EntryReport, l: IssueLabels): string[] {
  const s = l.report.successor;
  const none = noSuccessorLine(entry, l.report);
  if (entry.successors.length === 0 && none === null) return [];
  const lines = [`### ${s.heading}`, ''];
  for (const successor of entry.successors) {
    lines.push(`- **${s.likelyNewPage}** ${neutraliseText(successor.title ?? s.untitled)}, ${safeLink(successor.url)}`);
    lines.push(`  - ${neutraliseText(successorEvidence(successor, l.report).join(' ; '))}`);
  }
  if (none !== null) lines.push(`- ${neutraliseText(none)}`);
  return [...lines, ''];
}
