import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * What the built CLI loads before it does anything: `--help` is the start-up
 * every command pays. Node's built-ins it never uses must stay unloaded, and
 * the bundle is CommonJS (scripts/bundle.mjs says why).
 */
const DIST = resolve(import.meta.dirname, '../../dist');
const BIN = join(DIST, 'src/cli/main.js');
const RECORDER = resolve(import.meta.dirname, '../support/record-imports.mjs');
const BUILTIN_RECORDER = resolve(import.meta.dirname, '../support/record-builtins.cjs');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aes-watch-start-up-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Runs `node <nodeArgs> aes-watch <args>`, whose preloaded recorder writes to the file named by `logVariable`. */
let runs = 0;
function recorded(nodeArgs: string[], logVariable: string, args: string[]): Promise<{ lines: string[]; stdout: string }> {
  const log = join(dir, `recorded-${(runs += 1)}.log`);
  return new Promise((done, fail) => {
    execFile(process.execPath, [...nodeArgs, BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, [logVariable]: log } }, async (error, stdout) => {
      if (error) return fail(error);
      done({ lines: (await readFile(log, 'utf8')).split('\n'), stdout });
    });
  });
}
/** What `aes-watch <args>` loaded: module URLs, then `node:<name>` for Node's own modules. */
const loadedBy = async (args: string[]) => (await recorded(['--import', RECORDER], 'AES_WATCH_IMPORT_LOG', args)).lines.map((line) => line.split(' ')[0] ?? '');
/** Node's own modules, internal ones included, that `node <flags> aes-watch <args>` loaded; and its output. */
async function nodeModulesLoadedBy(args: string[], flags: string[] = []): Promise<{ modules: string[]; stdout: string }> {
  const { lines, stdout } = await recorded([...flags, '--require', BUILTIN_RECORDER], 'AES_WATCH_BUILTIN_LOG', args);
  return { modules: lines, stdout };
}
const builtinsLoadedBy = async (args: string[]) => (await loadedBy(args)).filter((line) => line.startsWith('node:'));

describe('the CLI at start-up', () => {
  it('--help loads neither a subprocess module nor the network or compression ones', async () => {
    const builtins = await builtinsLoadedBy(['--help']);
    expect(builtins).toContain('node:fs'); // the recorder sees Node's modules
    for (const unused of ['node:child_process', 'node:http', 'node:zlib', 'node:crypto']) expect(builtins).not.toContain(unused);
  });

  it("--help prints the program's help, which the build kept, without loading the commands' chunk or commander", async () => {
    const chunksLoadedBy = async (args: string[]) => (await loadedBy(args)).flatMap((url) => /\/dist\/bundle\/([a-z-]+)-[\w-]+\.js$/.exec(url)?.[1] ?? []);
    expect(await chunksLoadedBy(['--version'])).toContain('cli'); // the recorder sees the chunk where commander runs
    expect(await chunksLoadedBy(['--help'])).not.toContain('cli');
  });

  // The ES module loader reads modules with fs/promises; require() reads them synchronously.
  const ES_LOADER_READS = 'NativeModule internal/fs/promises';

  it('--help takes the commands without starting the ES module loader', async () => {
    const { modules, stdout } = await nodeModulesLoadedBy(['--help']);
    expect(stdout).toMatch(/^Usage: aes-watch /);
    expect(modules).toContain('NativeModule internal/modules/cjs/loader'); // the recorder sees Node's internals
    expect(modules).not.toContain(ES_LOADER_READS);
  });

  it('--help needs no ES module support: it runs the same, on require() alone, where Node cannot require an ES module', async () => {
    const { modules, stdout } = await nodeModulesLoadedBy(['--help'], ['--no-experimental-require-module']);
    expect(stdout).toMatch(/^Usage: aes-watch /);
    expect(stdout).toBe((await nodeModulesLoadedBy(['--help'])).stdout);
    expect(modules).not.toContain(ES_LOADER_READS);
  });

  // The recorder names a require()'s parent by its path, an import()'s by its URL.
  const howTheCommandChunkLoads = async (flags: string[]) => {
    const guide = resolve(import.meta.dirname, '../../data/guides/normandie.txt');
    const { lines, stdout } = await recorded([...flags, '--import', RECORDER], 'AES_WATCH_IMPORT_LOG', ['guide', guide]);
    const parents = lines.filter((line) => /\/dist\/bundle\/quiet-night-[\w-]+\.js \S*\/dist\/bundle\/cli-/.test(line)).map((line) => line.split(' ')[1] ?? '');
    return { stdout, by: [...new Set(parents.map((parent) => (parent.startsWith('file:') ? 'import' : 'require')))] };
  };

  it('a command takes its chunk with require(), also where Node cannot require an ES module', async () => {
    const required = await howTheCommandChunkLoads([]);
    const withoutEsRequire = await howTheCommandChunkLoads(['--no-experimental-require-module']);
    expect(required.by).toEqual(['require']);
    expect(withoutEsRequire.by).toEqual(['require']);
    expect(required.stdout).toContain('14-calvados');
    expect(withoutEsRequire.stdout).toBe(required.stdout);
  });

  it('reading a guide loads neither the judging nor the report code (a first run reads its guide before its first request)', async () => {
    const guide = resolve(import.meta.dirname, '../../data/guides/normandie.txt');
    const chunks = (await loadedBy(['guide', guide])).flatMap((url) => /\/dist\/bundle\/([a-z-]+)-[\w-]+\.js$/.exec(url)?.[1] ?? []);
    expect(chunks).toContain('parse'); // the recorder sees the bundle's chunks
    // scripts/bundle.mjs names the chunk that judges and reports `check-answers`.
    expect(chunks).not.toContain('check-answers');
  });

  // src/cli/code-cache.ts compiles chunks with vm.Script, which has no loader for an import() to run.
  it('the built files are CommonJS, with no import() left to run', async () => {
    const files = [BIN, ...(await readdir(join(DIST, 'bundle'))).filter((name) => name.endsWith('.js')).map((name) => join(DIST, 'bundle', name))];
    const left: string[] = [];
    for (const file of files) {
      const code = (await readFile(file, 'utf8')).replaceAll('import(workerData.pdfjsUrl)', ''); // the PDF worker's source, a string
      for (const line of code.split('\n')) if (/^(?:import|export)\b|\bimport\(/.test(line)) left.push(`${file}: ${line}`);
    }
    expect(files.length).toBeGreaterThan(5);
    expect(left).toEqual([]);
  });

  // zod's core is one module: any classic schema anywhere would put every core type (and the memoizer
  // classic installs) into the chunk a check loads before its first request, which holds the core.
  it('no built file holds zod\'s classic API: every schema is zod/mini', async () => {
    const chunks = (await readdir(join(DIST, 'bundle'))).filter((name) => name.endsWith('.js'));
    const classic: string[] = [];
    for (const name of chunks) if ((await readFile(join(DIST, 'bundle', name), 'utf8')).includes('// node_modules/zod/v4/classic/')) classic.push(name);
    expect(chunks.some((name) => name.startsWith('quiet-night-'))).toBe(true);
    expect(classic).toEqual([]);
  });
});
