import type { GuideEntry } from '../guide/entry.js';

export type Selection = { kind: 'selected'; entries: GuideEntry[] } | { kind: 'unknown'; names: string[] };

/** `--only 14,50-manche`: entry ids or département codes; every name must match something. */
export function selectEntries(entries: GuideEntry[], only: string[]): Selection {
  const names = only.flatMap((item) => item.split(',')).map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) return { kind: 'selected', entries };
  const matches = (entry: GuideEntry, name: string) => namesEntry(entry.id, name);
  const unknown = names.filter((name) => !entries.some((entry) => matches(entry, name)));
  if (unknown.length > 0) return { kind: 'unknown', names: unknown };
  return { kind: 'selected', entries: entries.filter((entry) => names.some((name) => matches(entry, name))) };
}

/** Whether `name` (an entry id, or a département code) names the entry `id`: ids start with their code. */
export function namesEntry(id: string, name: string): boolean {
  return id === name.toLowerCase() || id.startsWith(`${name.toUpperCase()}-`);
}
