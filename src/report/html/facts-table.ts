import { factValue, type Labels } from '../labels.js';
import type { EntryReport } from '../schema.js';
import { escapeHtml } from './escape.js';

type Facts = EntryReport['facts'];
const keyOf = (fact: { kind: string; value: string }) => `${fact.kind}\u0000${fact.value}`;

/** Guide facts with whether the page still states them (missing in red), then facts only the page states (green). */
export function renderFactsTable(facts: Facts, l: Labels): string {
  const checkedKeys = new Set(facts.checked.map(keyOf));
  // A missing fact is normally also in `checked`; one that is not still has to show.
  const rows = [
    ...facts.checked.map((fact) => row(l, fact.kind, fact.value, fact.found ? 'found' : 'missing')),
    ...facts.missing.filter((fact) => !checkedKeys.has(keyOf(fact))).map((fact) => row(l, fact.kind, fact.value, 'missing')),
    ...facts.added.map((fact) => row(l, fact.kind, fact.value, 'added')),
  ];
  if (rows.length === 0) return `<p class="muted">${escapeHtml(l.noFacts)}</p>`;
  const heads = [l.factKindColumn, l.factGuideColumn, l.factPageColumn].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return (
    `<table class="facts"><thead><tr>${heads}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function row(l: Labels, kind: Facts['checked'][number]['kind'], value: string, state: 'found' | 'missing' | 'added'): string {
  const text = escapeHtml(factValue(l, kind, value));
  const cells =
    state === 'added'
      ? `<td class="muted">—</td><td>+ ${text}</td>` // stated by the page only
      : `<td>${text}</td><td>${escapeHtml(state === 'found' ? l.factFound : l.factNotFound)}</td>`;
  return `<tr class="fact-${state}"><td>${escapeHtml(l.factKind[kind])}</td>${cells}</tr>`;
}
