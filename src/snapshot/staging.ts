import { randomUUID } from 'node:crypto';
import callbackFs, { constants, existsSync, readdirSync, type Dirent } from 'node:fs';
import { access, readFile, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { StoreWriteError } from '../shared/disk-error.js';

/**
 * A set of snapshot changes that lands all at once or not at all.
 *
 * Changed files are first written under `<root>/.aes-watch-staging-<id>/`
 * (nothing in the store moves yet). `commit()` writes the list of changes and
 * renames the folder to `.aes-watch-commit-<id>`: that rename is the commit
 * point. Then each file is renamed into place (an entry folder new to the
 * store, in one rename of the folder). A process killed before the
 * commit point leaves the store as it was (the staging folder is dropped by
 * the next writer); killed after it, the next writer finishes the move.
 */

/** The file system calls that can fail on a full or read-only disk; tests put faults here. */
export interface StoreFs {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  mkdir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** A copy that survives a power cut once committed. */
  copyFile(from: string, to: string): Promise<void>;
}

/** A callback-style fs call as a promise. */
const call = <T>(start: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));

/** Opens `path`, lets `fill` write, and closes it; synced first unless `durable` says each write already was. */
async function filled(path: string, flags: string | number, fill: (fd: number) => Promise<void>, durable = false): Promise<void> {
  const fd = await call<number>((done) => callbackFs.open(path, flags, done));
  try {
    await fill(fd);
    // A power cut after the commit point must not leave the file empty.
    if (!durable) await call<void>((done) => callbackFs.fdatasync(fd, done));
  } finally {
    await call<void>((done) => callbackFs.close(fd, done));
  }
}

/**
 * How a staged file is opened: with O_DSYNC each write returns once its data is on disk, the
 * guarantee of a sync before closing with one call less per file. Null where the system has no
 * such flag (Windows): the file is then synced before it is closed.
 */
const DURABLE_WRITE = constants.O_DSYNC === undefined ? null : constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_DSYNC;

export const nodeStoreFs: StoreFs = {
  // The callback API, not fs/promises' FileHandle: half the main thread's time per call, and a
  // first run stages hundreds of files.
  async writeFile(path, data) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const writeAll = async (fd: number) => {
      for (let at = 0; at < bytes.length; ) at += await call<number>((done) => callbackFs.write(fd, bytes, at, bytes.length - at, null, done));
    };
    await filled(path, DURABLE_WRITE ?? 'w', writeAll, DURABLE_WRITE !== null);
  },
  mkdir: (path) => call<string | undefined>((done) => callbackFs.mkdir(path, { recursive: true }, done)).then(() => undefined),
  rename: (from, to) => call<void>((done) => callbackFs.rename(from, to, done)),
  // A clone where the file system can (btrfs, XFS): no bytes to copy, nor to write again when synced.
  async copyFile(from, to) {
    await call<void>((done) => callbackFs.copyFile(from, to, constants.COPYFILE_FICLONE, done));
    await filled(to, 'r+', async () => undefined);
  },
};

const STAGING = '.aes-watch-staging-';
const COMMIT = '.aes-watch-commit-';

/** Folders of the store that are not entries. */
export const isStagingFolder = (name: string): boolean => name.startsWith(STAGING) || name.startsWith(COMMIT);

interface Manifest {
  /** [from, to]: damaged files moved aside; done first. */
  moves: [string, string][];
  put: string[];
  remove: string[];
  /**
   * Top folders (entries) new to the store, whose files in `put` move in one rename of the folder.
   * Absent from the journals of older releases.
   */
  folders?: string[];
}

/** The first folder of `rel` (an entry's id), or null for a file at the top of the store. */
function topFolder(rel: string): string | null {
  const at = rel.indexOf(sep);
  return at > 0 ? rel.slice(0, at) : null;
}

/** Whether `rel` is in none of the top `folders` (those moved whole). */
const outside = (folders: Set<string>, rel: string): boolean => !folders.has(topFolder(rel) ?? '');

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Runs `work` over `items`, 32 at a time: file system calls wait on the disk, not the CPU. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 32) await Promise.all(items.slice(i, i + 32).map(work));
}

