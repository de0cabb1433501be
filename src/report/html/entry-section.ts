import type { EntryReport, SourceReport } from '../schema.js';
import { dateTag, escapeHtml, linkOrText } from './escape.js';
import { renderFactsTable } from './facts-table.js';
import { renderProposal } from './proposal.js';
import { renderWordDiff } from './word-diff.js';

export function badge(status: EntryReport['status']): string {
  return `<span class="badge badge-${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}

export function entryAnchor(entry: EntryReport): string {
  return `entry-${entry.id}`;
}

export function entryTitle(entry: EntryReport): string {
  return `${escapeHtml(entry.department.name)} (${escapeHtml(entry.department.code)}) — ${escapeHtml(entry.prefecture)}`;
}

/** One guide entry: why it has its verdict, what the page still states, and how its text moved. */
export function renderEntry(entry: EntryReport): string {
  const notes = [
    `guide <code>${escapeHtml(entry.guideFile)}</code>`,
    `guide updated ${dateTag(entry.guideUpdated)}`,
    entry.changedSinceLastRun ? '<strong>changed since the last run</strong>' : 'unchanged since the last run',
    entry.consecutiveFailures > 0 ? `${entry.consecutiveFailures} consecutive failed run(s)` : null,
  ].filter((note) => note !== null);
  return [
    `<section class="entry entry-${escapeHtml(entry.status)}" id="${escapeHtml(entryAnchor(entry))}" data-entry="${escapeHtml(entry.id)}">`,
    `<h2>${badge(entry.status)} <span>${entryTitle(entry)}</span></h2>`,
    `<p class="muted">${notes.join(' · ')}</p>`,
    '<h3>Reasons</h3>',
    renderReasons(entry),
    '<h3>Facts: guide and page</h3>',
    renderFactsTable(entry.facts),
    ...entry.sources.map((source, index) => renderSource(source, index, entry)),
    renderProposal(entry),
    '</section>',
  ].join('\n');
}

function renderReasons(entry: EntryReport): string {
  if (entry.reasons.length === 0) return '<p class="muted">None: the pages still say what the guide says.</p>';
  const items = entry.reasons.map((reason) => {
    const about = reason.sourceUrl === null ? '' : ` <span class="muted">(${linkOrText(reason.sourceUrl)})</span>`;
    return `<li><code>${escapeHtml(reason.code)}</code> ${escapeHtml(reason.detail)}${about}</li>`;
  });
  return `<ul class="reasons">${items.join('')}</ul>`;
}

function renderSource(source: SourceReport, index: number, entry: EntryReport): string {
  const rows: [string, string][] = [['Cited URL', linkOrText(source.url)]];
  if (source.finalUrl !== null && source.finalUrl !== source.url) rows.push(['Final URL', linkOrText(source.finalUrl)]);
  if (source.redirects.length > 0) {
    const hops = source.redirects.map((hop) => `<li>${escapeHtml(String(hop.status))} ${linkOrText(hop.url)}</li>`);
    rows.push(['Redirects', `<ol class="reasons">${hops.join('')}</ol>`]);
  }
  const status = source.httpStatus === null ? '' : ` (HTTP ${escapeHtml(String(source.httpStatus))})`;
  const mode = source.fetchedWith === null ? '' : `, fetched with ${escapeHtml(source.fetchedWith)}`;
  rows.push(['Outcome', `<code>${escapeHtml(source.outcome)}</code>${status}${mode}`]);
  if (source.title !== null) rows.push(['Page title', escapeHtml(source.title)]);
  rows.push(['Dates', renderDates(source.pageUpdated, entry.guideUpdated)]);
  if (source.snapshotPath !== null) rows.push(['Snapshot', `<code>${escapeHtml(source.snapshotPath)}</code>`]);
  const details = rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('');
  return [
    `<div class="source">`,
    `<h3>Source ${index + 1}</h3>`,
    `<dl class="source-facts">${details}</dl>`,
    '<h3>Procedure text since the reviewed baseline</h3>',
    '<p class="legend muted"><del>removed</del> <ins>added</ins></p>',
    renderWordDiff(source.baselineText, source.currentText, source.diffFromBaseline),
    '</div>',
  ].join('\n');
}

/** The page's own date beside the guide's: a page updated after the guide is the first thing to look at. */
function renderDates(pageUpdated: string | null, guideUpdated: string): string {
  const page =
    pageUpdated === null
      ? '<span class="muted">not stated</span>'
      : `${dateTag(pageUpdated)}${pageUpdated > guideUpdated ? ' <span class="newer">(after the guide)</span>' : ''}`;
  return `<span class="dates"><span>Page: ${page}</span><span>Guide: ${dateTag(guideUpdated)}</span></span>`;
}
