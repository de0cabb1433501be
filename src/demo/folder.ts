import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../shared/io.js';
import { claimFolder } from '../shared/owned-folder.js';

/** What the demo writes in its folder; an earlier demo's copies are all it ever removes. */
const DEMO_OUTPUTS = ['normandie.txt', 'snapshots', 'reports'];

/**
 * The demo starts afresh, but only in a folder that is new, empty or its own:
 * `npm run demo -- .` must not wipe a repository. Throws a UsageError (one
 * line, exit 2) otherwise.
 */
export async function prepareDemoFolder(work: string): Promise<void> {
  const claim = await claimFolder(work, { madeByUs: (names) => names.every((n) => DEMO_OUTPUTS.includes(n)) });
  if (claim.kind === 'refused') throw new UsageError(claim.message);
  for (const name of DEMO_OUTPUTS) await rm(join(work, name), { recursive: true, force: true });
}
