// Types only: a value import would put the exit codes' module, which the commands' chunk holds, into
// main.js's start-up. The type keeps this number the contract's.
import type { EXIT } from '../shared/exit-codes.js';

const CANNOT_WRITE: (typeof EXIT)['cannotWrite'] = 5;

/**
 * Standard output and error as every command writes to them, watched. Unwatched, a write that
 * fails ends the process on an unhandled 'error' event, with a stack trace, whatever it was doing
 * half done and, for a check, its lock left behind.
 * - A reader that stops reading (`aes-watch guide … --json | head`) is no failure: the rest is
 *   dropped, as any Unix tool drops it, and the command ends as it would have.
 * - Any other failure (a full disk, an I/O error) ends the process with exit 5, whatever the
 *   command returns, once the command has ended; on standard error a line says so, if it can.
 * Node builds each stream on first use, and so does this: a check writes only at its end.
 */
export interface ProcessOutput extends ProcessStreams {
  /** The code the process ends with: the command's own, unless an output failed. */
  exitCode(commandCode: number): number;
}

/** The process's two output streams, read only when first used. */
interface ProcessStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export function watchedOutput(streams: ProcessStreams = process): ProcessOutput {
  let failed = false;
  const fail = (name: keyof ProcessStreams, error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || failed) return;
    failed = true;
    if (name === 'stdout') watched('stderr').write(`aes-watch: cannot write to standard output (${error.message}); what it printed there is incomplete\n`);
    // The command may have ended and set its code already; or it ends later, and exitCode() says 5.
    process.exitCode = CANNOT_WRITE;
  };
  const watching = new Set<keyof ProcessStreams>();
  const watched = (name: keyof ProcessStreams) => {
    const stream = streams[name];
    if (!watching.has(name)) {
      watching.add(name);
      stream.on('error', (error: NodeJS.ErrnoException) => fail(name, error));
    }
    return stream;
  };
  return {
    get stdout() {
      return watched('stdout');
    },
    get stderr() {
      return watched('stderr');
    },
    exitCode: (commandCode) => (failed ? CANNOT_WRITE : commandCode),
  };
}
