import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temporary folders for tests. Each one is removed once its test file has run
 * (the `afterAll` of test/support/temp-cleanup.ts, a setup file), so a test
 * never has to remember to. test/support/temp-guard.ts fails the run if any
 * folder is left in the run's temp folder anyway.
 */
const made = new Set<string>();

/** A new empty folder in the system's temp folder, named `<prefix>XXXXXX`. */
export async function tempFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** {@link tempFolder}, for synchronous setup code. */
export function tempFolderSync(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder made so far (a child process killed a moment ago may still be writing: a few retries). */
export async function removeTempFolders(): Promise<void> {
  const dirs = [...made];
  made.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5 })));
}
