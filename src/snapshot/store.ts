import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { promoteDocuments } from './documents.js';
import { EntryState, SnapshotMeta, type Snapshot } from './schema.js';

/**
 * Snapshots are plain files that diff well in git:
 *   snapshots/<entry>/state.json
 *   snapshots/<entry>/<source key>/{current,baseline}.{md,html,json}  (+ current.png for browser pages)
 * The `.json` meta is written last and holds the hashes of the other two, so a
 * half-written snapshot is detected as corrupt instead of trusted.
 */
export type Slot = 'current' | 'baseline';

export type SnapshotRead =
  | { kind: 'missing' }
  | { kind: 'found'; snapshot: Snapshot }
  | { kind: 'corrupt'; problem: string; movedTo: string };

export interface SnapshotStore {
  readonly root: string;
  read(entryId: string, key: string, slot: Slot): Promise<SnapshotRead>;
  write(entryId: string, key: string, slot: Slot, snapshot: Snapshot, screenshot?: Uint8Array | null): Promise<void>;
  /** Copies `current` over `baseline`: the editor reviewed it. */
  promote(entryId: string, key: string): Promise<boolean>;
  /** Entries that have a snapshot folder. */
  entryIds(): Promise<string[]>;
  sourceKeys(entryId: string): Promise<string[]>;
  readState(entryId: string): Promise<EntryState>;
  writeState(entryId: string, state: EntryState): Promise<void>;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const fileOf = (dir: string, slot: Slot, ext: 'md' | 'html' | 'json' | 'png') => join(dir, `${slot}.${ext}`);

async function readIfExists(path: string): Promise<string | null> {
  try {
    // Synchronous on purpose: a few small files per source; fs/promises costs four thread-pool trips
    // per file, and a run reading hundreds of them would delay its first request behind the queue.
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function subfolders(path: string): Promise<string[]> {
  try {
    const items = await readdir(path, { withFileTypes: true });
    return items.filter((item) => item.isDirectory()).map((item) => item.name).sort();
  } catch {
    return [];
  }
}

export function createFileSnapshotStore(root: string, now: () => Date = () => new Date()): SnapshotStore {
  const dirOf = (entryId: string, key: string) => join(root, entryId, key);

  /** Never overwrite silently: the bad files keep their content under a dated name. */
  async function moveAside(dir: string, slot: Slot): Promise<string> {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const moved = fileOf(dir, slot, 'json') + `.corrupt-${stamp}`;
    for (const ext of ['json', 'md', 'html'] as const) {
      const path = fileOf(dir, slot, ext);
      if (await exists(path)) await rename(path, `${path}.corrupt-${stamp}`);
    }
    return moved;
  }

  return {
    root,
    async read(entryId, key, slot) {
      const dir = dirOf(entryId, key);
      const rawMeta = await readIfExists(fileOf(dir, slot, 'json'));
      if (rawMeta === null) return { kind: 'missing' };
      const problem = await (async (): Promise<string | Snapshot> => {
        let json: unknown;
        try {
          json = JSON.parse(rawMeta);
        } catch (error) {
          return `not JSON (${(error as Error).message})`;
        }
        const meta = SnapshotMeta.safeParse(json);
        if (!meta.success) return `invalid metadata (${meta.error.issues[0]?.path.join('.')}: ${meta.error.issues[0]?.message})`;
        const text = await readIfExists(fileOf(dir, slot, 'md'));
        const html = await readIfExists(fileOf(dir, slot, 'html'));
        if (text === null || html === null) return 'text or HTML file missing';
        if (sha256(text) !== meta.data.sha256.text) return 'text does not match its recorded hash';
        if (sha256(html) !== meta.data.sha256.html) return 'HTML does not match its recorded hash';
        return { meta: meta.data, text, html };
      })();
      if (typeof problem !== 'string') return { kind: 'found', snapshot: problem };
      return { kind: 'corrupt', problem, movedTo: await moveAside(dir, slot) };
    },
    async write(entryId, key, slot, snapshot, screenshot) {
      const dir = dirOf(entryId, key);
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(fileOf(dir, slot, 'md'), snapshot.text);
      await writeFileAtomic(fileOf(dir, slot, 'html'), snapshot.html);
      if (screenshot) await writeFileAtomic(fileOf(dir, slot, 'png'), Buffer.from(screenshot));
      const meta: SnapshotMeta = {
        ...snapshot.meta,
        sha256: { text: sha256(snapshot.text), html: sha256(snapshot.html) },
        hasScreenshot: Boolean(screenshot),
      };
      await writeFileAtomic(fileOf(dir, slot, 'json'), JSON.stringify(meta, null, 2) + '\n');
    },
    async promote(entryId, key) {
      const dir = dirOf(entryId, key);
      if (!(await exists(fileOf(dir, 'current', 'json')))) return false;
      // Meta last, as in write(): it is what makes the baseline count.
      for (const ext of ['md', 'html', 'png', 'json'] as const) {
        const from = fileOf(dir, 'current', ext);
        if (!(await exists(from))) continue;
        const temp = `${fileOf(dir, 'baseline', ext)}.tmp-${process.pid}`;
        await copyFile(from, temp);
        await rename(temp, fileOf(dir, 'baseline', ext));
      }
      await promoteDocuments(dir);
      return true;
    },
    entryIds: () => subfolders(root),
    sourceKeys: (entryId) => subfolders(join(root, entryId)),
    async readState(entryId) {
      const raw = await readIfExists(join(root, entryId, 'state.json'));
      if (raw === null) return EntryState.parse({});
      try {
        return EntryState.parse(JSON.parse(raw));
      } catch {
        // A damaged counter only delays an unreachable issue by a run; keep the file for inspection.
        await rename(join(root, entryId, 'state.json'), join(root, entryId, `state.json.corrupt-${Date.now()}`));
        return EntryState.parse({});
      }
    },
    async writeState(entryId, state) {
      await mkdir(join(root, entryId), { recursive: true });
      await writeFileAtomic(join(root, entryId, 'state.json'), JSON.stringify(state, null, 2) + '\n');
    },
  };
}
