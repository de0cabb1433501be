import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GuideEntry } from '../guide/entry.js';
import { RunReport } from '../report/schema.js';
import { acquireRunLock, lockPathFor, type RunLock } from '../schedule/lock.js';
import { namesEntry } from '../sources/select.js';
import { sourceKey } from '../sources/source.js';
import { recoverStore } from '../snapshot/staging.js';
import { createFileSnapshotStore } from '../snapshot/store.js';

/**
 * `accept`: the editor reviewed a change, so the current snapshot becomes the
 * reviewed baseline. Only sources the guide still cites, and whose page
 * answered last run: accepting a gone or failing page would only hide it.
 */
export type SourceDecision =
  | { kind: 'accepted'; key: string; url: string }
  /** The page answered 404/410 or sends to the home page: the guide must cite another page. */
  | { kind: 'refused-gone'; key: string; url: string }
  /** Its last fetch failed: the current snapshot is older than what the page says now. */
  | { kind: 'refused-failing'; key: string; url: string }
  /** A snapshot folder for a URL the guide no longer cites: never accepted, even with --force. */
  | { kind: 'not-cited'; key: string; url: string | null }
  /** Cited, but never fetched successfully: nothing to accept. */
  | { kind: 'no-snapshot'; key: string; url: string };

export type AcceptResult =
  | { kind: 'done'; entries: { entryId: string; decisions: SourceDecision[] }[] }
  | { kind: 'unknown'; names: string[] }
  | { kind: 'locked'; owner: Extract<RunLock, { kind: 'held' }>['owner'] };

export interface AcceptRequest {
  snapshotsDir: string;
  names: string[] | 'all';
  /** The guide as it is now: what it cites decides what may be accepted. */
  entries: GuideEntry[];
  /** Accept gone and failing sources too. */
  force: boolean;
}

export async function acceptSnapshots(request: AcceptRequest): Promise<AcceptResult> {
  const store = createFileSnapshotStore(request.snapshotsDir);
  const stored = await store.entryIds();
  const { names } = request;
  if (names !== 'all') {
    const unknown = names.filter((name) => !stored.some((id) => namesEntry(id, name)));
    if (unknown.length > 0) return { kind: 'unknown', names: unknown };
  }
  const wanted = names === 'all' ? stored : stored.filter((id) => names.some((name) => namesEntry(id, name)));
  const lock = await acquireRunLock(lockPathFor(request.snapshotsDir), { wait: false });
  if (lock.kind === 'held') return { kind: 'locked', owner: lock.owner };
  try {
    // A check killed while committing left its changes half in place: finish them first.
    await recoverStore(request.snapshotsDir);
    const entries = [];
    for (const entryId of wanted) {
      const cited = new Map((request.entries.find((e) => e.id === entryId)?.sources ?? []).map((s) => [sourceKey(s.url), s.url]));
      const { state } = await store.readState(entryId);
      const decisions: SourceDecision[] = [];
      for (const key of await store.sourceKeys(entryId)) {
        const url = cited.get(key);
        if (url === undefined) {
          const read = await store.read(entryId, key, 'current');
          decisions.push({ kind: 'not-cited', key, url: read.kind === 'found' ? read.snapshot.meta.url : null });
          continue;
        }
        cited.delete(key);
        if (!request.force && state.sources?.[url]?.startsWith('gone ')) decisions.push({ kind: 'refused-gone', key, url });
        else if (!request.force && state.failing?.includes(url)) decisions.push({ kind: 'refused-failing', key, url });
        else if (await store.promote(entryId, key)) decisions.push({ kind: 'accepted', key, url });
        else decisions.push({ kind: 'no-snapshot', key, url });
      }
      for (const [key, url] of cited) decisions.push({ kind: 'no-snapshot', key, url });
      entries.push({ entryId, decisions });
    }
    return { kind: 'done', entries };
  } finally {
    await lock.release();
  }
}

/** The guide paths `reports/latest.json` says the last check read; null when there is no readable report. */
export async function guidesOfLastCheck(reportsDir: string): Promise<string[] | null> {
  try {
    const parsed = RunReport.safeParse(JSON.parse(await readFile(join(reportsDir, 'latest.json'), 'utf8')));
    return parsed.success && parsed.data.guides.length > 0 ? parsed.data.guides : null;
  } catch {
    return null;
  }
}
