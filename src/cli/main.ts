#!/usr/bin/env node
import { EXIT } from '../shared/exit-codes.js';
import { writeLine, type CliIO } from '../shared/io.js';
import { runCli } from './run-cli.js';

// The program a user starts. Built as CommonJS (scripts/bundle.mjs): `--help` then never starts
// Node's ES module loader. The commands live in run-cli.ts, which tests import.

// A first run syncs each file it stages, hundreds of them, and each sync holds one of libuv's
// threads while the disk answers. Alternated first runs of 100 entries: syncing the baseline
// copies cost 49 ms with the default four threads, 7–20 ms with eight. Read when the pool starts.
process.env.UV_THREADPOOL_SIZE ??= '8';

// Node builds a stream the first time process.stdout or stderr is read: a check writes to them
// only once its requests are out.
const io: CliIO = {
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  cwd: process.cwd(),
  env: process.env,
};
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    writeLine(process.stderr, `aes-watch: internal error: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = EXIT.internal;
  },
);
