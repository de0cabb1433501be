import { successorLabels } from '../report/successor-labels.js';
import { noSuccessorLine, successorEvidence } from '../report/successors.js';
import type { DiscoveredEntry } from './discover.js';

/** `aes-watch discover` for a person at a terminal: one block per entry. */
export function renderDiscoveredText(entries: DiscoveredEntry[]): string {
  const l = successorLabels();
  const lines: string[] = [];
  for (const entry of entries) {
    const cost = entry.fromCache ? 'stored result reused: the site has not changed' : `${entry.pagesFetched} request(s)`;
    lines.push(`${entry.id} (${entry.department.name}): ${cost}`);
    for (const successor of entry.successors) {
      lines.push(`  ${l.likelyNewPage} ${successor.title ?? l.untitled}`, `    ${successor.url}`, `    ${successorEvidence(successor).join(' ; ')}`);
    }
    const none = noSuccessorLine(entry);
    if (none !== null) lines.push(`  ${none}`);
  }
  return lines.join('\n') + '\n';
}
