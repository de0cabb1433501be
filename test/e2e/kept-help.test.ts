import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBuild, REPO } from '../support/build-copy.js';
import { aesWatch as inProcess, type CliRun } from '../support/cli.js';
import { runProgram } from '../support/process.js';

/**
 * The program's help is text the build keeps (dist/bundle/help.txt, src/cli/kept-help.ts): the
 * built CLI prints it without loading the commands. It must be, word for word, what commander
 * prints from the source.
 */

let dir: string;
/** A copy of the build, whose kept text the tests below change. */
let install: string;
let fromSource: CliRun;
beforeAll(async () => {
  ({ dir, install } = await copyBuild('aes-watch-kept-help-'));
  fromSource = await inProcess(['--help'], { cwd: dir });
  expect(fromSource.stdout).toMatch(/^Usage: aes-watch \[options\] \[command\]\n/);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const built = (root: string, args: string[]) =>
  runProgram(process.execPath, [join(root, 'dist/src/cli/main.js'), ...args], { cwd: dir, env: { PATH: process.env.PATH, AES_WATCH_CODE_CACHE: 'off' } });

describe("the program's help", () => {
  it.each([['--help'], ['-h'], ['help']])('built, "%s" prints what commander prints from the source', async (word) => {
    expect(await built(REPO, [word])).toEqual({ code: 0, stdout: fromSource.stdout, stderr: '' });
  });

  it('is printed from the kept text', async () => {
    const kept = join(install, 'dist/bundle/help.txt');
    try {
      await writeFile(kept, 'Usage: aes-watch, as kept\n');
      for (const word of ['--help', '-h', 'help']) expect((await built(install, [word])).stdout).toBe('Usage: aes-watch, as kept\n');
      // Only the program's own help: a command's comes from commander.
      expect((await built(install, ['check', '--help'])).stdout).toMatch(/^Usage: aes-watch check \[options\]\n/);
      expect((await built(install, ['help', 'check'])).stdout).toMatch(/^Usage: aes-watch check \[options\]\n/);
    } finally {
      await cp(join(REPO, 'dist/bundle/help.txt'), kept);
    }
  });

  it('comes from commander where the build kept no text, or an empty one', async () => {
    const kept = join(install, 'dist/bundle/help.txt');
    try {
      await writeFile(kept, '');
      expect(await built(install, ['--help'])).toEqual({ code: 0, stdout: fromSource.stdout, stderr: '' });
      await rm(kept);
      expect(await built(install, ['-h'])).toEqual({ code: 0, stdout: fromSource.stdout, stderr: '' });
    } finally {
      await cp(join(REPO, 'dist/bundle/help.txt'), kept);
    }
  });
});
