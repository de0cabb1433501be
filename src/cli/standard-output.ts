// Types only: a value import would put the exit codes' module, which the commands' chunk holds, into
// main.js's start-up. The type keeps this number the contract's.
import type { EXIT } from '../shared/exit-codes.js';

const CANNOT_WRITE: (typeof EXIT)['cannotWrite'] = 5;

/**
 * Standard output as every command writes to it, watched. Unwatched, a write that fails ends the
 * process on an unhandled 'error' event, with a stack trace and whatever it was doing half done.
 * - A reader that stops reading (`aes-watch guide … --json | head`) is no failure: the rest of
 *   the output is dropped, as any Unix tool drops it, and the command ends as it would have.
 * - Any other failure (a full disk, an I/O error) is one line on standard error, and exit 5
 *   whatever the command returns; the files it writes are not concerned.
 * Node builds process.stdout on first use, and so does this: a check writes to it only at its end.
 */
export interface StandardOutput {
  readonly stream: NodeJS.WritableStream;
  /** The code the process ends with: the command's own, unless standard output failed. */
  exitCode(commandCode: number): number;
}

/** The process's two output streams, read only when first used. */
interface ProcessStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export function watchedStandardOutput(streams: ProcessStreams = process): StandardOutput {
  let watched = false;
  let failed = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || failed) return;
    failed = true;
    streams.stderr.write(`aes-watch: cannot write to standard output (${error.message}); what it printed there is incomplete\n`);
    // The command may have ended and set its code already; or it ends later, and exitCode() says 5.
    process.exitCode = CANNOT_WRITE;
  };
  return {
    get stream() {
      const stdout = streams.stdout;
      if (!watched) {
        watched = true;
        stdout.on('error', onError);
      }
      return stdout;
    },
    exitCode: (commandCode) => (failed ? CANNOT_WRITE : commandCode),
  };
}
