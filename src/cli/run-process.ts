import { EXIT } from '../shared/exit-codes.js';
import { writeLine, type CliIO } from '../shared/io.js';
import { runCli } from './run-cli.js';

/** The CLI as the user's process runs it: its arguments and streams in, its exit code out. */
export function runProcess(): void {
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
}
