import type { IssueIdentity } from '../issue-draft.js';
import type { LabelSpec, Tracker } from './tracker.js';

export const BASE_LABEL = 'aes-watch';

export function labelsFor(identity: IssueIdentity, departmentCode: string): string[] {
  return [BASE_LABEL, identity.kind, `dept:${departmentCode}`];
}

function specOf(name: string): LabelSpec {
  if (name === BASE_LABEL) return { name, color: '1d76db', description: 'Opened by aes-watch' };
  if (name === 'stale') return { name, color: 'd93f0b', description: 'aes-watch: guide entry no longer matches its source' };
  if (name === 'unreachable') return { name, color: 'fbca04', description: 'aes-watch: source could not be fetched' };
  return { name, color: 'c5def5', description: `aes-watch: département ${name.slice('dept:'.length)}` };
}

/** Label names compare case-insensitively on GitHub. */
export const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Creates missing repository labels, listing them once per run and only when
 * a write needs labels, so a quiet run makes no label calls at all.
 */
export function labelKeeper(tracker: Tracker) {
  let known: Promise<string[]> | null = null;
  return async function ensure(names: string[]): Promise<void> {
    known ??= tracker.listLabels();
    const existing = await known;
    for (const name of names) {
      if (existing.some((e) => sameLabel(e, name))) continue;
      await tracker.createLabel(specOf(name));
      existing.push(name);
    }
  };
}
