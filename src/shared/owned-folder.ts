import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * aes-watch writes only into a folder that is new, empty, or one it made
 * itself: `--snapshots ~` or `demo .` must never touch files it did not make.
 * A folder it made carries this marker file.
 */
export const FOLDER_MARKER = '.aes-watch-folder';
const MARKER_TEXT = 'This folder was made by aes-watch: it writes and replaces its own files here. Keep this file.\n';

/** `usable`: new, empty or ours (an unwritable disk is left for the writes themselves to report). */
export type FolderClaim = { kind: 'usable' } | { kind: 'refused'; message: string };

export interface ClaimOptions {
  /**
   * Recognises a folder an older aes-watch filled before markers existed, by
   * its entries' names: it is marked and used. Anything else is refused.
   */
  madeByUs?: (names: string[]) => boolean;
}

async function entriesOf(path: string): Promise<string[] | 'absent' | 'not-a-folder'> {
  try {
    if (!(await lstat(path)).isDirectory()) return 'not-a-folder';
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
}

/** Creates `path` if needed and marks it, or refuses with a line naming the folder and what is in it. */
export async function claimFolder(path: string, options: ClaimOptions = {}): Promise<FolderClaim> {
  let names: string[] | 'absent' | 'not-a-folder';
  try {
    names = await entriesOf(path);
  } catch {
    return { kind: 'usable' }; // unreadable (EACCES...): the run's own writes report it with the path
  }
  // A file where the folder should be is an unwritable path: the writes report it (exit 5) and change nothing.
  if (names === 'not-a-folder') return { kind: 'usable' };
  if (names !== 'absent' && names.includes(FOLDER_MARKER)) return { kind: 'usable' };
  if (names !== 'absent' && names.length > 0 && !options.madeByUs?.(names)) {
    const shown = [...names].sort().slice(0, 3).join(', ') + (names.length > 3 ? `, … (${names.length} entries)` : '');
    return {
      kind: 'refused',
      message: `refusing to write into ${path}: it holds files aes-watch did not make (${shown}); give a new or empty folder`,
    };
  }
  try {
    await mkdir(path, { recursive: true });
    await writeFile(join(path, FOLDER_MARKER), MARKER_TEXT, { flag: 'wx' });
  } catch {
    // Read-only or full disk, or a concurrent run marked it first: the writes that follow say which.
  }
  return { kind: 'usable' };
}
