import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../shared/io.js';
import { runDemo } from './story.js';

/** `npm run demo [-- DIR]`: the offline story, written to reports/demo/ by default. */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
try {
  await runDemo(root, resolve(process.argv[2] ?? join(root, 'reports', 'demo')), process.stdout);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`aes-watch demo: ${error.message}\n`);
  process.exitCode = 2;
}
