/** The CLI's view of the outside world, so tests can run it in-process. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A bad input or usage, reported as one line and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(line.endsWith('\n') ? line : `${line}\n`);
}
