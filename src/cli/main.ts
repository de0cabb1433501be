#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { keepCompiledCode } from './code-cache.js';
import { commandOf } from './command-names.js';

// The program a user starts, bundled as CommonJS (scripts/bundle.mjs). The commands live in
// run-cli.ts, which tests import.

// A first run syncs each file it stages, hundreds of them, and each sync holds one of libuv's
// threads while the disk answers. Alternated first runs of 100 entries: syncing the baseline
// copies cost 49 ms with the default four threads, 7–20 ms with eight. Read when the pool starts.
process.env.UV_THREADPOOL_SIZE ??= '8';

// Before the first chunk loads, which is why the commands come by import(): a static import runs first.
keepCompiledCode(fileURLToPath(new URL('../../bundle', import.meta.url)), process.env.AES_WATCH_CODE_CACHE, commandOf(process.argv.slice(2)));
void import('./run-process.js').then(({ runProcess }) => runProcess());
