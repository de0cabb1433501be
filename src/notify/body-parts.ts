import type { FactRef } from '../facts/fact.js';
import type { EntryReport, Reason, ReasonCode, SourceReport } from '../report/schema.js';
import { codeBlock, codeSpan, neutraliseText, safeLink } from './neutralise.js';

/** Section renderers for issue bodies. Every piece of scraped text goes through neutralise.ts. */

export const REASON_LABEL: Record<ReasonCode, string> = {
  'fact-missing': 'facts missing',
  'content-changed': 'content changed',
  'page-updated': 'page updated',
  'source-moved': 'source moved',
  'source-gone': 'source gone',
  'fetch-failed': 'fetch failed',
  'extraction-failed': 'extraction failed',
  'baseline-damaged': 'reviewed baseline damaged',
};

/** Caps that keep everything but the diffs well under the body limit, whatever a page holds. */
const MAX_REASONS = 20;
const MAX_FACTS = 40;
const MAX_SOURCES = 10;
const MAX_VALUE = 300;

function clip(text: string, max = MAX_VALUE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function more(count: number, shown: number): string[] {
  return count > shown ? [`- … and ${count - shown} more (see the run report)`] : [];
}

/** "2023-02-22" → "22/02/2023", as the guide prints it. */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function reasonsSection(reasons: Reason[]): string[] {
  if (reasons.length === 0) return [];
  const lines = reasons.slice(0, MAX_REASONS).map((reason) => {
    const label = REASON_LABEL[reason.code];
    const detail = reason.detail ? `: ${neutraliseText(clip(reason.detail))}` : '';
    const source = reason.sourceUrl ? ` (${safeLink(clip(reason.sourceUrl, 1000))})` : '';
    return `- **${label[0]?.toUpperCase()}${label.slice(1)}**${detail}${source}`;
  });
  return ['### Why', '', ...lines, ...more(reasons.length, MAX_REASONS), ''];
}

function factList(facts: FactRef[]): string[] {
  return [
    ...facts.slice(0, MAX_FACTS).map((f) => `- ${f.kind}: ${codeSpan(clip(f.value))}`),
    ...more(facts.length, MAX_FACTS),
  ];
}

export function factsSection(facts: EntryReport['facts']): string[] {
  if (facts.missing.length === 0 && facts.added.length === 0) return [];
  const lines = ['### Facts', ''];
  if (facts.missing.length > 0) {
    lines.push('Stated by the guide, no longer found on the page:', '', ...factList(facts.missing), '');
  }
  if (facts.added.length > 0) {
    lines.push('On the page, not in the guide:', '', ...factList(facts.added), '');
  }
  return lines;
}

export function datesSection(entry: EntryReport): string[] {
  const lines = ['### Dates', '', `- Guide, "Dernière mise à jour": ${neutraliseText(frenchDate(entry.guideUpdated))}`];
  for (const source of entry.sources.slice(0, MAX_SOURCES)) {
    if (!source.pageUpdated) continue;
    const newer = source.pageUpdated > entry.guideUpdated ? ' (newer than the guide)' : '';
    lines.push(
      `- Page, "Mis à jour le": ${neutraliseText(frenchDate(source.pageUpdated))}${newer}, ${safeLink(clip(source.url, 1000))}`,
    );
  }
  if (lines.length === 3) lines.push('- Page: no date found');
  return [...lines, ''];
}

function sourceLines(source: SourceReport): string[] {
  const status = source.httpStatus === null ? '' : `HTTP ${source.httpStatus}, `;
  const lines = [`- Cited: ${safeLink(clip(source.url, 1000))}`];
  if (source.finalUrl && source.finalUrl !== source.url) {
    lines.push(`  - Final URL: ${safeLink(clip(source.finalUrl, 1000))}`);
  }
  lines.push(`  - Outcome: ${status}${codeSpan(clip(source.outcome, 60))}`);
  for (const hop of source.redirects.slice(0, 5)) {
    lines.push(`  - Redirect: ${hop.status} from ${safeLink(clip(hop.url, 1000))}`);
  }
  if (source.title) lines.push(`  - Page title: ${neutraliseText(clip(source.title))}`);
  return lines;
}

export function sourcesSection(sources: SourceReport[]): string[] {
  return [
    '### Sources',
    '',
    ...sources.slice(0, MAX_SOURCES).flatMap(sourceLines),
    ...more(sources.length, MAX_SOURCES),
    '',
  ];
}

export function checklistSection(entry: EntryReport, kind: 'stale' | 'unreachable'): string[] {
  return [
    '### For the editor',
    '',
    ...(kind === 'unreachable' ? ['- [ ] Open the cited URL in a browser; if the page moved, find its new address'] : []),
    '- [ ] Update the guide entry in the GISTI guide (procedure, channel, addresses, date)',
    `- [ ] Update its text in this repository: ${codeSpan(clip(entry.guideFile))} (under \`data/guides/\`)`,
    `- [ ] Run ${codeSpan(`aes-watch accept ${entry.id}`)} to take the current page as the new reviewed baseline`,
    '',
  ];
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
