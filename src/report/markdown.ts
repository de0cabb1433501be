import { codeBlock } from '../shared/markdown.js';
import { DEFAULT_LANG, factValue, fetchMode, labelsFor, type Lang, type Labels } from './labels.js';
import { frenchDate, localDateTime } from './local-time.js';
import { nextSteps, stepText, type StepPart } from './next-steps.js';
import { documentDiffs, linkedLines } from './linked-markdown.js';
import type { EntryReport, RunReport } from './schema.js';
import { successorsMarkdown } from './successors.js';

/** Markdown change report (`reports/latest.md`): a summary table, then one section per entry. */

const ICON: Record<EntryReport['status'], string> = { ok: '✅', stale: '⚠️', unreachable: '⛔' };
const badge = (l: Labels, status: EntryReport['status']) => `${ICON[status]} ${l.status[status]}`;

/** Scraped text must not turn into Markdown structure or HTML in the report. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

function stepLine(parts: StepPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : 'url' in part ? `<${part.url}>` : `\`${part.code}\``)).join('');
}

function nextStepsSection(entry: EntryReport, l: Labels): string[] {
  const steps = nextSteps(entry);
  if (steps.length === 0) return [];
  const lines = [`**${l.nextSteps}**`, ''];
  for (const step of steps) {
    const { parts, commands } = stepText(step, l.lang);
    lines.push(`- ${stepLine(parts)}`);
    if (commands.length > 0) lines.push('', codeBlock(commands.join('\n'), 'sh').replace(/^/gm, '  '), '');
  }
  return [...lines, ''];
}

function entrySection(entry: EntryReport, l: Labels): string {
  const lines = [`## ${escapeMarkdownInline(`${entry.department.name} (${entry.department.code})`)}: ${badge(l, entry.status)}`, ''];
  lines.push(l.entryLine(entry.id, frenchDate(entry.guideUpdated), entry.firstCheck ? null : entry.changedSinceLastRun), '');
  if (entry.reasons.length > 0) {
    lines.push(`**${l.reasons}**`, '');
    for (const reason of entry.reasons) lines.push(`- ${l.reason[reason.code]} (\`${reason.code}\`)${l.colon}${escapeMarkdownInline(reason.detail)}`);
    lines.push('');
  }
  lines.push(...nextStepsSection(entry, l));
  if (entry.facts.missing.length + entry.facts.added.length > 0) {
    lines.push(`| | ${l.factKindColumn.toLowerCase()} | ${l.factValueColumn} |`, '|---|---|---|');
    for (const fact of entry.facts.missing) lines.push(`| ${l.factMissing} | ${l.factKind[fact.kind]} | ${escapeMarkdownInline(factValue(l, fact.kind, fact.value))} |`);
    for (const fact of entry.facts.added) lines.push(`| ${l.factNewOnPage} | ${l.factKind[fact.kind]} | ${escapeMarkdownInline(factValue(l, fact.kind, fact.value))} |`);
    lines.push('');
  }
  for (const source of entry.sources) {
    const status = source.httpStatus === null ? source.outcome : `HTTP ${source.httpStatus}`;
    const mode = fetchMode(l, source);
    lines.push(`- ${l.citedUrl}${l.colon}<${source.url}> (${status}${mode === null ? '' : `, ${mode}`})`);
    if (source.finalUrl && source.finalUrl !== source.url.split('#')[0]) lines.push(`  - ${l.finalUrl}${l.colon}<${source.finalUrl}>`);
    lines.push(`  - ${l.pageDate}${l.colon}${source.pageUpdated ? frenchDate(source.pageUpdated) : l.notStated} (${l.guideDate.toLowerCase()}${l.colon}${frenchDate(entry.guideUpdated)})`);
    lines.push(...linkedLines(source, l, escapeMarkdownInline));
  }
  lines.push('');
  lines.push(...successorsMarkdown(entry, escapeMarkdownInline, l));
  for (const source of entry.sources) {
    if (source.diffFromBaseline) lines.push(l.diffAgainstBaseline(source.url), '', codeBlock(source.diffFromBaseline, 'diff'), '');
    lines.push(...documentDiffs(source, l, escapeMarkdownInline));
  }
  return lines.join('\n');
}

export function renderMarkdownReport(report: RunReport, lang: Lang = DEFAULT_LANG): string {
  const l = labelsFor(lang);
  const when = `${l.runFromTo(localDateTime(report.startedAt, lang), localDateTime(report.finishedAt, lang))} (${l.parisTime})`;
  const lines = [
    `# ${l.reportTitle}`,
    '',
    `${when}${l.colon}${l.runCounts(report.summary)}.`,
    '',
    `| ${l.tableEntry} | ${l.tableStatus} | ${l.tableReasons} | ${l.tableChanged} |`,
    '|---|---|---|---|',
    ...report.entries.map(
      (e) =>
        `| ${escapeMarkdownInline(`${e.department.name} (${e.department.code})`)} | ${badge(l, e.status)} | ${[...new Set(e.reasons.map((r) => l.reason[r.code]))].join(', ') || '—'} | ${e.firstCheck ? l.firstCheck : e.changedSinceLastRun ? l.yes : l.no} |`,
    ),
    '',
  ];
  if (report.warnings.length > 0) lines.push(`**${l.warnings}**`, '', ...report.warnings.map((w) => `- ${escapeMarkdownInline(w)}`), '');
  return [...lines, ...report.entries.map((entry) => entrySection(entry, l))].join('\n').trimEnd() + '\n';
}
