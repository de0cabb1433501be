import type { GuideEntry, GuideProblem } from './entry.js';

/** Two sections for the same département: the later one is reported, the first kept. */
export function duplicateIds(entries: GuideEntry[]): GuideProblem[] {
  const seen = new Map<string, GuideEntry>();
  const problems: GuideProblem[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        file: entry.location.file,
        line: entry.location.line,
        message: `duplicate section for ${entry.id} (first at ${first.location.file}:${first.location.line})`,
        // Which of the two is right? Nothing is checked until one is removed.
        scope: 'file',
      });
    } else seen.set(entry.id, entry);
  }
  return problems;
}

/** The entries without later sections for the same département (`duplicateIds` reports them). */
export function firstPerId(entries: GuideEntry[]): GuideEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}
