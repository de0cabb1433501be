import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { watchedStandardOutput } from '../../src/cli/standard-output.js';

/** Standard output and error as the process gives them: built when first read, as Node builds its own. */
function fakeProcess() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const said: string[] = [];
  stderr.on('data', (chunk: Buffer) => said.push(chunk.toString()));
  let reads = 0;
  return {
    streams: {
      get stdout() {
        reads += 1;
        return stdout;
      },
      stderr,
    },
    stdout,
    said,
    reads: () => reads,
  };
}
const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

const exitCodeBefore = process.exitCode;
afterEach(() => {
  process.exitCode = exitCodeBefore;
});

describe('standard output, watched', () => {
  it('is not built until a command writes to it', () => {
    const fake = fakeProcess();
    const output = watchedStandardOutput(fake.streams);
    expect(fake.reads()).toBe(0);
    expect(output.stream).toBe(fake.stdout);
    expect(fake.reads()).toBe(1);
  });

  it('a failed write: one line, and 5 whatever the command returns, before or after the error', () => {
    const fake = fakeProcess();
    const output = watchedStandardOutput(fake.streams);
    output.stream.write('x');
    expect(output.exitCode(0)).toBe(0);
    fake.stdout.emit('error', failure('ENOSPC', 'ENOSPC: no space left on device, write'));
    expect(process.exitCode).toBe(5);
    expect(output.exitCode(0)).toBe(5);
    expect(output.exitCode(1)).toBe(5);
    fake.stdout.emit('error', failure('EIO', 'EIO: i/o error, write'));
    expect(fake.said).toEqual(['aes-watch: cannot write to standard output (ENOSPC: no space left on device, write); what it printed there is incomplete\n']);
  });

  it('a reader that stopped reading (EPIPE) is no failure: the command ends with its own code', () => {
    const fake = fakeProcess();
    const output = watchedStandardOutput(fake.streams);
    output.stream.write('x');
    fake.stdout.emit('error', failure('EPIPE', 'write EPIPE'));
    expect(output.exitCode(0)).toBe(0);
    expect(output.exitCode(1)).toBe(1);
    expect(process.exitCode).toBe(exitCodeBefore);
    expect(fake.said).toEqual([]);
  });
});
