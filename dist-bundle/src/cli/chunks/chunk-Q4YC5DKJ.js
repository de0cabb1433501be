import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  codeBlock
} from "./chunk-PHPHHISB.js";

// src/report/markdown.ts
var BADGE = { ok: "\u2705 ok", stale: "\u26A0\uFE0F stale", unreachable: "\u26D4 unreachable" };
function escapeMarkdownInline(text) {
  return text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, " ");
}
function entrySection(entry) {
  const lines = [`## ${escapeMarkdownInline(`${entry.department.name} (${entry.department.code})`)}: ${BADGE[entry.status]}`, ""];
  lines.push(`Entry \`${entry.id}\`, guide updated ${entry.guideUpdated}; changed since last run: ${entry.changedSinceLastRun ? "yes" : "no"}.`, "");
  if (entry.reasons.length > 0) {
    lines.push("**Reasons**", "");
    for (const reason of entry.reasons) lines.push(`- \`${reason.code}\`: ${escapeMarkdownInline(reason.detail)}`);
    lines.push("");
  }
  if (entry.facts.missing.length + entry.facts.added.length > 0) {
    lines.push("| | kind | value |", "|---|---|---|");
    for (const fact of entry.facts.missing) lines.push(`| missing | ${fact.kind} | ${escapeMarkdownInline(fact.value)} |`);
    for (const fact of entry.facts.added) lines.push(`| new on page | ${fact.kind} | ${escapeMarkdownInline(fact.value)} |`);
    lines.push("");
  }
  for (const source of entry.sources) {
    const status = source.httpStatus === null ? source.outcome : `HTTP ${source.httpStatus}`;
    lines.push(`- Cited: <${source.url}> (${status}${source.fetchedWith ? `, via ${source.fetchedWith}` : ""})`);
    if (source.finalUrl && source.finalUrl !== source.url.split("#")[0]) lines.push(`  - Final: <${source.finalUrl}>`);
    lines.push(`  - Page date: ${source.pageUpdated ?? "none found"} (guide: ${entry.guideUpdated})`);
  }
  lines.push("");
  for (const source of entry.sources) {
    if (source.diffFromBaseline) lines.push(`Diff against the reviewed baseline (${source.url}):`, "", codeBlock(source.diffFromBaseline, "diff"), "");
  }
  return lines.join("\n");
}
function renderMarkdownReport(report) {
  const { ok, stale, unreachable } = report.summary;
  const lines = [
    "# aes-watch change report",
    "",
    `Run ${report.startedAt} \u2192 ${report.finishedAt}: **${stale} stale**, ${unreachable} unreachable, ${ok} ok.`,
    "",
    "| entry | status | reasons | changed since last run |",
    "|---|---|---|---|",
    ...report.entries.map(
      (e) => `| ${escapeMarkdownInline(`${e.department.name} (${e.department.code})`)} | ${BADGE[e.status]} | ${[...new Set(e.reasons.map((r) => r.code))].join(", ") || "\u2014"} | ${e.changedSinceLastRun ? "yes" : "no"} |`
    ),
    ""
  ];
  if (report.warnings.length > 0) lines.push("**Warnings**", "", ...report.warnings.map((w) => `- ${escapeMarkdownInline(w)}`), "");
  return [...lines, ...report.entries.map(entrySection)].join("\n").trimEnd() + "\n";
}

export {
  escapeMarkdownInline,
  renderMarkdownReport
};
//# sourceMappingURL=chunk-Q4YC5DKJ.js.map
