import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDemo } from './story.js';

/**
 * `npm run demo [-- [--review] DIR]`: the offline story, written to reports/demo/ by default.
 * With --review the replay site keeps serving round 2 so the README's review can be done on it; Ctrl-C stops it.
 */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const args = process.argv.slice(2);
const review = args.includes('--review');
const dir = args.find((arg) => !arg.startsWith('--'));
const run = await runDemo(root, resolve(dir ?? join(root, 'reports', 'demo')), process.stdout, { review });
const replay = run.replay;
if (replay) {
  const stop = () => {
    void replay.close().then(() => process.stdout.write('\nReplay site stopped.\n'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
