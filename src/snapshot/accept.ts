import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireRunLock } from '../schedule/lock.js';
import { createFileSnapshotStore } from './store.js';

export type AcceptResult =
  | { kind: 'accepted'; accepted: { entryId: string; sources: number }[] }
  | { kind: 'unknown'; names: string[] }
  | { kind: 'locked'; pid: number };

async function entryIds(root: string): Promise<string[]> {
  try {
    const items = await readdir(root, { withFileTypes: true });
    return items.filter((item) => item.isDirectory()).map((item) => item.name).sort();
  } catch {
    return [];
  }
}

/** Promotes `current` to `baseline` for the named entries (ids or département codes). */
export async function acceptSnapshots(root: string, names: string[] | 'all'): Promise<AcceptResult> {
  const known = await entryIds(root);
  const matches = (id: string, name: string) => id === name.toLowerCase() || id.startsWith(`${name.toUpperCase()}-`);
  const wanted = names === 'all' ? known : known.filter((id) => names.some((name) => matches(id, name)));
  if (names !== 'all') {
    const unknown = names.filter((name) => !known.some((id) => matches(id, name)));
    if (unknown.length > 0) return { kind: 'unknown', names: unknown };
  }
  const lock = await acquireRunLock(join(root, '.aes-watch.lock'), { wait: false });
  if (lock.kind === 'held') return { kind: 'locked', pid: lock.owner.pid };
  try {
    const store = createFileSnapshotStore(root);
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
