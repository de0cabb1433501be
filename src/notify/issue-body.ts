import { STALE_REASONS, type EntryReport } from '../report/schema.js';
import {
  checklistSection,
  datesSection,
  diffSection,
  factsSection,
  frenchDate,
  REASON_LABEL,
  reasonsSection,
  sourcesSection,
} from './body-parts.js';
import { findingsDigest } from './findings.js';
import type { IssueDraft, IssueKind } from './issue-draft.js';
import { GITHUB_BODY_LIMIT, MARKER_ROOM } from './marker.js';
import { neutraliseText, neutraliseTitle } from './neutralise.js';

export interface IssueLinks {
  /** The full run report (e.g. the Actions run page); null when not known. */
  reportUrl: string | null;
}

/** Longest body a draft may have: the marker goes after it. */
export const BODY_LIMIT = GITHUB_BODY_LIMIT - MARKER_ROOM;

function titleReason(entry: EntryReport, kind: IssueKind): string {
  const wanted = kind === 'stale' ? STALE_REASONS : (['fetch-failed', 'extraction-failed'] as const);
  const codes = [...new Set(entry.reasons.map((r) => r.code).filter((c) => wanted.includes(c)))];
  if (codes.length === 0) return kind === 'stale' ? '' : ' (fetch failed)';
  return ` (${codes.map((c) => REASON_LABEL[c]).join(', ')})`;
}

export function issueTitle(entry: EntryReport, kind: IssueKind): string {
  const verdict = kind === 'stale' ? 'is stale' : 'is unreachable';
  return neutraliseTitle(
    `${entry.department.name} (${entry.department.code}): guide entry of ${frenchDate(entry.guideUpdated)} ${verdict}${titleReason(entry, kind)}`,
  );
}

function intro(entry: EntryReport, kind: IssueKind): string[] {
  const who = `**${neutraliseText(entry.department.name)} (${neutraliseText(entry.department.code)})**, ${neutraliseText(entry.prefecture)}`;
  const what =
    kind === 'stale'
      ? 'no longer matches the official page it cites.'
      : 'could not be checked: every source it cites failed to fetch or extract in several consecutive runs. The details below are from when this issue was opened or last updated.';
  return [
    `The guide entry for ${who}, dated ${neutraliseText(frenchDate(entry.guideUpdated))}, ${what}`,
    '',
    `Entry id: \`${neutraliseText(entry.id)}\``,
    '',
  ];
}

/** The report URL comes from the CI environment, not a page: link it even on github.com. */
function reportLink(url: string): string {
  try {
    return `[run report](<${new URL(url).href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  } catch {
    return neutraliseText(url);
  }
}

function render(entry: EntryReport, kind: IssueKind, links: IssueLinks): string {
  const head = [
    ...intro(entry, kind),
    ...reasonsSection(entry.reasons, kind),
    ...(kind === 'stale' ? factsSection(entry.facts) : []),
    ...(kind === 'stale' ? datesSection(entry) : []),
    ...sourcesSection(entry.sources, kind),
  ].join('\n');
  const report = links.reportUrl ? [`Full run report: ${reportLink(links.reportUrl)}`, ''] : [];
  const tail = [...checklistSection(entry, kind), ...report].join('\n');
  const diffed = kind === 'stale' ? entry.sources.filter((s) => s.diffFromBaseline) : [];
  if (diffed.length === 0) return `${head}\n${tail}`.trimEnd();

  const where = links.reportUrl ? 'the full run report linked below' : 'the run report (`latest.json`)';
  const note = (shown: number, total: number) =>
    `_Diff cut to fit the issue: ${shown} of ${total} lines shown. The full diff is in ${where}._`;
  const diffHeading = '### Changes since the reviewed snapshot\n';
  let room = BODY_LIMIT - head.length - tail.length - diffHeading.length - 8;
  const parts: string[] = [];
  diffed.forEach((source, i) => {
    const section = diffSection(source, Math.floor(room / (diffed.length - i)), note).join('\n');
    parts.push(section);
    room -= section.length + 1;
  });
  return `${head}\n${diffHeading}\n${parts.join('\n')}\n${tail}`.trimEnd();
}

/** The issue one entry would carry. Same input, byte-identical output. */
export function draftIssue(entry: EntryReport, kind: IssueKind, links: IssueLinks): IssueDraft {
  const title = issueTitle(entry, kind);
  return {
    identity: { entryId: entry.id, kind, guideUpdated: entry.guideUpdated },
    departmentCode: entry.department.code,
    title,
    body: render(entry, kind, links),
    digest: findingsDigest(entry, kind),
  };
}
