// Bundles the CLI after `tsc`: the command a user runs, `node dist/src/cli/main.js`,
// becomes a few modules (dist/bundle/) instead of about 500 files to resolve and
// compile (zod alone is 234) before the first request.
//
// Rolldown, not esbuild: esbuild splits shared code into one chunk per set of
// entry points that reach it, which here made a quiet night load 32 files, two
// thirds of them under 5 kB, each paying Node's module loader. Rolldown's
// manual code splitting puts every module a check needs before its first
// request into one chunk (`quiet-night`); measured, the first request left
// 50–70 ms sooner. Lazily loaded code stays lazy: the HTML parser is in
// extraction's chunk, which a quiet night never loads
// (test/check/quiet-night.test.ts reads dist/bundle/packages.json to see which
// chunk loads which package). Packages that find files of their own at run time
// (pino's workers, pdf.js's, Playwright's browsers) or that load only
// for rare paths stay in node_modules.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rolldown } from 'rolldown';

const INSIDE = new Set(['zod', 'commander', 'p-limit', 'cheerio', 'css-select', 'turndown', 'write-file-atomic']);
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outside = Object.keys(dependencies).filter((name) => !INSIDE.has(name));

// Everything that decides what a guide parses to: a change to any of it
// invalidates the parsed-guide cache (src/guide/cache.ts).
const READER_SOURCES = ['src/guide', 'src/facts', 'src/shared/pdf', 'package-lock.json'];
const filesUnder = (path) =>
  path.endsWith('.json') ? [path] : readdirSync(path, { recursive: true }).filter((name) => name.endsWith('.ts')).sort().map((name) => join(path, name));
const reader = createHash('sha256');
for (const file of READER_SOURCES.flatMap(filesUnder)) reader.update(file).update('\0').update(readFileSync(file)).update('\0');

/** Resolves `source` imported from a file matching `importer` to an empty module. */
const leaveOut = (name, source, importer, contents) => {
  const leavesOut = (id, from) => source.test(id) && !!from && importer.test(from);
  return {
    name,
    leavesOut,
    resolveId: (id, from) => (leavesOut(id, from) ? `\0left-out:${name}` : null),
    load: (id) => (id === `\0left-out:${name}` ? contents : null),
  };
};
const unused = [
  // zod re-exports its 40-odd translations of error messages as `z.locales`, which aes-watch never
  // uses (its messages are its own; zod's English is imported on its own): a third of zod.
  leaveOut('zod-locales', /^\.\.\/locales\/index\.js$/, /[\\/]zod[\\/]v4[\\/](?:classic[\\/]external|core[\\/]index)\.js$/, 'export {};'),
  // cheerio imports undici only for `fromURL`; aes-watch fetches pages itself. Undici is
  // larger than cheerio and everything else it loads put together.
  leaveOut('undici', /^undici$/, /[\\/]cheerio[\\/]/, 'export const Client = undefined, interceptors = undefined, errors = undefined;'),
  // cheerio decodes byte streams with encoding-sniffer only in `loadBuffer` and its stream loaders;
  // aes-watch decodes bodies itself (src/fetch/charset.ts). Its ES entry alone took 25 ms to load.
  leaveOut('encoding-sniffer', /^encoding-sniffer$/, /[\\/]cheerio[\\/]/, 'export const decodeBuffer = undefined, DecodeStream = undefined;'),
  // turndown parses an HTML string with domino, nine tenths of extraction's code; aes-watch hands it
  // the nodes cheerio parsed (src/extract/mini-dom.ts), so that parser would never run.
  leaveOut('domino', /^@mixmark-io\/domino$/, /[\\/]turndown[\\/]/, "export function createDocument() { throw new Error('aes-watch gives turndown parsed nodes, never HTML'); }"),
];

// Built as CommonJS: a chunk's require() of another reads it at once, where import() starts the ES
// loader's asynchronous reads (and its facades of Node's built-ins, which for `node:fs` load its
// streams), and V8's compiled code can be kept between runs for CommonJS alone on Node 20
// (src/cli/code-cache.ts). rolldown keeps import() for what is outside the bundle, which a chunk
// compiled by vm.Script could not run: those become require() too, which Node 20.19+ and 22.12+
// do for ES packages as well (package.json's engines).
const LITERAL_IMPORT = /\bimport\(("[^"]+")\)/g;
// The PDF worker's source is a string in its chunk, run by a worker thread that Node's own loader starts.
const WORKER_IMPORT = 'import(workerData.pdfjsUrl)';
const importsAsRequires = {
  name: 'imports-as-requires',
  renderChunk(code, chunk) {
    const out = code.replace(LITERAL_IMPORT, 'Promise.resolve().then(() => require($1))');
    const left = out.replaceAll(WORKER_IMPORT, '').search(/\bimport\(/);
    if (left >= 0) this.error(`bundle: ${chunk.fileName} keeps an import() a chunk compiled by vm.Script cannot run: ${out.slice(left, left + 60)}`);
    return out === code ? null : { code: out, map: null };
  },
};

// commander requires node:child_process (and with it net, dgram, streams) for subcommands run as
// separate executables, which aes-watch has none of: loaded only if one is ever spawned.
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    const eager = "const childProcess = require('node:child_process');";
    if (!code.includes(eager)) {
      this.warn('commander no longer requires node:child_process as expected: it loads eagerly again');
      return null;
    }
    return { code: code.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), map: null };
  },
};

const ENTRY = 'src/cli/main.js';

/** The modules statically reachable from `roots`. */
function staticClosure(roots, ctx) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

