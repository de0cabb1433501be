import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * What the built CLI loads before it does anything: `--help` is the start-up
 * every command pays. Node's built-ins it never uses must stay unloaded, and
 * the bundle takes built-ins without ES imports (scripts/bundle.mjs says why).
 */
const DIST = resolve(import.meta.dirname, '../../dist');
const BIN = join(DIST, 'src/cli/main.js');
const RECORDER = resolve(import.meta.dirname, '../support/record-imports.mjs');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aes-watch-start-up-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function builtinsLoadedBy(args: string[]): Promise<string[]> {
  const log = join(dir, 'imports.log');
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', RECORDER, BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, AES_WATCH_IMPORT_LOG: log } }, async (error) => {
      if (error) return fail(error);
      const lines = (await readFile(log, 'utf8')).split('\n');
      done(lines.filter((line) => line.startsWith('node:')));
    });
  });
}

describe('the CLI at start-up', () => {
  it('--help loads neither a subprocess module nor the network or compression ones', async () => {
    const builtins = await builtinsLoadedBy(['--help']);
    expect(builtins).toContain('node:fs'); // the recorder sees Node's modules
    for (const unused of ['node:child_process', 'node:http', 'node:zlib', 'node:crypto']) expect(builtins).not.toContain(unused);
  });

  it('the built files take Node built-ins without ES imports', async () => {
    const files = [BIN, ...(await readdir(join(DIST, 'bundle'))).filter((name) => name.endsWith('.js')).map((name) => join(DIST, 'bundle', name))];
    const imports: string[] = [];
    for (const file of files) {
      for (const line of (await readFile(file, 'utf8')).split('\n')) if (/^import\b.*["']node:/.test(line)) imports.push(`${file}: ${line}`);
    }
    expect(files.length).toBeGreaterThan(5);
    expect(imports).toEqual([]);
  });
});
