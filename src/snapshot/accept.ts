import { acquireRunLock, lockPathFor } from '../schedule/lock.js';
import { namesEntry } from '../sources/select.js';
import { recoverStore } from './staging.js';
import { createFileSnapshotStore } from './store.js';

export type AcceptResult =
  | { kind: 'accepted'; accepted: { entryId: string; sources: number }[] }
  | { kind: 'unknown'; names: string[] }
  | { kind: 'locked'; pid: number };

/** Promotes `current` to `baseline` for the named entries (ids or département codes). */
export async function acceptSnapshots(root: string, names: string[] | 'all'): Promise<AcceptResult> {
  const store = createFileSnapshotStore(root);
  const known = await store.entryIds();
  const wanted = names === 'all' ? known : known.filter((id) => names.some((name) => namesEntry(id, name)));
  if (names !== 'all') {
    const unknown = names.filter((name) => !known.some((id) => namesEntry(id, name)));
    if (unknown.length > 0) return { kind: 'unknown', names: unknown };
  }
  const lock = await acquireRunLock(lockPathFor(root), { wait: false });
  if (lock.kind === 'held') return { kind: 'locked', pid: lock.owner.pid };
  try {
    await recoverStore(root);
    const accepted = [];
    for (const entryId of wanted) {
      let sources = 0;
      for (const key of await store.sourceKeys(entryId)) if (await store.promote(entryId, key)) sources += 1;
      if (sources > 0) accepted.push({ entryId, sources });
    }
    return { kind: 'accepted', accepted };
  } finally {
    await lock.release();
  }
}
