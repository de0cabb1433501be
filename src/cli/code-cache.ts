import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import type writeFileAtomic from 'write-file-atomic';

// Node 22.1+ keeps compiled code itself; Node 20 has no such call.
type EnableCompileCache = (dir: string) => unknown;

/**
 * V8's compiled code for the bundle's chunks, kept between runs (in `dist/code-cache/`, beside the
 * code it was compiled from and as trusted), as Python keeps its `.pyc` files: V8 then neither
 * parses a chunk nor compiles the functions an earlier run compiled. Alternated quiet reruns of 100
 * entries: the first request left 17 ms sooner. `setting` is `$AES_WATCH_CODE_CACHE`: another folder,
 * or `off`. The cache only ever saves time: a folder that cannot be written, or a file V8 rejects
 * (another Node, damaged bytes), costs the compile and nothing else.
 *
 * Each command keeps its code in a folder of its own (`command`): what V8 keeps of a chunk is the
 * functions the run that wrote it compiled, and every command loads the `cli` chunk. Kept by a check,
 * that file made `--help` deserialize the check's functions and compile its own: 2–4 ms more than
 * with its own file (25 and 41 alternated runs, `node -e 0` at 77 ms).
 */
export function keepCompiledCode(bundleDir: string, setting: string | undefined, command: string): void {
  if (setting === 'off') return;
  const dir = join(setting || join(bundleDir, '..', 'code-cache'), command);
  const enableCompileCache = (Module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enableCompileCache === 'function') enableCompileCache(dir);
  else keepChunksCode(bundleDir + sep, dir);
}

interface Compiled {
  file: string;
  script: Script;
}

type Compile = (this: Module, content: string, filename: string) => unknown;

/** Node 20: the bundle's chunks (CommonJS, none with an import() to run) are compiled through vm.Script, which takes and makes V8's cached data. */
function keepChunksCode(bundleDir: string, dir: string): void {
  const proto = Module.prototype as unknown as { _compile: Compile };
  const compile = proto._compile;
  const unsaved: Compiled[] = [];
  proto._compile = function (content, filename) {
    if (!filename.startsWith(bundleDir)) return compile.call(this, content, filename);
    // V8 checks a cache against its source's length, not its text: the chunk's modification time in
    // the name keeps a chunk edited in place from running the code of the one before.
    const file = join(dir, `${basename(filename)}.${Math.trunc(statSync(filename).mtimeMs)}.cache`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // Node's own wrapper: the chunk's first line keeps its number in stack traces.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${content}\n})`, { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) unsaved.push({ file, script });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  // At exit, not after compiling: the data then holds every function this run compiled, not only the top level.
  process.once('exit', () => saveCompiled(unsaved, dir));
}

function saveCompiled(unsaved: Compiled[], dir: string): void {
  if (unsaved.length === 0) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return; // A folder we cannot make (a read-only install): the next run compiles, as without a cache.
  }
  // Loaded only here, by a run that has code to keep: at start-up it would load node:crypto.
  const { sync: writeWhole } = createRequire(import.meta.url)('write-file-atomic') as typeof writeFileAtomic;
  for (const { file, script } of unsaved) {
    try {
      // A run reading the cache at the same moment sees the old file or the new one, whole. No
      // fsync: a file lost to a power cut only means compiling again.
      writeWhole(file, script.createCachedData(), { fsync: false });
    } catch {
      // write-file-atomic has removed its temporary file: the next run compiles this chunk again.
    }
  }
}
