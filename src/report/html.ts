import { badge, entryAnchor, entryTitle, renderEntry } from './html/entry-section.js';
import { escapeHtml } from './html/escape.js';
import { COPY_SCRIPT, COPY_SCRIPT_CSP } from './html/proposal.js';
import { REPORT_CSS } from './html/styles.js';
import type { EntryStatus, RunReport } from './schema.js';

/** No script, no remote anything: the report only carries its own inline styles. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const VERDICTS: readonly EntryStatus[] = ['stale', 'unreachable', 'ok'];

/**
 * `reports/latest.html`: one self-contained, deterministic page for the
 * editor: a summary with verdict badges, then one section per guide entry.
 */
export function renderHtmlReport(report: RunReport): string {
  const title = `aes-watch change report — ${report.startedAt.slice(0, 10)}`;
  const counts = VERDICTS.map(
    (status) => `<li>${badge(status)} <span data-count="${status}">${report.summary[status]}</span></li>`,
  ).join('');
  const summary = report.entries
    .map(
      (entry) =>
        `<li>${badge(entry.status)} <a href="#${escapeHtml(entryAnchor(entry))}">${entryTitle(entry)}</a>` +
        ` <span class="muted">${escapeHtml(String(entry.reasons.length))} reason(s)</span></li>`,
    )
    .join('\n');
  // Only a report that carries drafts has a copy button, and so its one hashed script.
  const drafts = report.entries.some((entry) => entry.proposal);
  const csp = drafts ? `${REPORT_CSP}; ${COPY_SCRIPT_CSP}` : REPORT_CSP;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>aes-watch change report</h1>
<p class="muted">Run from <time datetime="${escapeHtml(report.startedAt)}">${escapeHtml(report.startedAt)}</time> to <time datetime="${escapeHtml(report.finishedAt)}">${escapeHtml(report.finishedAt)}</time> · guides: ${report.guides.map((guide) => `<code>${escapeHtml(guide)}</code>`).join(', ') || 'none'}</p>
<ul class="counts" aria-label="Verdicts">${counts}</ul>
</header>
<main>
<h2>Summary</h2>
${report.entries.length === 0 ? '<p class="muted">No guide entries were checked.</p>' : `<ul class="summary">\n${summary}\n</ul>`}
${report.entries.map(renderEntry).join('\n')}
</main>
${drafts ? `<script>${COPY_SCRIPT}</script>\n` : ''}<footer>${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} · extractor v${escapeHtml(String(report.tool.extractorVersion))}</footer>
</body>
</html>
`;
}
