import { createRequire } from 'node:module';

// Made on first use too: createRequire loads node:module's loader helpers.
let require: NodeJS.Require | undefined;

/**
 * A package loaded on first use, through its CommonJS build, for a synchronous
 * function whose callers often never need it (a night of 304s decodes no body
 * and diffs no text): start-up does not pay for it.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (require ??= createRequire(import.meta.url))(id) as T);
}
