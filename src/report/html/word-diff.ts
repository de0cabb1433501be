import { lazyRequire } from '../../shared/lazy-require.js';
import { escapeHtml } from './escape.js';

const diff = lazyRequire<typeof import('diff')>('diff');

/** Beyond this many edits a word diff is unreadable (and slow): the unified diff is shown instead. */
const MAX_EDIT_LENGTH = 1_000;

/** Word-level diff of the procedure text against the reviewed baseline, as `<del>`/`<ins>` in a `<pre>`. */
export function renderWordDiff(baseline: string | null, current: string | null, unified: string | null): string {
  if (current === null) return '<p class="muted">No current text: the page could not be read.</p>';
  if (baseline === null) {
    return `<p class="muted">No reviewed baseline yet; the current text:</p><pre class="diff">${escapeHtml(current)}</pre>`;
  }
  if (baseline === current) return '<p class="muted">No change since the reviewed baseline.</p>';
  const parts = diff().diffWords(baseline, current, { maxEditLength: MAX_EDIT_LENGTH });
  if (parts === undefined) {
    const body = unified ?? current;
    return `<p class="muted">Too many changes for a word diff; the line diff:</p><pre class="diff">${escapeHtml(body)}</pre>`;
  }
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
