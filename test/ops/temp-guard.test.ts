import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

/** The guard of test/support/temp-guard.ts, proven on a vitest run of its own whose one test leaks a folder. */
describe('the temp-folder guard', () => {
  it('fails the run (exit 1), names what was left, and removes it', async () => {
    const outer = await tempFolder('aes-guard-');
    // A clean environment for the inner vitest: none of this worker's VITEST_* variables.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const child = spawn(process.execPath, [VITEST, 'run', '--config', 'test/fixtures/temp-guard/vitest.config.ts'], { cwd: REPO, env: { ...env, TMPDIR: outer, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(output).toContain('1 passed');
    expect(output).toMatch(/the tests left 1 temporary file\(s\) or folder\(s\) behind in \S+\/aes-watch-tests-\w+: forgotten-\w+/);
    expect(code).toBe(1);
    expect(await readdir(outer)).toEqual([]);
  });
});
