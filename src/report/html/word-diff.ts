import type { Change } from 'diff';
import { lazyRequire } from '../../shared/lazy-require.js';
import type { Labels } from '../labels.js';
import { escapeHtml } from './escape.js';

const diff = lazyRequire<typeof import('diff')>('diff');

/** Beyond this many edits a word diff is unreadable (and slow): the unified diff is shown instead. */
const MAX_EDIT_LENGTH = 1_000;
/** Below this share of text kept, an interleaved word diff mixes two texts: show them side by side. */
const MOSTLY_REWRITTEN = 0.35;

/** The share of the longer text that both versions keep. */
export function keptShare(parts: Change[], baseline: string, current: string): number {
  const kept = parts.filter((part) => !part.added && !part.removed).reduce((sum, part) => sum + part.value.trim().length, 0);
  return kept / Math.max(1, baseline.trim().length, current.trim().length);
}

/** Word-level diff of the procedure text against the reviewed baseline, as `<del>`/`<ins>` in a `<pre>`. */
export function renderWordDiff(baseline: string | null, current: string | null, unified: string | null, l: Labels): string {
  if (current === null) return `<p class="muted">${escapeHtml(l.noCurrentText)}</p>`;
  if (baseline === null) {
    return `<p class="muted">${escapeHtml(l.noBaselineYet)}</p><pre class="diff">${escapeHtml(current)}</pre>`;
  }
  if (baseline === current) return `<p class="muted">${escapeHtml(l.noChange)}</p>`;
  const parts = diff().diffWords(baseline, current, { maxEditLength: MAX_EDIT_LENGTH });
  if (parts === undefined) {
    const body = unified ?? current;
    return `<p class="muted">${escapeHtml(l.tooManyChanges)}</p><pre class="diff">${escapeHtml(body)}</pre>`;
  }
  if (keptShare(parts, baseline, current) < MOSTLY_REWRITTEN) return renderSideBySide(baseline, current, l);
  const html = parts
    .map((part) => {
      const text = escapeHtml(part.value);
      if (part.added) return `<ins>${text}</ins>`;
      if (part.removed) return `<del>${text}</del>`;
      return text;
    })
    .join('');
  return `<pre class="diff">${html}</pre>`;
}

function renderSideBySide(baseline: string, current: string, l: Labels): string {
  const column = (caption: string, text: string, side: 'before' | 'after') =>
    `<figure class="side side-${side}"><figcaption>${escapeHtml(caption)}</figcaption><pre class="diff">${escapeHtml(text)}</pre></figure>`;
  return [
    `<p class="muted">${escapeHtml(l.sideBySide)}</p>`,
    `<div class="side-by-side">${column(l.before, baseline, 'before')}${column(l.after, current, 'after')}</div>`,
  ].join('\n');
}
