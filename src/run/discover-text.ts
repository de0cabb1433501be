import type { Labels } from '../report/labels.js';
import { noSuccessorLine, successorEvidence } from '../report/successors.js';
import type { DiscoveredEntry } from './discover.js';

/** `aes-watch discover` for a person at a terminal: one block per entry. */
export function renderDiscoveredText(entries: DiscoveredEntry[], l: Labels): string {
  const s = l.successor;
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`${entry.id} (${entry.department.name})${l.colon}${s.cost(entry.pagesFetched, entry.fromCache)}`);
    for (const successor of entry.successors) {
      lines.push(`  ${s.likelyNewPage} ${successor.title ?? s.untitled}`, `    ${successor.url}`, `    ${successorEvidence(successor, l).join(' ; ')}`);
    }
    const none = noSuccessorLine(entry, l);
    if (none !== null) lines.push(`  ${none}`);
  }
  return lines.join('\n') + '\n';
}
