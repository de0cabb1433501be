import type { EntryReport } from '../schema.js';
import { escapeHtml } from './escape.js';

type Facts = EntryReport['facts'];
const keyOf = (fact: { kind: string; value: string }) => `${fact.kind}\u0000${fact.value}`;

/** Guide facts with whether the page still states them (missing in red), then facts only the page states (green). */
export function renderFactsTable(facts: Facts): string {
  const checkedKeys = new Set(facts.checked.map(keyOf));
  // A missing fact is normally also in `checked`; one that is not still has to show.
  const rows = [
    ...facts.checked.map((fact) => row(fact.kind, fact.value, fact.found ? 'found' : 'missing')),
    ...facts.missing.filter((fact) => !checkedKeys.has(keyOf(fact))).map((fact) => row(fact.kind, fact.value, 'missing')),
    ...facts.added.map((fact) => row(fact.kind, fact.value, 'added')),
  ];
  if (rows.length === 0) return '<p class="muted">No facts to compare.</p>';
  return (
    '<table class="facts"><thead><tr><th scope="col">Kind</th><th scope="col">The guide says</th><th scope="col">The page</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function row(kind: string, value: string, state: 'found' | 'missing' | 'added'): string {
  const text = escapeHtml(value);
  const cells =
    state === 'added'
      ? `<td class="muted">—</td><td>+ ${text}</td>` // stated by the page only
      : `<td>${text}</td><td>${state === 'found' ? '✓ states it' : '✗ not found'}</td>`;
  return `<tr class="fact-${state}"><td>${escapeHtml(kind)}</td>${cells}</tr>`;
}
