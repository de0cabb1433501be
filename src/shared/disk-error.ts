/** Errors that mean "this folder cannot take our files": a full or read-only disk, or no permission. */
const DISK_CODES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
};

export const isDiskError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code! in DISK_CODES;

/** A write to the snapshot or report folder failed; `path` is the file the user would look for. */
export class StoreWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path}: ${DISK_CODES[code] ?? 'write failed'} (${code})`);
    this.name = 'StoreWriteError';
  }

  static from(error: unknown, path: string): StoreWriteError {
    if (error instanceof StoreWriteError) return error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
    return new StoreWriteError(path, code);
  }
}
