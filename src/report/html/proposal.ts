import { createHash } from 'node:crypto';
import type { EntryReport } from '../schema.js';
import { escapeHtml, linkOrText } from './escape.js';

/**
 * The copy button's only script. The report's CSP allows it by its hash and
 * nothing else: no inline handler, no other script, nothing from a page.
 */
export const COPY_SCRIPT = `document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button[data-copy]');if(!b)return;var t=document.getElementById(b.getAttribute('data-copy'));if(t&&navigator.clipboard)navigator.clipboard.writeText(t.textContent).then(function(){b.textContent='Copié';});});`;
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
export function renderProposal(entry: EntryReport): string {
  const proposal = entry.proposal;
  if (!proposal) return '';
  const id = `draft-${entry.id}`;
  const review =
    proposal.needsReview.length === 0
      ? ''
      : `<p><strong>À vérifier avant d'écrire :</strong></p><ul class="reasons review">${proposal.needsReview.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return [
    `<details class="proposal" data-proposal="${escapeHtml(entry.id)}">`,
    `<summary>Proposition de section du guide${proposal.needsReview.length > 0 ? ` <span class="newer">(${proposal.needsReview.length} point(s) à vérifier)</span>` : ''}</summary>`,
    `<p class="muted">Rédigée d'après ${linkOrText(proposal.source)}. Relisez-la, puis <code>aes-watch propose ${escapeHtml(entry.id)} --write</code>.</p>`,
    review,
    '<h4>Différences avec la section actuelle</h4>',
    `<pre class="diff">${diffLines(proposal.diff)}</pre>`,
    '<h4>Section proposée</h4>',
    `<pre class="diff draft" id="${escapeHtml(id)}">${escapeHtml(proposal.section)}</pre>`,
    `<button type="button" class="copy" data-copy="${escapeHtml(id)}">Copier la section</button>`,
    '</details>',
  ]
    .filter(Boolean)
    .join('\n');
}
