import type { Fact } from '../facts/fact.js';
import type { GuideEntry, GuideProblem } from './entry.js';

/** Compiler style, so editors and CI annotate the line: `file:line: message`. */
export function formatProblem(p: GuideProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

function factSummary(facts: Fact[]): string {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}${n > 1 ? 's' : ''}`).join(', ') || '-';
}

function subPrefectureCell(e: GuideEntry): string {
  const s = e.subPrefectures;
  if (s.handlesAes === 'some') return `some: ${s.handling.join(', ')}`;
  return `${s.handlesAes} (${s.names.length})`;
}

/** A plain-text table of entries, then notes on what needs a person's eye. */
export function formatGuideTable(entries: GuideEntry[]): string {
  const head = ['ID', 'PREFECTURE', 'UPDATED', 'CHANNELS', 'SUB-PREF. AES', 'SOURCES', 'FACTS'];
  const rows = entries.map((e) => [
    e.id,
    e.prefecture,
    e.updated,
    (e.channels.recognised.join('+') || '-') + (e.channels.unrecognised ? ' (?)' : ''),
    subPrefectureCell(e),
    String(e.sources.length),
    factSummary(e.facts),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const render = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  const lines = [render(head), ...rows.map(render)];
  const notes: string[] = [];
  for (const e of entries) {
    if (e.channels.unrecognised) notes.push(`${e.id}: channel wording not recognised: "${e.channels.wording}"`);
    for (const s of e.sources) {
      if (s.clientRoute) notes.push(`${e.id}: ${s.url} shows its content under ${s.clientRoute}, a client-side route (browser needed)`);
    }
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}
