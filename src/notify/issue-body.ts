import { createHash } from 'node:crypto';
import { STALE_REASONS, type EntryReport } from '../report/schema.js';
import {
  checklistSection,
  datesSection,
  diffSection,
  factsSection,
  frenchDate,
  reasonLabel,
  reasonsSection,
  sourcesSection,
} from './body-parts.js';
import { DEFAULT_LANG, type Lang } from '../shared/lang.js';
import { issueLabelsFor, type IssueLabels } from './issue-labels.js';
import type { IssueDraft, IssueKind } from './issue-draft.js';
import { GITHUB_BODY_LIMIT, MARKER_ROOM } from './marker.js';
import { neutraliseText, neutraliseTitle } from './neutralise.js';
import { successorsSection } from './successors-section.js';
import { proposalSection } from './proposal-part.js';

export interface IssueLinks {
  /** The full run report (e.g. the Actions run page); null when not known. */
  reportUrl: string | null;
}

/** Longest body a draft may have: the marker goes after it. */
export const BODY_LIMIT = GITHUB_BODY_LIMIT - MARKER_ROOM;

function titleReason(entry: EntryReport, kind: IssueKind, l: IssueLabels): string {
  const wanted = kind === 'stale' ? STALE_REASONS : (['fetch-failed', 'extraction-failed'] as const);
  const codes = [...new Set(entry.reasons.map((r) => r.code).filter((c) => wanted.includes(c)))];
  if (codes.length === 0) return kind === 'stale' ? '' : ` (${reasonLabel(l, 'fetch-failed')})`;
  return ` (${codes.map((c) => reasonLabel(l, c)).join(', ')})`;
}

export function issueTitle(entry: EntryReport, kind: IssueKind, lang: Lang = DEFAULT_LANG): string {
  const l = issueLabelsFor(lang);
  const who = `${entry.department.name} (${entry.department.code})`;
  return neutraliseTitle(l.title(who, frenchDate(entry.guideUpdated), kind, titleReason(entry, kind, l)));
}

function intro(entry: EntryReport, kind: IssueKind, l: IssueLabels): string[] {
  const who = `**${neutraliseText(entry.department.name)} (${neutraliseText(entry.department.code)})**, ${neutraliseText(entry.prefecture)}`;
  const date = neutraliseText(frenchDate(entry.guideUpdated));
  return [
    kind === 'stale' ? l.introStale(who, date) : l.introUnreachable(who, date),
    '',
    `${l.entryId} \`${neutraliseText(entry.id)}\``,
    '',
  ];
}

/** The report URL comes from the CI environment, not a page: link it even on github.com. */
function reportLink(url: string, l: IssueLabels): string {
  try {
    return `[${l.runReport}](<${new URL(url).href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  } catch {
    return neutraliseText(url);
  }
}

/** The body, with the drafted guide section (stale entries) in the room the rest leaves. */
function render(entry: EntryReport, kind: IssueKind, links: IssueLinks, l: IssueLabels, withDraft = true): string {
  const drafted = kind === 'stale' && withDraft && entry.proposal ? entry.proposal : null;
  // The page diffs leave room for the draft: at most a third of the body.
  const reserve = drafted ? Math.min(drafted.diff.length + drafted.needsReview.join('').length + 1_000, Math.floor(BODY_LIMIT / 3)) : 0;
  const body = renderFacts(entry, kind, links, l, reserve);
  const tail = renderTail(entry, kind, links, l);
  if (!drafted || !body.endsWith(tail)) return body;
  const main = body.slice(0, body.length - tail.length).trimEnd();
  const where = links.reportUrl ? l.diffWhereLinked : l.diffWhereLocal;
  const draft = proposalSection(entry, BODY_LIMIT - body.length - 4, where, l).join('\n');
  return draft === '' ? body : `${main}\n\n${draft}\n${tail}`.trimEnd();
}

function renderTail(entry: EntryReport, kind: IssueKind, links: IssueLinks, l: IssueLabels): string {
  const report = links.reportUrl ? [`${l.fullRunReport} ${reportLink(links.reportUrl, l)}`, ''] : [];
  return [...checklistSection(entry, kind, l), ...report].join('\n').trimEnd();
}

function renderFacts(entry: EntryReport, kind: IssueKind, links: IssueLinks, l: IssueLabels, reserve: number): string {
  const head = [
    ...intro(entry, kind, l),
    ...reasonsSection(entry.reasons, l),
    ...(kind === 'stale' ? factsSection(entry.facts, l) : []),
    ...(kind === 'stale' ? datesSection(entry, l) : []),
    ...sourcesSection(entry.sources, l),
    ...successorsSection(entry, l),
  ].join('\n');
  const report = links.reportUrl ? [`${l.fullRunReport} ${reportLink(links.reportUrl, l)}`, ''] : [];
  const tail = [...checklistSection(entry, kind, l), ...report].join('\n');
  const diffed = kind === 'stale' ? entry.sources.filter((s) => s.diffFromBaseline) : [];
  if (diffed.length === 0) return `${head}\n${tail}`.trimEnd();

  const where = links.reportUrl ? l.diffWhereLinked : l.diffWhereLocal;
  const note = (shown: number, total: number) => l.diffCut(shown, total, where);
  const diffHeading = `${l.changesHeading}\n`;
  let room = BODY_LIMIT - reserve - head.length - tail.length - diffHeading.length - 8;
  const parts: string[] = [];
  diffed.forEach((source, i) => {
    const section = diffSection(source, Math.floor(room / (diffed.length - i)), note).join('\n');
    parts.push(section);
    room -= section.length + 1;
  });
  return `${head}\n${diffHeading}\n${parts.join('\n')}\n${tail}`.trimEnd();
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/**
 * The digest says when the editor has something new to read. Stale: the body
 * without the (per-run) report link. Unreachable: only what the outage is
 * about, so a flapping error (timeout one night, 502 the next) does not
 * comment every night.
 */
function draftDigest(entry: EntryReport, kind: IssueKind, title: string, l: IssueLabels): string {
  if (kind === 'unreachable') {
    return sha(JSON.stringify({ kind, id: entry.id, guide: entry.guideUpdated, urls: entry.sources.map((s) => s.url) }));
  }
  // Without the draft: its date is today's, so it would read as news every night.
  return sha(`${kind}\n${title}\n${render(entry, kind, { reportUrl: null }, l, false)}`);
}

/** The issue one entry would carry, in `lang` (French by default). Same input, byte-identical output. */
export function draftIssue(entry: EntryReport, kind: IssueKind, links: IssueLinks, lang: Lang = DEFAULT_LANG): IssueDraft {
  const l = issueLabelsFor(lang);
  const title = issueTitle(entry, kind, lang);
  return {
    identity: { entryId: entry.id, kind, guideUpdated: entry.guideUpdated },
    departmentCode: entry.department.code,
    title,
    body: render(entry, kind, links, l),
    digest: draftDigest(entry, kind, title, l),
  };
}
