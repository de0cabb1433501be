import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  lazyRequire
} from "./chunk-PURIWTEL.js";
import "./chunk-DXLBKT2R.js";

// src/report/html/escape.ts
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
function safeHttpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
function linkOrText(url, label = url) {
  const href = safeHttpUrl(url);
  if (href === null) return `<span class="url">${escapeHtml(label)}</span>`;
  return `<a class="url" href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}
function frenchDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
function dateTag(iso) {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(frenchDate(iso))}</time>`;
}

// src/report/html/facts-table.ts
var keyOf = (fact) => `${fact.kind}\0${fact.value}`;
function renderFactsTable(facts) {
  const checkedKeys = new Set(facts.checked.map(keyOf));
  const rows = [
    ...facts.checked.map((fact) => row(fact.kind, fact.value, fact.found ? "found" : "missing")),
    ...facts.missing.filter((fact) => !checkedKeys.has(keyOf(fact))).map((fact) => row(fact.kind, fact.value, "missing")),
    ...facts.added.map((fact) => row(fact.kind, fact.value, "added"))
  ];
  if (rows.length === 0) return '<p class="muted">No facts to compare.</p>';
  return `<table class="facts"><thead><tr><th scope="col">Kind</th><th scope="col">The guide says</th><th scope="col">The page</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function row(kind, value, state) {
  const text = escapeHtml(value);
  const cells = state === "added" ? `<td class="muted">\u2014</td><td>+ ${text}</td>` : `<td>${text}</td><td>${state === "found" ? "\u2713 states it" : "\u2717 not found"}</td>`;
  return `<tr class="fact-${state}"><td>${escapeHtml(kind)}</td>${cells}</tr>`;
}

// src/report/html/word-diff.ts
var diff = lazyRequire("diff");
var MAX_EDIT_LENGTH = 1e3;
function renderWordDiff(baseline, current, unified) {
  if (current === null) return '<p class="muted">No current text: the page could not be read.</p>';
  if (baseline === null) {
    return `<p class="muted">No reviewed baseline yet; the current text:</p><pre class="diff">${escapeHtml(current)}</pre>`;
  }
  if (baseline === current) return '<p class="muted">No change since the reviewed baseline.</p>';
  const parts = diff().diffWords(baseline, current, { maxEditLength: MAX_EDIT_LENGTH });
  if (parts === void 0) {
    const body = unified ?? current;
    return `<p class="muted">Too many changes for a word diff; the line diff:</p><pre class="diff">${escapeHtml(body)}</pre>`;
  }
  const html = parts.map((part) => {
    const text = escapeHtml(part.value);
    if (part.added) return `<ins>${text}</ins>`;
    if (part.removed) return `<del>${text}</del>`;
    return text;
  }).join("");
  return `<pre class="diff">${html}</pre>`;
}

// src/report/html/entry-section.ts
function badge(status) {
  return `<span class="badge badge-${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}
function entryAnchor(entry) {
  return `entry-${entry.id}`;
}
function entryTitle(entry) {
  return `${escapeHtml(entry.department.name)} (${escapeHtml(entry.department.code)}) \u2014 ${escapeHtml(entry.prefecture)}`;
}
function renderEntry(entry) {
  const notes = [
    `guide <code>${escapeHtml(entry.guideFile)}</code>`,
    `guide updated ${dateTag(entry.guideUpdated)}`,
    entry.changedSinceLastRun ? "<strong>changed since the last run</strong>" : "unchanged since the last run",
    entry.consecutiveFailures > 0 ? `${entry.consecutiveFailures} consecutive failed run(s)` : null
  ].filter((note) => note !== null);
  return [
    `<section class="entry entry-${escapeHtml(entry.status)}" id="${escapeHtml(entryAnchor(entry))}" data-entry="${escapeHtml(entry.id)}">`,
    `<h2>${badge(entry.status)} <span>${entryTitle(entry)}</span></h2>`,
    `<p class="muted">${notes.join(" \xB7 ")}</p>`,
    "<h3>Reasons</h3>",
    renderReasons(entry),
    "<h3>Facts: guide and page</h3>",
    renderFactsTable(entry.facts),
    ...entry.sources.map((source, index) => renderSource(source, index, entry)),
    "</section>"
  ].join("\n");
}
function renderReasons(entry) {
  if (entry.reasons.length === 0) return '<p class="muted">None: the pages still say what the guide says.</p>';
  const items = entry.reasons.map((reason) => {
    const about = reason.sourceUrl === null ? "" : ` <span class="muted">(${linkOrText(reason.sourceUrl)})</span>`;
    return `<li><code>${escapeHtml(reason.code)}</code> ${escapeHtml(reason.detail)}${about}</li>`;
  });
  return `<ul class="reasons">${items.join("")}</ul>`;
}
function renderSource(source, index, entry) {
  const rows = [["Cited URL", linkOrText(source.url)]];
  if (source.finalUrl !== null && source.finalUrl !== source.url) rows.push(["Final URL", linkOrText(source.finalUrl)]);
  if (source.redirects.length > 0) {
    const hops = source.redirects.map((hop) => `<li>${escapeHtml(String(hop.status))} ${linkOrText(hop.url)}</li>`);
    rows.push(["Redirects", `<ol class="reasons">${hops.join("")}</ol>`]);
  }
  const status = source.httpStatus === null ? "" : ` (HTTP ${escapeHtml(String(source.httpStatus))})`;
  const mode = source.fetchedWith === null ? "" : `, fetched with ${escapeHtml(source.fetchedWith)}`;
  rows.push(["Outcome", `<code>${escapeHtml(source.outcome)}</code>${status}${mode}`]);
  if (source.title !== null) rows.push(["Page title", escapeHtml(source.title)]);
  rows.push(["Dates", renderDates(source.pageUpdated, entry.guideUpdated)]);
  if (source.snapshotPath !== null) rows.push(["Snapshot", `<code>${escapeHtml(source.snapshotPath)}</code>`]);
  const details = rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("");
  return [
    `<div class="source">`,
    `<h3>Source ${index + 1}</h3>`,
    `<dl class="source-facts">${details}</dl>`,
    "<h3>Procedure text since the reviewed baseline</h3>",
    '<p class="legend muted"><del>removed</del> <ins>added</ins></p>',
    renderWordDiff(source.baselineText, source.currentText, source.diffFromBaseline),
    "</div>"
  ].join("\n");
}
function renderDates(pageUpdated, guideUpdated) {
  const page = pageUpdated === null ? '<span class="muted">not stated</span>' : `${dateTag(pageUpdated)}${pageUpdated > guideUpdated ? ' <span class="newer">(after the guide)</span>' : ""}`;
  return `<span class="dates"><span>Page: ${page}</span><span>Guide: ${dateTag(guideUpdated)}</span></span>`;
}

// src/report/html/styles.ts
var REPORT_CSS = `
:root { --ok: #18753c; --ok-bg: #e3f4e8; --stale: #8a4b00; --stale-bg: #fff1d6; --down: #b3261e; --down-bg: #fde7e6;
  --ins: #1a6b32; --ins-bg: #d7f5df; --del: #a11d1d; --del-bg: #fbdada; --line: #d5d5d5; --muted: #5c5c5c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 62rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1e1e1e; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: #000091; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: .05rem .55rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.badge-ok { color: var(--ok); background: var(--ok-bg); }
.badge-stale { color: var(--stale); background: var(--stale-bg); }
.badge-unreachable { color: var(--down); background: var(--down-bg); }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .75rem 0; list-style: none; }
.summary { list-style: none; padding: 0; margin: 0 0 1.5rem; border-top: 1px solid var(--line); }
.summary li { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; padding: .5rem 0; border-bottom: 1px solid var(--line); }
.entry { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1.5rem; }
.entry-stale { border-left: .35rem solid var(--stale); }
.entry-unreachable { border-left: .35rem solid var(--down); }
.entry-ok { border-left: .35rem solid var(--ok); }
.reasons { padding-left: 1.25rem; margin: 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: #f3f3f3; padding: 0 .2rem; border-radius: .2rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th:first-child, td:first-child { width: 6.5rem; }
tr.fact-missing td { color: var(--del); background: var(--del-bg); }
tr.fact-added td { color: var(--ins); background: var(--ins-bg); }
dl.source-facts { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .25rem .75rem; margin: 0; }
dl.source-facts dt { font-weight: 600; }
dl.source-facts dd { margin: 0; min-width: 0; }
.dates { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.newer { color: var(--stale); font-weight: 600; }
.source { border-top: 1px dashed var(--line); margin-top: 1rem; padding-top: .5rem; }
pre.diff { margin: .5rem 0 0; padding: .75rem; background: #fafafa; border: 1px solid var(--line); border-radius: .35rem; white-space: pre-wrap; overflow-x: auto; max-width: 100%; font-size: .9rem; line-height: 1.45; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: none; }
del { color: var(--del); background: var(--del-bg); }
.legend ins, .legend del { padding: 0 .25rem; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2rem; }
@media (max-width: 40rem) {
  body { padding: .75rem; font-size: 15px; }
  .entry { padding: .75rem; }
  dl.source-facts { grid-template-columns: 1fr; }
  dl.source-facts dd { margin-bottom: .35rem; }
  th:first-child, td:first-child { width: 5rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  a.url::after { content: none; }
  .entry { break-inside: avoid-page; border-color: #999; }
  .summary li, tr, .source { break-inside: avoid; }
  pre.diff { overflow: visible; background: none; }
  ins { text-decoration: underline; }
  del { text-decoration: line-through; }
  .badge, tr.fact-missing td, tr.fact-added td, ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

// src/report/html.ts
var REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
var VERDICTS = ["stale", "unreachable", "ok"];
function renderHtmlReport(report) {
  const title = `aes-watch change report \u2014 ${report.startedAt.slice(0, 10)}`;
  const counts = VERDICTS.map(
    (status) => `<li>${badge(status)} <span data-count="${status}">${report.summary[status]}</span></li>`
  ).join("");
  const summary = report.entries.map(
    (entry) => `<li>${badge(entry.status)} <a href="#${escapeHtml(entryAnchor(entry))}">${entryTitle(entry)}</a> <span class="muted">${escapeHtml(String(entry.reasons.length))} reason(s)</span></li>`
  ).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>aes-watch change report</h1>
<p class="muted">Run from <time datetime="${escapeHtml(report.startedAt)}">${escapeHtml(report.startedAt)}</time> to <time datetime="${escapeHtml(report.finishedAt)}">${escapeHtml(report.finishedAt)}</time> \xB7 guides: ${report.guides.map((guide) => `<code>${escapeHtml(guide)}</code>`).join(", ") || "none"}</p>
<ul class="counts" aria-label="Verdicts">${counts}</ul>
</header>
<main>
<h2>Summary</h2>
${report.entries.length === 0 ? '<p class="muted">No guide entries were checked.</p>' : `<ul class="summary">
${summary}
</ul>`}
${report.entries.map(renderEntry).join("\n")}
</main>
<footer>${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} \xB7 extractor v${escapeHtml(String(report.tool.extractorVersion))}</footer>
</body>
</html>
`;
}
export {
  REPORT_CSP,
  renderHtmlReport
};
//# sourceMappingURL=html-N7EHUMTB.js.map