async function applyCommit(root: string, commitDir: string, fs: StoreFs): Promise<void> {
  const raw = await readFile(join(commitDir, 'manifest.json'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  // No journal: an older release was cut while removing a commit it had applied in full. Nothing is left to do.
  if (raw === null) return void (await rm(commitDir, { recursive: true, force: true }));
  const manifest = JSON.parse(raw) as Manifest;
  for (const [from, to] of manifest.moves) {
    // Already moved (an earlier attempt got this far): `from` may now hold a new file.
    if (!(await exists(join(root, to))) && (await exists(join(root, from)))) await fs.rename(join(root, from), join(root, to));
  }
  const whole = new Set<string>();
  await inParallel(manifest.folders ?? [], async (folder) => {
    if (await moveFolder(join(commitDir, 'files', folder), join(root, folder), fs)) whole.add(folder);
  });
  const put = manifest.put.filter((rel) => outside(whole, rel));
  // Folders first, then every file at once: the journal, not the order, is what makes this safe to cut.
  const folders = [...new Set(put.map((rel) => dirname(join(root, rel))))];
  await inParallel(folders, (dir) => fs.mkdir(dir));
  await inParallel(put, (rel) =>
    // Absent when an earlier attempt already moved it.
    fs.rename(join(commitDir, 'files', rel), join(root, rel)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    }),
  );
  await inParallel(manifest.remove, (rel) => rm(join(root, rel), { force: true }));
  // A folder the removals emptied goes too (a document whose link left the page); a folder with anything left stays.
  for (const dir of new Set(manifest.remove.map((rel) => dirname(join(root, rel))))) await rmdir(dir).catch(() => undefined);
  // Applied: the folder leaves the journal's name at once, so a kill while it is removed leaves
  // what recovery takes for dropped staging, never a commit without its manifest.
  const applied = join(root, STAGING + basename(commitDir).slice(COMMIT.length));
  await rename(commitDir, applied);
  await rm(applied, { recursive: true, force: true });
}

/**
 * Moves a staged folder into the store whole; false when the store has that folder by now
 * (its files then go one by one). A staged folder already gone was moved by an earlier attempt.
 */
async function moveFolder(staged: string, target: string, fs: StoreFs): Promise<boolean> {
  try {
    await fs.rename(staged, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
}

/** Finishes a commit a killed process left half done, and drops uncommitted staging. */
export async function recoverStore(root: string, fs: StoreFs = nodeStoreFs): Promise<void> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (name.startsWith(COMMIT)) await applyCommit(root, join(root, name), fs);
    else if (name.startsWith(STAGING)) await rm(join(root, name), { recursive: true, force: true });
  }
}

/** Pending changes, seen through: reads give the file as the transaction left it. */
export class StoreTransaction {
  private readonly id = randomUUID();
  private readonly ops = new Map<string, 'put' | 'remove'>();
  private readonly moves: [string, string][] = [];
  private failure: StoreWriteError | null = null;
  private staged = false;
  /** Staging folders made or being made: one mkdir per folder, not per file. */
  private readonly made = new Map<string, Promise<void>>();
  /** Files staged, then removed or moved aside: still in staging, where they must not land from. */
  private readonly dropped = new Set<string>();
  /** How many staged files each folder holds, at any depth: asked once per page source. */
  private readonly stagedIn = new Map<string, number>();
  /** The store's top folders when this transaction first asked (nothing lands there before the commit). */
  private topFolders: Set<string> | null = null;

  constructor(
    /** The store's folder; every `rel` below is relative to it. */
    readonly root: string,
    private readonly fs: StoreFs = nodeStoreFs,
  ) {}

  private get stagingDir(): string {
    return join(this.root, STAGING + this.id);
  }

  /** The first write that failed; later writes are skipped, and nothing is committed. */
  get failed(): StoreWriteError | null {
    return this.failure;
  }

  get isEmpty(): boolean {
    return this.ops.size === 0 && this.moves.length === 0;
  }

  /** Where `rel` is now for a reader, or null when this transaction removed it. */
  path(rel: string): string | null {
    const op = this.ops.get(rel);
    if (op === 'put') return join(this.stagingDir, 'files', rel);
    if (op === 'remove' || this.moves.some(([from]) => from === rel)) return null;
    return join(this.root, rel);
  }

  /** The files of folder `relDir` as a reader sees them: those stored, less those removed or moved aside, plus those staged. */
  async list(relDir: string): Promise<string[]> {
    const stored = await readdir(join(this.root, relDir), { withFileTypes: true }).catch(() => []);
    const names = new Set(stored.filter((item) => item.isFile() && this.path(join(relDir, item.name)) !== null).map((item) => item.name));
    for (const [rel, op] of this.ops) if (op === 'put' && dirname(rel) === relDir) names.add(basename(rel));
    return [...names].sort();
  }

  /** Whether this transaction wrote a file somewhere below folder `relDir`. */
  hasStagedBelow(relDir: string): boolean {
    return (this.stagedIn.get(relDir) ?? 0) > 0;
  }

  /**
   * Whether the store has a folder `name` at its top (an entry's), as it was before this transaction:
   * one listing for a whole run, where a first run would otherwise fail a lookup per page source.
   */
  holdsFolder(name: string): boolean {
    if (!this.topFolders) {
      let items: Dirent[] = [];
      try {
        items = readdirSync(this.root, { withFileTypes: true });
      } catch {
        // No store yet: it holds nothing.
      }
      this.topFolders = new Set(items.filter((item) => item.isDirectory()).map((item) => item.name));
    }
    return this.topFolders.has(name);
  }

  /** Sets what this transaction does to `rel` (null: nothing), keeping the count of staged files per folder. */
  private setOp(rel: string, op: 'put' | 'remove' | null): void {
    const wasPut = this.ops.get(rel) === 'put';
    if (op === null) this.ops.delete(rel);
    else this.ops.set(rel, op);
    if (wasPut === (op === 'put')) return;
    for (let dir = dirname(rel); dir !== '.' && dir !== sep; dir = dirname(dir)) this.stagedIn.set(dir, (this.stagedIn.get(dir) ?? 0) + (wasPut ? -1 : 1));
  }

  /** The subfolders of `relDir`, stored or staged. */
  async folders(relDir: string): Promise<string[]> {
    const stored = await readdir(join(this.root, relDir), { withFileTypes: true }).catch(() => []);
    const names = new Set(stored.filter((item) => item.isDirectory()).map((item) => item.name));
    const prefix = relDir + sep;
    for (const [rel, op] of this.ops) {
      const [folder, ...below] = rel.startsWith(prefix) ? rel.slice(prefix.length).split(sep) : [];
      if (op === 'put' && folder && below.length > 0) names.add(folder);
    }
    return [...names].sort();
  }

  /** Whether `rel` was written by this transaction (so it is not in the store's folder yet). */
  isStaged(rel: string): boolean {
    return this.ops.get(rel) === 'put';
  }

  async put(rel: string, data: string | Uint8Array): Promise<void> {
    await this.stage(rel, (staged) => this.fs.writeFile(staged, data));
  }

  /** Stages a copy of `from` as it is now for a reader (staged or stored) under `to`. */
  async copy(from: string, to: string): Promise<void> {
    const source = this.path(from);
    if (source === null) throw new Error(`${from} was removed in this transaction`);
    await this.stage(to, (staged) => this.fs.copyFile(source, staged));
  }

  private async stage(rel: string, write: (staged: string) => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    const staged = join(this.stagingDir, 'files', rel);
    try {
      // One mkdir per folder, shared by the files of a folder staged at the same time.
      const folder = dirname(staged);
      let making = this.made.get(folder);
      if (!making) this.made.set(folder, (making = this.fs.mkdir(folder)));
      await making;
      this.staged = true;
      await write(staged);
    } catch (error) {
      throw this.fail(error, join(this.root, rel));
    }
    this.setOp(rel, 'put');
  }

  remove(rel: string): void {
    if (this.ops.get(rel) === 'put') this.dropped.add(rel);
    this.setOp(rel, 'remove');
  }

  /** Whether a file moved aside in this transaction goes to `rel`. */
  isMoveTarget(rel: string): boolean {
    return this.moves.some(([, to]) => to === rel);
  }

  /**
   * `base`, numbered (`-2`, `-3`…) when some `rels` + `base` is already used, on disk or by a move
   * of this transaction: a move onto a used name would be skipped, and the file overwritten later.
   */
  freeSuffix(base: string, rels: string[]): string {
    const used = (suffix: string) => rels.some((rel) => this.isMoveTarget(rel + suffix) || existsSync(join(this.root, rel + suffix)));
    let suffix = base;
    for (let n = 2; used(suffix); n += 1) suffix = `${base}-${n}`;
    return suffix;
  }

  /** Keeps a damaged file (or folder) under `to`; never deletes it. */
  moveAside(rel: string, to: string): void {
    this.moves.push([rel, to]);
    if (this.ops.get(rel) === 'put') {
      this.setOp(rel, null);
      this.dropped.add(rel);
    }
  }

  private fail(error: unknown, path: string): StoreWriteError {
    this.failure ??= StoreWriteError.from(error, path);
    return this.failure;
  }

  async commit(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.isEmpty) return this.discard();
    const put = [...this.ops].filter(([, op]) => op === 'put').map(([rel]) => rel).sort(byMetaLast);
    const whole = await this.newFolders(put);
    // A folder new to the store has nothing to remove (a page without a screenshot removes one, in case).
    const remove = [...this.ops].filter(([rel, op]) => op === 'remove' && outside(whole, rel)).map(([rel]) => rel);
    const manifest: Manifest = { moves: this.moves, put, remove, ...(whole.size > 0 ? { folders: [...whole].sort() } : {}) };
    const commitDir = join(this.root, COMMIT + this.id);
    // Before the commit point: every folder that will receive a file must take it, or nothing moves.
    const perFile = put.filter((rel) => outside(whole, rel));
    // (A folder moved whole goes into the root, which already took the staging folder.)
    const folders = [...new Set([...perFile, ...remove, ...manifest.moves.flat()].map((rel) => dirname(join(this.root, rel))))];
    try {
      await inParallel(folders, async (dir) => {
        await this.fs.mkdir(dir).catch((error: unknown) => Promise.reject(StoreWriteError.from(error, dir)));
        await access(dir, constants.W_OK).catch((error: unknown) => Promise.reject(StoreWriteError.from(error, dir)));
      });
    } catch (error) {
      await this.discard();
      throw this.fail(error, this.root);
    }
    try {
      await this.fs.mkdir(this.stagingDir);
      await this.fs.writeFile(join(this.stagingDir, 'manifest.json'), JSON.stringify(manifest));
      await this.fs.rename(this.stagingDir, commitDir);
    } catch (error) {
      await this.discard();
      throw this.fail(error, this.root);
    }
    // Past the commit point: if this fails, the next writer finishes the move.
    await applyCommit(this.root, commitDir, this.fs).catch((error: unknown) => {
      throw this.fail(error, this.root);
    });
    this.ops.clear();
    this.stagedIn.clear();
    this.topFolders = null;
    this.moves.length = 0;
    this.staged = false;
    this.made.clear();
    this.dropped.clear();
  }

  /**
   * Entry folders the store does not have yet and that this transaction fills with new files only:
   * each lands in one rename (a first run: a hundred renames, not seven hundred and two hundred
   * folders). A folder holding a file staged then removed or moved aside goes file by file: that
   * file is still in its staging folder, and must not land.
   */
  private async newFolders(put: string[]): Promise<Set<string>> {
    const mixed = new Set([...this.dropped, ...this.moves.flat()].map(topFolder));
    const stored = new Set(await readdir(this.root).catch(() => []));
    const fresh = new Set<string>();
    for (const rel of put) {
      const folder = topFolder(rel);
      if (folder !== null && !mixed.has(folder) && !stored.has(folder)) fresh.add(folder);
    }
    return fresh;
  }

  /** Drops everything staged; the store stays as it was. */
  async discard(): Promise<void> {
    if (this.staged) await rm(this.stagingDir, { recursive: true, force: true }).catch(() => undefined);
    this.staged = false;
    this.made.clear();
    this.dropped.clear();
  }
}

/** Within a source, the `.json` meta (which holds the others' hashes) goes in last. */
function byMetaLast(a: string, b: string): number {
  const meta = (p: string) => (p.endsWith('.json') ? 1 : 0);
  // Code-unit order: localeCompare would load ICU's collator for an order nobody reads.
  return meta(a) - meta(b) || (a < b ? -1 : a > b ? 1 : 0);
}