// A check's code in a few files, each a group of rolldown's, claimed in this order (a module goes
// to the first group whose roots reach it statically):
// - what every command loads, --help among them (with the 1 kB a check adds to stop cleanly on a
//   signal: not worth a file, and a trip through the module loader, of its own);
// - what a check runs before its first request;
// - fact reading, shared by extraction and judging: on its own, so the first page read does not
//   load judging's code with the parser;
// - what a check loads once answers come in (judging, the reports), which would otherwise be a
//   dozen small chunks on a night's critical path.
// No group reaches main.ts, nor the code cache it alone imports: both stay in main.js, which
// installs the cache before it requires the first chunk.
const GROUPS = [
  ['cli', ['src/cli/run-process.ts', 'src/cli/interrupt.ts']],
  ['quiet-night', ['src/run/check.ts', 'src/run/request.ts']],
  ['facts', ['src/facts/extract.ts', 'src/facts/match.ts', 'src/extract/normalise.ts']],
  [
    'check-answers',
    [
      'src/run/judge-entry.ts',
      'src/run/discovery.ts',
      'src/report/reporters.ts',
      'src/report/schema.ts',
      'src/report/merge-latest.ts',
      'src/report/summary.ts',
      'src/report/html.ts',
      'src/notify/drafts-reporter.ts',
    ],
  ],
];
// zod's JSON Schema output: reachable from every schema, used only by the `schema` command. Left to
// rolldown, it goes with what uses it, not into a check's chunks.
const JSON_SCHEMA = /[\\/]zod[\\/]v4[\\/]core[\\/](?:json-schema|to-json-schema|json-schema-processors|json-schema-generator)\.js$/;
let groupOfModule;
const groupOf = (id, ctx) => {
  if (!groupOfModule) {
    groupOfModule = new Map();
    for (const [name, roots] of GROUPS) {
      for (const module of staticClosure(roots.map((path) => resolve(path)), ctx)) {
        if (!JSON_SCHEMA.test(module) && !groupOfModule.has(module)) groupOfModule.set(module, name);
      }
    }
  }
  return groupOfModule.get(id) ?? null;
};

// A dependency left out where one package imports it (encoding-sniffer, from cheerio) is not external there.
const isExternal = (id, importer) =>
  (id.startsWith('node:') || outside.some((name) => id === name || id.startsWith(`${name}/`))) && !unused.some((plugin) => plugin.leavesOut(id, importer));

rmSync('dist/bundle', { recursive: true, force: true });
// Compiled code kept by earlier runs is for chunks this build replaces.
rmSync('dist/code-cache', { recursive: true, force: true });
const bundle = await rolldown({
  input: { 'src/cli/main': 'src/cli/main.ts' },
  platform: 'node',
  external: isExternal,
  transform: { target: 'node20.19', define: { __AES_GUIDE_READER__: JSON.stringify(reader.digest('hex').slice(0, 16)) } },
  plugins: [...unused, lazyChildProcess, importsAsRequires],
  logLevel: 'warn',
  onLog(level, log, handle) {
    // The reporter registry loads the notifiers as plugins, by dynamic import (test/shared/imports.test.ts);
    // in the bundle they share the report stage's chunk, as meant: not worth a warning on every install.
    if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && /src\/notify\/drafts-reporter\.ts/.test(log.message)) return;
    handle(level, log);
  },
});
const { output } = await bundle.write({
  dir: 'dist',
  format: 'cjs',
  // ASCII only, JSDoc left to the source maps: a source with no other character decodes on Node's
  // fast path and V8 keeps it one byte per character (a single "→" made a 240 kB chunk two).
  charset: 'ascii',
  comments: { jsdoc: false, legal: true, annotation: true },
  entryFileNames: '[name].js',
  chunkFileNames: 'bundle/[name]-[hash].js',
  sourcemap: true,
  // One rolldown group each, the earlier first: a group also takes the modules its own import, unless an earlier one has them.
  codeSplitting: {
    groups: GROUPS.map(([name], index) => ({ name: (id, ctx) => (groupOf(id, ctx) === name ? name : null), debugName: name, priority: GROUPS.length - index })),
  },
});
await bundle.close();
chmodSync(join('dist', ENTRY), 0o755);
for (const folder of [dirname(ENTRY), 'bundle']) writeFileSync(join('dist', folder, 'package.json'), '{ "type": "commonjs" }\n');

const chunks = output.filter((file) => file.type === 'chunk');

// Which packages each output file loads: its own and those of the chunks it imports
// statically, which load with it, for tests that watch what a run loads.
const packageOf = (id) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
function loadedWith(name, seen = new Set()) {
  if (seen.has(name)) return [];
  seen.add(name);
  const chunk = byName.get(name);
  const own = chunk.moduleIds.map(packageOf).filter(Boolean);
  const statics = chunk.imports.filter((path) => byName.has(path));
  return [...own, ...statics.flatMap((path) => loadedWith(path, seen))];
}
const packages = Object.fromEntries(chunks.map((chunk) => [chunk.fileName, [...new Set(loadedWith(chunk.fileName))].sort()]));
writeFileSync('dist/bundle/packages.json', JSON.stringify(packages, null, 2) + '\n');

// The program's help, as the built CLI prints it through commander (the file does not exist yet):
// `--help` then prints this text without loading the commands (src/cli/kept-help.ts).
const help = spawnSync(process.execPath, [join('dist', ENTRY), '--help'], { encoding: 'utf8', env: { ...process.env, AES_WATCH_CODE_CACHE: 'off' } });
if (help.status !== 0 || !help.stdout.startsWith('Usage: aes-watch ')) throw new Error(`bundle: the built CLI's --help failed (exit ${help.status}): ${help.stderr.trim().split('\n')[0] ?? ''}`);
writeFileSync('dist/bundle/help.txt', help.stdout);
