#!/usr/bin/env node
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepCompiledCode } from './code-cache.js';
import { commandOf } from './command-names.js';
import { printKeptHelp } from './kept-help.js';
import { watchedOutput } from './process-output.js';

// The program a user starts, bundled as CommonJS (scripts/bundle.mjs). The commands live in
// run-cli.ts, which tests import.

// A first run syncs each file it stages, hundreds of them, and each sync holds one of libuv's
// threads while the disk answers. Alternated first runs of 100 entries: syncing the baseline
// copies cost 49 ms with the default four threads, 7–20 ms with eight. Read when the pool starts.
process.env.UV_THREADPOOL_SIZE ??= '8';

const bundleDir = fileURLToPath(new URL('../../bundle', import.meta.url));
const argv = process.argv.slice(2);
const output = watchedOutput();
if (!printKeptHelp(argv, join(bundleDir, 'help.txt'), output)) {
  // Before the first chunk loads, which is why the commands come by import(): a static import runs first.
  keepCompiledCode(bundleDir, process.env.AES_WATCH_CODE_CACHE, commandOf(argv));
  void import('./run-process.js').then(({ runProcess }) => runProcess(output));
}
