import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { watchedOutput } from '../../src/cli/process-output.js';

/** Standard output and error as the process gives them: built when first read, as Node builds its own. */
function fakeProcess() {
  const streams = { stdout: new PassThrough(), stderr: new PassThrough() };
  const said: string[] = [];
  streams.stderr.on('data', (chunk: Buffer) => said.push(chunk.toString()));
  const reads = { stdout: 0, stderr: 0 };
  return {
    process: {
      get stdout() {
        reads.stdout += 1;
        return streams.stdout;
      },
      get stderr() {
        reads.stderr += 1;
        return streams.stderr;
      },
    },
    ...streams,
    said,
    reads,
  };
}
const failure = (code: string, message: string) => Object.assign(new Error(message), { code });
const ENOSPC = () => failure('ENOSPC', 'ENOSPC: no space left on device, write');

const exitCodeBefore = process.exitCode;
afterEach(() => {
  process.exitCode = exitCodeBefore;
});

describe("the process's output, watched", () => {
  it('builds neither stream until a command writes to it', () => {
    const fake = fakeProcess();
    const output = watchedOutput(fake.process);
    expect(fake.reads).toEqual({ stdout: 0, stderr: 0 });
    expect(output.stdout).toBe(fake.stdout);
    expect(fake.reads).toEqual({ stdout: 1, stderr: 0 });
  });

  it('standard output failing: one line on standard error, and 5 whatever the command returns, before or after the error', () => {
    const fake = fakeProcess();
    const output = watchedOutput(fake.process);
    output.stdout.write('x');
    expect(output.exitCode(0)).toBe(0);
    fake.stdout.emit('error', ENOSPC());
    expect(process.exitCode).toBe(5);
    expect(output.exitCode(0)).toBe(5);
    expect(output.exitCode(1)).toBe(5);
    fake.stdout.emit('error', failure('EIO', 'EIO: i/o error, write'));
    expect(fake.said).toEqual(['aes-watch: cannot write to standard output (ENOSPC: no space left on device, write); what it printed there is incomplete\n']);
  });

  it('standard error failing: 5, with nothing more written there', () => {
    const fake = fakeProcess();
    const output = watchedOutput(fake.process);
    output.stderr.write('a line\n');
    fake.stderr.emit('error', ENOSPC());
    expect(output.exitCode(0)).toBe(5);
    expect(process.exitCode).toBe(5);
    expect(fake.said).toEqual(['a line\n']);
    expect(fake.reads.stdout).toBe(0);
  });

  it.each(['stdout', 'stderr'] as const)('a reader that stopped reading %s (EPIPE) is no failure: the command ends with its own code', (name) => {
    const fake = fakeProcess();
    const output = watchedOutput(fake.process);
    output[name].write('x');
    fake[name].emit('error', failure('EPIPE', 'write EPIPE'));
    expect(output.exitCode(0)).toBe(0);
    expect(output.exitCode(1)).toBe(1);
    expect(process.exitCode).toBe(exitCodeBefore);
    expect(fake.said).toEqual(name === 'stderr' ? ['x'] : []);
  });
});
