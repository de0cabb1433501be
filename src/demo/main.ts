import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../shared/io.js';
import type { ReplaySite } from './replay-site.js';
import { runDemo } from './story.js';

/**
 * `npm run demo [-- [--review] DIR]`: the offline story, written to reports/demo/ by default.
 * With --review the replay site keeps serving round 2 so the README's review can be done on it; Ctrl-C stops it.
 */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const args = process.argv.slice(2);
const review = args.includes('--review');
const dir = args.find((arg) => !arg.startsWith('--'));
// Listen before the instructions are printed: a Ctrl-C right after them must find us ready.
let replay: ReplaySite | null = null;
let stopRequested = false;
const stop = () => {
  stopRequested = true;
  if (replay) void replay.close().then(() => process.stdout.write('\nReplay site stopped.\n'));
};
if (review) {
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
try {
  const run = await runDemo(root, resolve(dir ?? join(root, 'reports', 'demo')), process.stdout, { review });
  replay = run.replay;
  if (stopRequested) stop();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`aes-watch demo: ${error.message}\n`);
  process.exitCode = 2;
}
