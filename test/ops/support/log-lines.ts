import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/shared/log.js';

/** A JSON logger whose lines the test can read back. */
export function capturedLog(): { log: Logger; lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const log = createLogger({ pretty: false, level: 'info', destination: stream });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, stream };
}

/** A promise the test settles by hand: a check that is "still running". */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
