import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunReport } from './schema.js';

/**
 * `check --only 14` must not turn `latest.*` into a one-entry picture: the
 * checked entries replace theirs in the previous report, the others stay as
 * they were last seen. Without a readable previous report, the run's own is
 * the whole picture.
 */
export async function mergeWithLatest(reportsDir: string, run: RunReport): Promise<RunReport> {
  let previous: RunReport;
  try {
    const parsed = RunReport.safeParse(JSON.parse(await readFile(join(reportsDir, 'latest.json'), 'utf8')));
    if (!parsed.success) return run;
    previous = parsed.data;
  } catch {
    return run;
  }
  const checked = new Map(run.entries.map((entry) => [entry.id, entry]));
  const entries = previous.entries.map((entry) => checked.get(entry.id) ?? entry);
  for (const entry of run.entries) if (!previous.entries.some((e) => e.id === entry.id)) entries.push(entry);
  const summary = { ok: 0, stale: 0, unreachable: 0 };
  for (const entry of entries) summary[entry.status] += 1;
  return { ...run, guides: [...new Set([...previous.guides, ...run.guides])], summary, entries };
}
