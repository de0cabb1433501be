import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use, through its CommonJS build, for a synchronous
 * function whose callers often never need it (a night of 304s decodes no body
 * and diffs no text): start-up does not pay for it.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
