import { createHash } from 'node:crypto';
import type { Labels } from '../labels.js';
import type { EntryReport } from '../schema.js';
import { escapeHtml, linkOrText } from './escape.js';

/**
 * The copy button's only script. The report's CSP allows it by its hash and
 * nothing else: no inline handler, no other script, nothing from a page.
 */
export const COPY_SCRIPT = `document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button[data-copy]');if(!b)return;var t=document.getElementById(b.getAttribute('data-copy'));if(t&&navigator.clipboard)navigator.clipboard.writeText(t.textContent).then(function(){b.textContent=b.getAttribute('data-copied');});});`;
export const COPY_SCRIPT_CSP = `script-src 'sha256-${createHash('sha256').update(COPY_SCRIPT).digest('base64')}'`;

function diffLines(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      const text = escapeHtml(line);
      if (line.startsWith('+') && !line.startsWith('+++')) return `<ins>${text}</ins>`;
      if (line.startsWith('-') && !line.startsWith('---')) return `<del>${text}</del>`;
      return text;
    })
    .join('\n');
}

/** The drafted guide section of a stale entry: collapsed, with its diff, its review points and a copy button. */
export function renderProposal(entry: EntryReport, labels: Labels): string {
  const proposal = entry.proposal;
  if (!proposal) return '';
  const l = labels.proposal;
  const id = `draft-${entry.id}`;
  const points = proposal.needsReview.length;
  const review = points === 0 ? '' : `<p><strong>${escapeHtml(l.reviewFirst)}</strong></p><ul class="reasons review">${proposal.needsReview.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return [
    `<details class="proposal" data-proposal="${escapeHtml(entry.id)}">`,
    `<summary>${escapeHtml(l.summary)}${points > 0 ? ` <span class="newer">(${escapeHtml(l.toReview(points))})</span>` : ''}</summary>`,
    `<p class="muted">${l.draftedFrom(linkOrText(proposal.source), `<code>aes-watch propose ${escapeHtml(entry.id)} --write</code>`)}</p>`,
    review,
    `<h4>${escapeHtml(l.diff)}</h4>`,
    `<pre class="diff">${diffLines(proposal.diff)}</pre>`,
    `<h4>${escapeHtml(l.section)}</h4>`,
    `<pre class="diff draft" id="${escapeHtml(id)}">${escapeHtml(proposal.section)}</pre>`,
    `<button type="button" class="copy" data-copy="${escapeHtml(id)}" data-copied="${escapeHtml(l.copied)}">${escapeHtml(l.copy)}</button>`,
    '</details>',
  ]
    .filter(Boolean)
    .join('\n');
}
