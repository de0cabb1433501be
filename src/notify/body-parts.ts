import type { FactRef } from '../facts/fact-ref.js';
import { factValue } from '../report/labels.js';
import { frenchDate } from '../report/local-time.js';
import { nextSteps, stepText } from '../report/next-steps.js';
import type { EntryReport, Reason, ReasonCode, SourceReport } from '../report/schema.js';
import { FAILURE_REASONS } from './findings.js';
import type { IssueKind } from './issue-draft.js';
import type { IssueLabels } from './issue-labels.js';
import { codeBlock, codeSpan, neutraliseText, safeLink } from './neutralise.js';

export { frenchDate };

/** Section renderers for issue bodies. Every piece of scraped text goes through neutralise.ts. */

export function reasonLabel(l: IssueLabels, code: ReasonCode): string {
  return l.report.reason[code];
}

/** Caps that keep everything but the diffs well under the body limit, whatever a page holds. */
const MAX_REASONS = 20;
const MAX_FACTS = 40;
const MAX_SOURCES = 10;
const MAX_VALUE = 300;

function clip(text: string, max = MAX_VALUE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function more(l: IssueLabels, count: number, shown: number): string[] {
  return count > shown ? [l.more(count - shown)] : [];
}

/**
 * A failure's detail (timeout, HTTP 502...) changes from night to night for
 * the same finding: only an unreachable issue, which is about the failure,
 * shows it (as of when it was opened or last updated).
 */
const showDetail = (reason: Reason, kind: IssueKind) => kind === 'unreachable' || !FAILURE_REASONS.includes(reason.code);

export function reasonsSection(reasons: Reason[], l: IssueLabels, kind: IssueKind): string[] {
  if (reasons.length === 0) return [];
  const lines = reasons.slice(0, MAX_REASONS).map((reason) => {
    const label = reasonLabel(l, reason.code);
    const detail = reason.detail && showDetail(reason, kind) ? `${l.report.colon}${neutraliseText(clip(reason.detail))}` : '';
    const source = reason.sourceUrl ? ` (${safeLink(clip(reason.sourceUrl, 1000))})` : '';
    return `- **${label[0]?.toUpperCase()}${label.slice(1)}**${detail}${source}`;
  });
  return [l.why, '', ...lines, ...more(l, reasons.length, MAX_REASONS), ''];
}

function factList(facts: FactRef[], l: IssueLabels): string[] {
  return [
    ...facts.slice(0, MAX_FACTS).map((f) => `- ${l.report.factKind[f.kind]}${l.report.colon}${codeSpan(clip(factValue(l.report, f.kind, f.value)))}`),
    ...more(l, facts.length, MAX_FACTS),
  ];
}

export function factsSection(facts: EntryReport['facts'], l: IssueLabels): string[] {
  if (facts.missing.length === 0 && facts.added.length === 0) return [];
  const lines = [l.facts, ''];
  if (facts.missing.length > 0) {
    lines.push(l.factsMissing, '', ...factList(facts.missing, l), '');
  }
  if (facts.added.length > 0) {
    lines.push(l.factsAdded, '', ...factList(facts.added, l), '');
  }
  return lines;
}

export function datesSection(entry: EntryReport, l: IssueLabels): string[] {
  const lines = ['### Dates', '', l.guideDateLine(neutraliseText(frenchDate(entry.guideUpdated)))];
  for (const source of entry.sources.slice(0, MAX_SOURCES)) {
    if (!source.pageUpdated) continue;
    const newer = source.pageUpdated > entry.guideUpdated;
    lines.push(`${l.pageDateLine(neutraliseText(frenchDate(source.pageUpdated)), newer)}, ${safeLink(clip(source.url, 1000))}`);
  }
  if (lines.length === 3) lines.push(l.noPageDate);
  return [...lines, ''];
}

/** How a page answered is not a finding (200 or 304, HTTP or browser): only a gone or failed source says it. */
function outcomeLine(source: SourceReport, l: IssueLabels, kind: IssueKind): string[] {
  if (source.outcome === 'fetched') return [];
  if (source.outcome !== 'gone' && kind === 'stale') return [`  - ${l.outcome} ${l.notFetchedThisRun}`];
  const status = source.httpStatus === null ? '' : `HTTP ${source.httpStatus}, `;
  return [`  - ${l.outcome} ${status}${codeSpan(clip(source.outcome, 60))}`];
}

function sourceLines(source: SourceReport, l: IssueLabels, kind: IssueKind): string[] {
  const lines = [`- ${l.cited} ${safeLink(clip(source.url, 1000))}`];
  if (source.finalUrl && source.finalUrl !== source.url) {
    lines.push(`  - ${l.finalUrl} ${safeLink(clip(source.finalUrl, 1000))}`);
  }
  lines.push(...outcomeLine(source, l, kind));
  for (const hop of source.redirects.slice(0, 5)) {
    lines.push(`  - ${l.redirect(hop.status)} ${safeLink(clip(hop.url, 1000))}`);
  }
  if (source.title) lines.push(`  - ${l.pageTitle} ${neutraliseText(clip(source.title))}`);
  return lines;
}

export function sourcesSection(sources: SourceReport[], l: IssueLabels, kind: IssueKind): string[] {
  return [
    l.sources,
    '',
    ...sources.slice(0, MAX_SOURCES).flatMap((source) => sourceLines(source, l, kind)),
    ...more(l, sources.length, MAX_SOURCES),
    '',
  ];
}

/** What to do, by reason: `accept` only where the page answers and its text changed (see report/next-steps.ts). */
export function checklistSection(entry: EntryReport, kind: 'stale' | 'unreachable', l: IssueLabels): string[] {
  const steps = nextSteps(entry).map((step) => {
    const { parts, commands } = stepText(step, l.report.lang);
    // The prose is ours (entry ids and guide paths are validated); URLs and paths are the parts to guard.
    const prose = parts
      .map((part) => (typeof part === 'string' ? part : 'url' in part ? safeLink(clip(part.url, 1000)) : codeSpan(clip(part.code))))
      .join('');
    return `- [ ] ${prose}${commands.length > 0 ? ` ${commands.map((command) => codeSpan(command)).join(', ')}` : ''}`;
  });
  return [l.forTheEditor, '', ...(kind === 'stale' ? [`- [ ] ${l.updateGisti}`] : []), ...steps, ''];
}

/**
 * One source's diff, cut at a line boundary so the section fits `budget`
 * characters; `note(shown, total)` says where the full diff is.
 */
export function diffSection(
  source: SourceReport,
  budget: number,
  note: (shown: number, total: number) => string,
): string[] {
  const diff = source.diffFromBaseline ?? '';
  const heading = `#### ${safeLink(clip(source.url, 1000))}`;
  const lines = diff.replace(/\n$/, '').split('\n');
  const full = `${heading}\n\n${codeBlock(diff, 'diff')}\n`;
  if (full.length <= budget) return [heading, '', codeBlock(diff, 'diff'), ''];
  const fence = Math.max(3, (diff.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length + 1), 0));
  const fixed = heading.length + 2 + note(lines.length, lines.length).length + 2 * fence + 16;
  let room = budget - fixed;
  const shown: string[] = [];
  for (const line of lines) {
    if (line.length + 1 > room) {
      // A single huge (minified) line: show its start rather than nothing.
      if (shown.length === 0 && room > 80) shown.push(`${line.slice(0, room - 2)}…`);
      break;
    }
    shown.push(line);
    room -= line.length + 1;
  }
  const block = shown.length > 0 ? [codeBlock(shown.join('\n'), 'diff'), ''] : [];
  return [heading, '', ...block, note(shown.length, lines.length), ''];
}
