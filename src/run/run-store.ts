import { isDiskError, StoreWriteError } from '../shared/disk-error.js';
import { recoverStore, type StoreFs } from '../snapshot/staging.js';

/** A lock or store call that failed because the folder cannot be written, as a value. */
export function cannotWrite(error: unknown, path?: string): { kind: 'cannot-write'; error: StoreWriteError } {
  if (isDiskError(error) || error instanceof StoreWriteError) {
    return { kind: 'cannot-write', error: StoreWriteError.from(error, path ?? (error as NodeJS.ErrnoException).path ?? '') };
  }
  throw error;
}

/** Under the lock, before reading: finish a commit a killed run left half done. Null when the store is usable. */
export async function openRunStore(root: string, fs?: StoreFs): Promise<StoreWriteError | null> {
  try {
    await recoverStore(root, fs);
    return null;
  } catch (error) {
    return cannotWrite(error, root).error;
  }
}

/**
 * Like Promise.all, but waits for every entry before giving the first failure:
 * no entry may still be writing when the run decides what to keep.
 */
export async function settleAll<T>(work: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const rejected = settled.find((result) => result.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}
