import { EXIT } from '../shared/exit-codes.js';
import { writeLine, type CliIO } from '../shared/io.js';
import { runCli } from './run-cli.js';
// Types only: main.ts, which watches the process's output from its start, hands it over.
import type { ProcessOutput } from './process-output.js';

/** The CLI as the user's process runs it: its arguments and streams in, its exit code out. */
export function runProcess(output: ProcessOutput): void {
  // Getters: each stream is built on first use (process-output.ts).
  const io: CliIO = {
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    cwd: process.cwd(),
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = output.exitCode(code);
    },
    (error: unknown) => {
      writeLine(output.stderr, `aes-watch: internal error: ${error instanceof Error ? error.stack : String(error)}`);
      process.exitCode = EXIT.internal;
    },
  );
}
