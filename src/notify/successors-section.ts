import type { EntryReport } from '../report/schema.js';
import { successorLabels } from '../report/successor-labels.js';
import { noSuccessorLine, successorEvidence } from '../report/successors.js';
import { neutraliseText, safeLink } from './neutralise.js';

/** The "Likely new page:" lines: the editor's first lead when the cited page is gone. */
export function successorsSection(entry: EntryReport): string[] {
  const l = successorLabels();
  const none = noSuccessorLine(entry);
  if (entry.successors.length === 0 && none === null) return [];
  const lines = [`### ${l.heading}`, ''];
  for (const successor of entry.successors) {
    lines.push(`- **${l.likelyNewPage}** ${neutraliseText(successor.title ?? l.untitled)}, ${safeLink(successor.url)}`);
    lines.push(`  - ${neutraliseText(successorEvidence(successor).join(' ; '))}`);
  }
  if (none !== null) lines.push(`- ${neutraliseText(none)}`);
  return [...lines, ''];
}
