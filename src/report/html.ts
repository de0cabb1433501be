import { badge, entryAnchor, entryTitle, renderEntry } from './html/entry-section.js';
import { escapeHtml } from './html/escape.js';
import { COPY_SCRIPT, COPY_SCRIPT_CSP } from './html/proposal.js';
import { REPORT_CSS } from './html/styles.js';
import { DEFAULT_LANG, labelsFor, type Lang } from './labels.js';
import { localDateTime } from './local-time.js';
import type { EntryStatus, RunReport } from './schema.js';

/** No script, no remote anything: the report only carries its own inline styles. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const VERDICTS: readonly EntryStatus[] = ['stale', 'unreachable', 'ok'];

/**
 * `reports/latest.html`: one self-contained, deterministic page for the
 * editor: a summary with verdict badges, then one section per guide entry.
 */
export function renderHtmlReport(report: RunReport, lang: Lang = DEFAULT_LANG): string {
  const l = labelsFor(lang);
  const title = `${l.reportTitle} — ${localDateTime(report.startedAt, lang)}`;
  const time = (iso: string) => `<time datetime="${escapeHtml(iso)}">${escapeHtml(localDateTime(iso, lang))}</time>`;
  const counts = VERDICTS.map(
    (status) => `<li>${badge(status, l)} <span data-count="${status}">${report.summary[status]}</span></li>`,
  ).join('');
  const summary = report.entries
    .map(
      (entry) =>
        `<li>${badge(entry.status, l)} <a href="#${escapeHtml(entryAnchor(entry))}">${entryTitle(entry)}</a>` +
        ` <span class="muted">${escapeHtml(l.reasonsCount(entry.reasons.length))}</span></li>`,
    )
    .join('\n');
  // Only a report that carries drafts has a copy button, and so its one hashed script.
  const drafts = report.entries.some((entry) => entry.proposal);
  const csp = drafts ? `${REPORT_CSP}; ${COPY_SCRIPT_CSP}` : REPORT_CSP;
  return `<!DOCTYPE html>
<html lang="${lang}">
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
<h1>${escapeHtml(l.reportTitle)}</h1>
<p class="muted">${l.runFromTo(time(report.startedAt), time(report.finishedAt))} (${escapeHtml(l.parisTime)}) · ${l.guides}${l.colon}${report.guides.map((guide) => `<code>${escapeHtml(guide)}</code>`).join(', ') || l.none}</p>
<ul class="counts" aria-label="${escapeHtml(l.verdicts)}">${counts}</ul>
</header>
<main>
<h2>${escapeHtml(l.summary)}</h2>
${report.entries.length === 0 ? `<p class="muted">${escapeHtml(l.noEntries)}</p>` : `<ul class="summary">\n${summary}\n</ul>`}
${report.entries.map((entry) => renderEntry(entry, l)).join('\n')}
</main>
${drafts ? `<script>${COPY_SCRIPT}</script>\n` : ''}<footer>${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} · ${l.footerExtractor} v${escapeHtml(String(report.tool.extractorVersion))}</footer>
</body>
</html>
`;
}
