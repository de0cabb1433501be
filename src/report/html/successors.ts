import type { Labels } from '../labels.js';
import type { EntryReport } from '../schema.js';
import { noSuccessorLine, successorEvidence } from '../successors.js';
import { escapeHtml, linkOrText } from './escape.js';

/** "Likely new page:" for each successor of a gone or moved source, with its evidence; or why none was found. */
export function renderSuccessors(entry: EntryReport, l: Labels): string {
  const s = l.successor;
  const none = noSuccessorLine(entry, l);
  if (entry.successors.length === 0 && none === null) return '';
  const items = entry.successors.map(
    (successor) =>
      `<li class="successor" data-score="${escapeHtml(String(successor.score))}"><strong>${escapeHtml(s.likelyNewPage)}</strong> ` +
      `${escapeHtml(successor.title ?? s.untitled)}, ${linkOrText(successor.url)}` +
      `<br><span class="muted">${successorEvidence(successor, l).map(escapeHtml).join(' · ')}</span></li>`,
  );
  if (none !== null) items.push(`<li class="muted">${escapeHtml(none)}</li>`);
  return `<h3>${escapeHtml(s.heading)}</h3>\n<ul class="reasons successors">${items.join('')}</ul>`;
}
