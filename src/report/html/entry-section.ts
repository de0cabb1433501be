import { fetchMode, type Labels } from '../labels.js';
import { nextSteps, stepText } from '../next-steps.js';
import type { EntryReport, SourceReport } from '../schema.js';
import { dateTag, escapeHtml, linkOrText } from './escape.js';
import { renderFactsTable } from './facts-table.js';
import { renderSuccessors } from './successors.js';
import { renderProposal } from './proposal.js';
import { renderLinked } from './linked-section.js';
import { renderWordDiff } from './word-diff.js';

export function badge(status: EntryReport['status'], labels: Labels): string {
  return `<span class="badge badge-${escapeHtml(status)}" data-status="${escapeHtml(status)}">${escapeHtml(labels.status[status])}</span>`;
}

export function entryAnchor(entry: EntryReport): string {
  return `entry-${entry.id}`;
}

export function entryTitle(entry: EntryReport): string {
  return `${escapeHtml(entry.department.name)} (${escapeHtml(entry.department.code)}) — ${escapeHtml(entry.prefecture)}`;
}

/** One guide entry: why it has its verdict, what to do, what the page still states, and how its text moved. */
export function renderEntry(entry: EntryReport, l: Labels): string {
  const notes = [
    `${l.guideFile} <code>${escapeHtml(entry.guideFile)}</code>`,
    l.guideUpdated(dateTag(entry.guideUpdated)),
    entry.firstCheck ? escapeHtml(l.firstCheck) : entry.changedSinceLastRun ? `<strong>${escapeHtml(l.changedSinceLastRun)}</strong>` : escapeHtml(l.unchangedSinceLastRun),
    entry.consecutiveFailures > 0 ? escapeHtml(l.consecutiveFailures(entry.consecutiveFailures)) : null,
  ].filter((note) => note !== null);
  return [
    `<section class="entry entry-${escapeHtml(entry.status)}" id="${escapeHtml(entryAnchor(entry))}" data-entry="${escapeHtml(entry.id)}">`,
    `<h2>${badge(entry.status, l)} <span>${entryTitle(entry)}</span></h2>`,
    `<p class="muted">${notes.join(' · ')}</p>`,
    `<h3>${escapeHtml(l.reasons)}</h3>`,
    renderReasons(entry, l),
    renderSuccessors(entry, l),
    renderNextSteps(entry, l),
    `<h3>${escapeHtml(l.factsHeading)}</h3>`,
    renderFactsTable(entry.facts, l),
    ...entry.sources.map((source, index) => renderSource(source, index, entry, l)),
    renderProposal(entry, l),
    '</section>',
  ].join('\n');
}

function renderReasons(entry: EntryReport, l: Labels): string {
  if (entry.reasons.length === 0) return `<p class="muted">${escapeHtml(l.noReasons)}</p>`;
  const items = entry.reasons.map((reason) => {
    const about = reason.sourceUrl === null ? '' : ` <span class="muted">(${linkOrText(reason.sourceUrl)})</span>`;
    return `<li><strong>${escapeHtml(l.reason[reason.code])}</strong> <code>${escapeHtml(reason.code)}</code> ${escapeHtml(reason.detail)}${about}</li>`;
  });
  return `<ul class="reasons">${items.join('')}</ul>`;
}

function renderNextSteps(entry: EntryReport, l: Labels): string {
  const steps = nextSteps(entry);
  if (steps.length === 0) return '';
  const items = steps.map((step) => {
    const { parts, commands } = stepText(step, l.lang);
    const prose = parts
      .map((part) => (typeof part === 'string' ? escapeHtml(part) : 'url' in part ? linkOrText(part.url) : `<code>${escapeHtml(part.code)}</code>`))
      .join('');
    const block = commands.length > 0 ? `<pre class="commands"><code>${escapeHtml(commands.join('\n'))}</code></pre>` : '';
    return `<li>${prose}${block}</li>`;
  });
  return `<h3>${escapeHtml(l.nextSteps)}</h3>\n<ul class="next-steps">${items.join('')}</ul>`;
}

function renderSource(source: SourceReport, index: number, entry: EntryReport, l: Labels): string {
  const rows: [string, string][] = [[l.citedUrl, linkOrText(source.url)]];
  if (source.finalUrl !== null && source.finalUrl !== source.url) rows.push([l.finalUrl, linkOrText(source.finalUrl)]);
  if (source.redirects.length > 0) {
    const hops = source.redirects.map((hop) => `<li>${escapeHtml(String(hop.status))} ${linkOrText(hop.url)}</li>`);
    rows.push([l.redirects, `<ol class="reasons">${hops.join('')}</ol>`]);
  }
  const status = source.httpStatus === null ? '' : ` (HTTP ${escapeHtml(String(source.httpStatus))})`;
  const fetched = fetchMode(l, source);
  const mode = fetched === null ? '' : `, ${escapeHtml(fetched)}`;
  rows.push([l.outcome, `<code>${escapeHtml(source.outcome)}</code>${status}${mode}`]);
  if (source.title !== null) rows.push([l.pageTitle, escapeHtml(source.title)]);
  rows.push([l.dates, renderDates(source.pageUpdated, entry.guideUpdated, l)]);
  if (source.snapshotPath !== null) rows.push([l.snapshot, `<code>${escapeHtml(source.snapshotPath)}</code>`]);
  const details = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('');
  return [
    `<div class="source">`,
    `<h3>${escapeHtml(l.source(index + 1))}</h3>`,
    `<dl class="source-facts">${details}</dl>`,
    `<h3>${escapeHtml(l.textSinceBaseline)}</h3>`,
    `<p class="legend muted"><del>${escapeHtml(l.removed)}</del> <ins>${escapeHtml(l.added)}</ins></p>`,
    renderWordDiff(source.baselineText, source.currentText, source.diffFromBaseline, l),
    renderLinked(source, l),
    '</div>',
  ].join('\n');
}

/** The page's own date beside the guide's: a page updated after the guide is the first thing to look at. */
function renderDates(pageUpdated: string | null, guideUpdated: string, l: Labels): string {
  const page =
    pageUpdated === null
      ? `<span class="muted">${escapeHtml(l.notStated)}</span>`
      : `${dateTag(pageUpdated)}${pageUpdated > guideUpdated ? ` <span class="newer">${escapeHtml(l.afterTheGuide)}</span>` : ''}`;
  return `<span class="dates"><span>${escapeHtml(l.pageDate)}${l.colon}${page}</span><span>${escapeHtml(l.guideDate)}${l.colon}${dateTag(guideUpdated)}</span></span>`;
}
