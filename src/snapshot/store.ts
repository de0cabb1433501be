import callbackFs, { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../shared/hash.js';
import { documentKeysIn, dropCurrentDocument, moveAsideDocument, promoteDocuments, readStoredDocument, writeStoredDocument, type DocumentShelf } from './documents.js';
import { EntryState, SnapshotMeta, type Slot, type Snapshot, type SnapshotText } from './schema.js';
import { StoreTransaction, type StoreFs } from './staging.js';

/**
 * Snapshots are plain files that diff well in git:
 *   snapshots/<entry>/state.json
 *   snapshots/<entry>/<source key>/{current,baseline}.{md,html,json}  (+ .png for browser pages)
 * The `.json` meta holds the hashes of the others, so files that do not belong
 * together are detected as damaged instead of trusted. Every change goes
 * through a StoreTransaction: a run's files land all at once, or not at all.
 */
export type { Slot } from './schema.js';

export type SnapshotRead =
  | { kind: 'missing' }
  | { kind: 'found'; snapshot: Snapshot; screenshot: Buffer | null }
  /** The slot's files were moved aside as `<name>.damaged-<time>`; never deleted. */
  | { kind: 'damaged'; problem: string; movedTo: string[] }
  /** No slot, but damaged files of it were moved aside on an earlier run (a baseline waits for `accept`). */
  | { kind: 'set-aside'; movedTo: string[] };

/** `read` without the raw HTML and the screenshot, which a night that reuses what it stored never opens. */
export type SnapshotTextRead = Exclude<SnapshotRead, { kind: 'found' }> | { kind: 'found'; snapshot: SnapshotText };

export type StateRead = {
  state: EntryState;
  damaged: { problem: string; movedTo: string[] } | null;
  /** Whether the entry had a state file (damaged or not): every check leaves one, so none means a first check. */
  stored: boolean;
};

export interface SnapshotStore {
  readonly root: string;
  read(entryId: string, key: string, slot: Slot): Promise<SnapshotRead>;
  /** Checks the slot as `read` does, except the HTML and screenshot against their hashes: they are not opened. */
  readText(entryId: string, key: string, slot: Slot): Promise<SnapshotTextRead>;
  write(entryId: string, key: string, slot: Slot, snapshot: Snapshot, screenshot?: Uint8Array | null): Promise<void>;
  /** Copies `current` over `baseline`: the editor reviewed it. False when there is no usable `current`. */
  promote(entryId: string, key: string): Promise<boolean>;
  /** Entries that have a snapshot folder. */
  entryIds(): Promise<string[]>;
  sourceKeys(entryId: string): Promise<string[]>;
  readState(entryId: string): Promise<StateRead>;
  writeState(entryId: string, state: EntryState): Promise<void>;
  /** Linked documents, in the same transaction as the pages they hang from. */
  readonly documents: DocumentShelf;
}

export interface StoreOptions {
  /** A run's transaction: changes land when the run commits it. Without one, each change commits at once. */
  transaction?: StoreTransaction;
  fs?: StoreFs;
}

export { sha256 };

const EXTS = ['json', 'md', 'html', 'png'] as const;
const EMPTY = Buffer.alloc(0);
type Ext = (typeof EXTS)[number];

type FileRead = { kind: 'absent' } | { kind: 'file'; bytes: Buffer } | { kind: 'not-a-file' };

async function readBytes(path: string | null): Promise<FileRead> {
  if (path === null) return { kind: 'absent' };
  try {
    // Synchronous on purpose: a few small files per source; fs/promises costs four thread-pool trips
    // per file, and a run reading hundreds of them would delay its first request behind the queue.
    return { kind: 'file', bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    if (code === 'EISDIR') return { kind: 'not-a-file' };
    throw error;
  }
}

async function subfolders(path: string): Promise<string[]> {
  try {
    const items = await readdir(path, { withFileTypes: true });
    return items.filter((item) => item.isDirectory() && !item.name.startsWith('.')).map((item) => item.name).sort();
  } catch {
    return [];
  }
}

function metaProblem(raw: Buffer): string | SnapshotMeta {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const meta = SnapshotMeta.safeParse(json);
  if (!meta.success) return `invalid metadata (${meta.error.issues[0]?.path.join('.')}: ${meta.error.issues[0]?.message})`;
  return meta.data;
}

export function createFileSnapshotStore(root: string, now: () => Date = () => new Date(), options: StoreOptions = {}): SnapshotStore {
  const rel = (entryId: string, key: string, slot: Slot, ext: Ext) => join(entryId, key, `${slot}.${ext}`);
  const stamp = () => now().toISOString().replace(/[:.]/g, '-');

  /** Runs `change` in the run's transaction, or in one of its own committed at once. */
  async function change<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    if (options.transaction) return work(options.transaction);
    const tx = new StoreTransaction(root, options.fs);
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.discard();
      throw error;
    }
  }
  // In a run's transaction nothing lands in the folders before the end, so each folder is listed once per run.
  // Name → whether it is a folder.
  const listings = new Map<string, Promise<Map<string, boolean>>>();
  const listing = (folder: string): Promise<Map<string, boolean>> => {
    // The callback API: fs/promises' readdir costs the main thread several times more, once per source folder.
    const list = () =>
      new Promise<Map<string, boolean>>((done) =>
        callbackFs.readdir(folder, { withFileTypes: true }, (error, items) => done(new Map(error ? [] : items.map((item) => [item.name, item.isDirectory()])))),
      );
    if (!options.transaction) return list();
    let listed = listings.get(folder);
    if (!listed) listings.set(folder, (listed = list()));
    return listed;
  };

  function readSlot(tx: StoreTransaction, entryId: string, key: string, slot: Slot): Promise<SnapshotRead>;
  function readSlot(tx: StoreTransaction, entryId: string, key: string, slot: Slot, textOnly: true): Promise<SnapshotTextRead>;
  async function readSlot(tx: StoreTransaction, entryId: string, key: string, slot: Slot, textOnly = false): Promise<SnapshotRead | SnapshotTextRead> {
    // One listing of the folder, then only the files that are there are opened. In a run, an entry
    // the store does not hold yet (all of them, on a first run) has nothing to list.
    const listed = options.transaction && !tx.holdsFolder(entryId) ? new Map<string, boolean>() : await listing(join(root, entryId, key));
    const pathOf = (ext: Ext) => {
      const path = rel(entryId, key, slot, ext);
      return tx.isStaged(path) || listed.has(`${slot}.${ext}`) ? tx.path(path) : null;
    };
    // Text only: the HTML and screenshot files must be there (files, not folders), but are not read.
    const unread = (ext: Ext): FileRead => {
      const path = pathOf(ext);
      if (path === null) return { kind: 'absent' };
      return !tx.isStaged(rel(entryId, key, slot, ext)) && listed.get(`${slot}.${ext}`) ? { kind: 'not-a-file' } : { kind: 'file', bytes: EMPTY };
    };
    const files = Object.fromEntries(
      await Promise.all(EXTS.map(async (ext) => [ext, textOnly && (ext === 'html' || ext === 'png') ? unread(ext) : await readBytes(pathOf(ext))] as const)),
    ) as Record<Ext, FileRead>;
    const present = EXTS.filter((ext) => files[ext].kind !== 'absent');
    if (present.length === 0) {
      const aside = [...listed.keys()].filter((name) => name.startsWith(`${slot}.`) && name.includes('.damaged-'));
      return aside.length > 0 ? { kind: 'set-aside', movedTo: aside.sort().map((name) => join(root, entryId, key, name)) } : { kind: 'missing' };
    }
    const problem = ((): string | { meta: SnapshotMeta; text: string; html: string; png: Buffer | null } => {
      const { json, md, html, png } = files;
      if (json.kind === 'absent') return `${present.map((ext) => `${slot}.${ext}`).join(', ')} without its ${slot}.json`;
      const folder = EXTS.find((ext) => files[ext].kind === 'not-a-file');
      if (folder) return `${slot}.${folder} is a folder, not a file`;
      if (json.kind !== 'file') return 'unreadable metadata';
      const meta = metaProblem(json.bytes);
      if (typeof meta === 'string') return meta;
      if (md.kind !== 'file' || html.kind !== 'file') return 'text or HTML file missing';
      if (sha256(md.bytes) !== meta.sha256.text) return 'text does not match its recorded hash';
      const text = md.bytes.toString('utf8');
      if (textOnly) return { meta, text, html: '', png: null };
      if (sha256(html.bytes) !== meta.sha256.html) return 'HTML does not match its recorded hash';
      const shot = png.kind === 'file' ? png.bytes : null;
      if (meta.sha256.png !== undefined && (shot === null || sha256(shot) !== meta.sha256.png)) return 'screenshot does not match its recorded hash';
      return { meta, text, html: html.bytes.toString('utf8'), png: meta.hasScreenshot ? shot : null };
    })();
    if (typeof problem !== 'string') {
      if (textOnly) return { kind: 'found', snapshot: { meta: problem.meta, text: problem.text } };
      return { kind: 'found', snapshot: { meta: problem.meta, text: problem.text, html: problem.html }, screenshot: problem.png };
    }
    // Never overwrite or delete what we cannot read: keep every file of the slot under a dated name.
    // Two damaged slots in the same millisecond: the second gets a numbered name.
    const suffix = tx.freeSuffix(`.damaged-${stamp()}`, present.map((ext) => rel(entryId, key, slot, ext)));
    const movedTo = present.map((ext) => {
      const from = rel(entryId, key, slot, ext);
      tx.moveAside(from, from + suffix);
      return join(root, from + suffix);
    });
    return { kind: 'damaged', problem, movedTo };
  }

  /** Whether `current` may become the baseline, and with a screenshot or not; null when it may not. */
  async function promotable(tx: StoreTransaction, entryId: string, key: string): Promise<{ screenshot: boolean } | null> {
    // Staged by this run, from what it had just read: written whole a moment ago, nothing to check again
    // (a first run promotes every page it reads).
    if (tx.isStaged(rel(entryId, key, 'current', 'json'))) return { screenshot: tx.isStaged(rel(entryId, key, 'current', 'png')) };
    // Checked against its hashes first: a damaged current must never become the reviewed baseline.
    const current = await readSlot(tx, entryId, key, 'current');
    return current.kind === 'found' ? { screenshot: current.screenshot !== null } : null;
  }

  async function writeSlot(tx: StoreTransaction, entryId: string, key: string, slot: Slot, snapshot: Snapshot, screenshot: Uint8Array | null | undefined) {
    await tx.put(rel(entryId, key, slot, 'md'), snapshot.text);
    await tx.put(rel(entryId, key, slot, 'html'), snapshot.html);
    if (screenshot) await tx.put(rel(entryId, key, slot, 'png'), screenshot);
    // A screenshot from an older fetch would not belong to this one.
    else tx.remove(rel(entryId, key, slot, 'png'));
    const { png: _old, ...hashes } = { ...snapshot.meta.sha256, text: sha256(snapshot.text), html: sha256(snapshot.html) };
    const meta: SnapshotMeta = {
      ...snapshot.meta,
      sha256: screenshot ? { ...hashes, png: sha256(screenshot) } : hashes,
      hasScreenshot: Boolean(screenshot),
    };
    await tx.put(rel(entryId, key, slot, 'json'), JSON.stringify(meta, null, 2) + '\n');
  }

  return {
    root,
    // A damaged slot is moved aside, which is a change.
    read: (entryId, key, slot) => change((tx) => readSlot(tx, entryId, key, slot)),
    readText: (entryId, key, slot) => change((tx) => readSlot(tx, entryId, key, slot, true)),
    write: (entryId, key, slot, snapshot, screenshot) => change((tx) => writeSlot(tx, entryId, key, slot, snapshot, screenshot)),
    promote: (entryId, key) =>
      change(async (tx) => {
        const current = await promotable(tx, entryId, key);
        if (current === null) return false;
        for (const ext of ['md', 'html', 'png', 'json'] as const) {
          if (ext === 'png' && !current.screenshot) tx.remove(rel(entryId, key, 'baseline', ext));
          else await tx.copy(rel(entryId, key, 'current', ext), rel(entryId, key, 'baseline', ext));
        }
        await promoteDocuments(tx, join(entryId, key));
        return true;
      }),
    entryIds: () => subfolders(root),
    sourceKeys: (entryId) => subfolders(join(root, entryId)),
    readState: (entryId) =>
      change(async (tx): Promise<StateRead> => {
        const path = join(entryId, 'state.json');
        const read = await readBytes(tx.path(path));
        if (read.kind === 'absent') return { state: EntryState.parse({}), damaged: null, stored: false };
        let problem = 'state.json is a folder, not a file';
        if (read.kind === 'file') {
          let json: unknown;
          try {
            json = JSON.parse(read.bytes.toString('utf8'));
            const state = EntryState.safeParse(json);
            if (state.success) return { state: state.data, damaged: null, stored: true };
            const issue = state.error.issues[0];
            problem = `state.json is not valid (${issue?.path.join('.') || 'the state'}: ${issue?.message})`;
          } catch (error) {
            problem = `state.json is not valid (${(error as Error).message.split('\n')[0]})`;
          }
        }
        const to = path + tx.freeSuffix(`.damaged-${stamp()}`, [path]);
        tx.moveAside(path, to);
        return { state: EntryState.parse({}), damaged: { problem, movedTo: [join(root, to)] }, stored: true };
      }),
    writeState: (entryId, state) => change((tx) => tx.put(join(entryId, 'state.json'), JSON.stringify(state, null, 2) + '\n')),
    documents: {
      keys: (dir) => change((tx) => documentKeysIn(tx, dir)),
      read: (dir, slot) => change((tx) => readStoredDocument(tx, dir, slot)),
      write: (dir, slot, document) => change((tx) => writeStoredDocument(tx, dir, slot, document)),
      moveAside: (dir, slot) => change((tx) => moveAsideDocument(tx, dir, slot, stamp())),
      dropCurrent: (dir) => change((tx) => dropCurrentDocument(tx, dir)),
    },
  };
}
