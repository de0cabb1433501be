import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StoreWriteError } from '../shared/disk-error.js';

/**
 * A set of snapshot changes that lands all at once or not at all.
 *
 * Changed files are first written under `<root>/.aes-watch-staging-<id>/`
 * (nothing in the store moves yet). `commit()` writes the list of changes and
 * renames the folder to `.aes-watch-commit-<id>`: that rename is the commit
 * point. Then each file is renamed into place. A process killed before the
 * commit point leaves the store as it was (the staging folder is dropped by
 * the next writer); killed after it, the next writer finishes the move.
 */

/** The file system calls that can fail on a full or read-only disk; tests put faults here. */
export interface StoreFs {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  mkdir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeStoreFs: StoreFs = {
  async writeFile(path, data) {
    // fsync before the commit point, so a power cut cannot commit empty files.
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  },
  mkdir: async (path) => void (await mkdir(path, { recursive: true })),
  rename,
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
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function applyCommit(root: string, commitDir: string, fs: StoreFs): Promise<void> {
  const manifest = JSON.parse(await readFile(join(commitDir, 'manifest.json'), 'utf8')) as Manifest;
  for (const [from, to] of manifest.moves) {
    // Already moved (an earlier attempt got this far): `from` may now hold a new file.
    if (!(await exists(join(root, to))) && (await exists(join(root, from)))) await fs.rename(join(root, from), join(root, to));
  }
  for (const rel of manifest.put) {
    const staged = join(commitDir, 'files', rel);
    if (!(await exists(staged))) continue;
    await fs.mkdir(dirname(join(root, rel)));
    await fs.rename(staged, join(root, rel));
  }
  for (const rel of manifest.remove) await rm(join(root, rel), { force: true });
  await rm(commitDir, { recursive: true, force: true });
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

  constructor(
    private readonly root: string,
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

  async put(rel: string, data: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    const staged = join(this.stagingDir, 'files', rel);
    try {
      await this.fs.mkdir(dirname(staged));
      this.staged = true;
      await this.fs.writeFile(staged, data);
    } catch (error) {
      throw this.fail(error, join(this.root, rel));
    }
    this.ops.set(rel, 'put');
  }

  remove(rel: string): void {
    this.ops.set(rel, 'remove');
  }

  /** Keeps a damaged file (or folder) under `to`; never deletes it. */
  moveAside(rel: string, to: string): void {
    this.moves.push([rel, to]);
    if (this.ops.get(rel) === 'put') this.ops.delete(rel);
  }

  private fail(error: unknown, path: string): StoreWriteError {
    this.failure ??= StoreWriteError.from(error, path);
    return this.failure;
  }

  async commit(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.isEmpty) return this.discard();
    const manifest: Manifest = {
      moves: this.moves,
      put: [...this.ops].filter(([, op]) => op === 'put').map(([rel]) => rel).sort(byMetaLast),
      remove: [...this.ops].filter(([, op]) => op === 'remove').map(([rel]) => rel),
    };
    const commitDir = join(this.root, COMMIT + this.id);
    // Before the commit point: every folder that will receive a file must take it, or nothing moves.
    for (const dir of new Set([...manifest.put, ...manifest.remove, ...manifest.moves.flat()].map((rel) => dirname(join(this.root, rel))))) {
      try {
        await this.fs.mkdir(dir);
        await access(dir, constants.W_OK);
      } catch (error) {
        await this.discard();
        throw this.fail(error, dir);
      }
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
    this.moves.length = 0;
    this.staged = false;
  }

  /** Drops everything staged; the store stays as it was. */
  async discard(): Promise<void> {
    if (this.staged) await rm(this.stagingDir, { recursive: true, force: true }).catch(() => undefined);
    this.staged = false;
  }
}

/** Within a source, the `.json` meta (which holds the others' hashes) goes in last. */
function byMetaLast(a: string, b: string): number {
  const meta = (p: string) => (p.endsWith('.json') ? 1 : 0);
  return meta(a) - meta(b) || a.localeCompare(b);
}
