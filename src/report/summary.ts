import { relative } from 'node:path';
import type { RunReport } from './schema.js';

/** The short human summary printed on stderr at the end of a check. */
export function formatSummary(report: RunReport, reportsDir: string, cwd: string): string {
  const width = Math.max(8, ...report.entries.map((e) => e.id.length));
  const rows = report.entries.map((entry) => {
    const reasons = [...new Set(entry.reasons.map((r) => r.code))].join(', ');
    // The first reason's words tell a person at a terminal what happened without opening a report.
    const first = entry.reasons[0]?.detail;
    const why = first ? `: ${first.length > 110 ? `${first.slice(0, 109)}…` : first}` : '';
    return `  ${entry.id.padEnd(width)}  ${entry.status.padEnd(11)}  ${reasons}${why}`;
  });
  const { ok, stale, unreachable } = report.summary;
  const near = relative(cwd, reportsDir) || '.';
  const where = near.startsWith('..') ? reportsDir : near;
  return [
    ...rows,
    `${report.entries.length} entries: ${stale} stale, ${unreachable} unreachable, ${ok} ok. Reports: ${where}/latest.md, ${where}/latest.html, ${where}/latest.json`,
    ...report.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}
