import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBuild, REPO } from '../support/build-copy.js';
import type { CliRun } from '../support/cli.js';
import { runProgram } from '../support/process.js';

/**
 * The built CLI keeps V8's compiled code for its chunks between runs (src/cli/code-cache.ts). The
 * cache may only ever save time: whatever state it is in, a run prints what it prints without it.
 */
const GUIDE = join(REPO, 'data/guides/normandie.txt');
// Node 22.1+ keeps the code itself, in its own layout; Node 20 runs aes-watch's own cache.
const NODE_KEEPS_CODE = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let dir: string;
/** A copy of the build, so that its default cache folder is this test's alone. */
let install: string;
beforeAll(async () => {
  ({ dir, install } = await copyBuild('aes-watch-code-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function aesWatch(args: string[], cache: string | undefined): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  if (cache !== undefined) env.AES_WATCH_CODE_CACHE = cache;
  return runProgram(process.execPath, [join(install, 'dist/src/cli/main.js'), ...args], { cwd: dir, env });
}
const guideTable = (cache: string | undefined) => aesWatch(['guide', GUIDE], cache);

/** Each cache file with its bytes and modification time: a file V8 accepted is not written again. */
async function cacheFiles(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(folder, { recursive: true })).sort()) {
    const path = join(folder, name);
    const info = await stat(path);
    if (info.isFile()) files.set(name, `${info.mtimeMs} ${(await readFile(path)).toString('base64')}`);
  }
  return files;
}

describe('the compiled code the built CLI keeps', () => {
  let expected: CliRun;
  beforeAll(async () => {
    expected = await guideTable('off');
    expect(expected.stdout).toContain('14-calvados');
  });

  it('is off with AES_WATCH_CODE_CACHE=off, and kept in the build folder by default', async () => {
    // The run with `off` (its working folder is `dir`) wrote nothing, there or in the build.
    expect(await readdir(dir)).toEqual(['install']);
    await expect(stat(join(install, 'dist/code-cache'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await guideTable(undefined)).toEqual(expected);
    const kept = [...(await cacheFiles(join(install, 'dist/code-cache'))).keys()];
    expect(kept.length).toBeGreaterThan(0);
    // In the command's own folder.
    for (const name of kept) expect(name.startsWith(`guide${sep}`)).toBe(true);
  });

  it("keeps each command's code in a folder of its own, and the program's options and unknown words in the program's", async () => {
    const folder = join(dir, 'per-command');
    expect(await guideTable(folder)).toEqual(expected);
    // The program's own help is kept text, which compiles nothing (src/cli/kept-help.ts).
    expect((await aesWatch(['--help'], folder)).stdout).toContain('Commands:');
    await expect(stat(join(folder, 'program'))).rejects.toMatchObject({ code: 'ENOENT' });
    const version = await aesWatch(['--version'], folder);
    expect(version.stdout).toBe('0.1.0\n');
    const typo = await aesWatch(['chek'], folder);
    expect(typo.code).toBe(2);
    expect((await readdir(folder)).sort()).toEqual(['guide', 'program']);
    for (const command of ['guide', 'program']) expect((await cacheFiles(join(folder, command))).size).toBeGreaterThan(0);
    expect(await aesWatch(['--version'], folder)).toEqual(version);
  });

  it('gives a second run the same output', async () => {
    const folder = join(dir, 'same-output');
    expect(await guideTable(folder)).toEqual(expected);
    expect((await cacheFiles(folder)).size).toBeGreaterThan(0);
    expect(await guideTable(folder)).toEqual(expected);
  });

  it('costs only the compile in a folder that cannot be made', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    expect(await guideTable(join(blocker, 'cache'))).toEqual(expected);
  });

  describe.skipIf(NODE_KEEPS_CODE)('on Node 20, by aes-watch itself', () => {
    it('keeps one file per chunk the run loaded, which V8 takes as it is on the next run', async () => {
      const folder = join(dir, 'taken');
      await guideTable(folder);
      const first = await cacheFiles(join(folder, 'guide'));
      const chunks = await readdir(join(install, 'dist/bundle'));
      expect([...first.keys()].some((name) => /^cli-[\w-]+\.js\.\d+\.cache$/.test(name))).toBe(true);
      for (const name of first.keys()) expect(chunks).toContain(name.replace(/\.\d+\.cache$/, ''));
      expect(await guideTable(folder)).toEqual(expected);
      // Not written again: V8 accepted every file (a rejected one is replaced at exit).
      expect(await cacheFiles(join(folder, 'guide'))).toEqual(first);
    });

    it('replaces a damaged file with code V8 takes, and prints the same', async () => {
      const root = join(dir, 'damaged');
      const folder = join(root, 'guide');
      await guideTable(root);
      const name = [...(await cacheFiles(folder)).keys()].find((file) => file.startsWith('cli-'))!;
      await writeFile(join(folder, name), 'not compiled code');
      expect(await guideTable(root)).toEqual(expected);
      const replaced = await cacheFiles(folder);
      expect(await readFile(join(folder, name), 'utf8')).not.toBe('not compiled code');
      await guideTable(root);
      expect(await cacheFiles(folder)).toEqual(replaced);
    });

    it('leaves no temporary file behind when a file cannot be put in place, and prints the same', async () => {
      const root = join(dir, 'blocked');
      const folder = join(root, 'guide');
      await guideTable(root);
      const name = [...(await cacheFiles(folder)).keys()].find((file) => file.startsWith('cli-'))!;
      // A folder where the file goes: the rename into place fails.
      await rm(join(folder, name));
      await mkdir(join(folder, name));
      expect(await guideTable(root)).toEqual(expected);
      // Nothing but kept code (and the folder in the way): no temporary file left behind.
      expect((await readdir(folder)).filter((file) => !file.endsWith('.cache'))).toEqual([]);
    });
  });

  // Last: it edits the build this file's runs share.
  it('never runs the code of a chunk as it was before an edit in place, even of the same length', async () => {
    const folder = join(dir, 'edited');
    const said = 'Parse guide documents and print their entries';
    const help = await aesWatch(['guide', '--help'], folder);
    expect(help.stdout).toContain(said); // and the commands' chunk's code is kept
    const bundle = join(install, 'dist/bundle');
    const chunk = join(bundle, (await readdir(bundle)).find((name) => /^cli-[\w-]+\.js$/.test(name))!);
    const code = await readFile(chunk, 'utf8');
    await writeFile(chunk, code.replace(said, said.toUpperCase()));
    expect((await aesWatch(['guide', '--help'], folder)).stdout).toBe(help.stdout.replace(said, said.toUpperCase()));
  });
});
