import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDemo } from './story.js';

/** `npm run demo [-- DIR]`: the offline story, written to reports/demo/ by default. */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
await runDemo(root, resolve(process.argv[2] ?? join(root, 'reports', 'demo')), process.stdout);
