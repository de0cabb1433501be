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

// Node's built-in modules are taken with process.getBuiltinModule, not imported: an ES import of a
// built-in builds an ES facade that reads every export, so `node:fs` loads its streams and the
// module loader makes a trip per built-in. Measured on the built-ins a night loads: 6 ms less before
// the first request. Each import line becomes one destructuring line; a namespace import has no
// such form and fails the build.
const BUILTIN_IMPORT = /^import (?:(.+?) from )?"(node:[\w/]+)";$/gm;
function bindingsOf(clause, from, chunk) {
  const load = `globalThis.process.getBuiltinModule(${JSON.stringify(from)})`;
  if (clause === undefined) return `${load};`;
  const named = /\{ (.*) \}$/.exec(clause);
  const first = clause.split(',')[0].trim();
  if (first.startsWith('*')) throw new Error(`bundle: ${chunk}: namespace import of ${from}; import names instead`);
  const defaultName = first.startsWith('{') ? null : first;
  const names = (named?.[1].split(', ') ?? []).map((spec) => {
    const [name, local = name] = spec.split(' as ');
    return name === 'default' ? { local, whole: true } : { text: name === local ? name : `${name}: ${local}` };
  });
  const whole = defaultName ?? names.find((name) => name.whole)?.local;
  const parts = names.filter((name) => !name.whole).map((name) => name.text);
  if (!whole) return `const { ${parts.join(', ')} } = ${load};`;
  return parts.length > 0 ? `const ${whole} = ${load}, { ${parts.join(', ')} } = ${whole};` : `const ${whole} = ${load};`;
}
const builtinsWithoutFacades = {
  name: 'builtins-without-facades',
  renderChunk(code, chunk) {
    let out = code.replace(BUILTIN_IMPORT, (_line, clause, from) => bindingsOf(clause, from, chunk.fileName));
    // CommonJS code in the bundle requires built-ins through rolldown's `__require`, made with
    // node:module's createRequire when the runtime loads: both left for what is not a built-in.
    out = out.replace(/\b__require\(("node:[\w/]+")\)/g, 'globalThis.process.getBuiltinModule($1)');
    out = out
      .replace('const { createRequire } = globalThis.process.getBuiltinModule("node:module");', 'const createRequire = (url) => globalThis.process.getBuiltinModule("node:module").createRequire(url);')
      .replace('(() => createRequire(import.meta.url))()', '((require) => (id) => (require ??= createRequire(import.meta.url))(id))()');
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

// The program a user starts is CommonJS, which takes the commands' chunk (an ES module) with
// require(): `--help` then never starts Node's ES module loader, 7 ms of its 100 ms budget. Where
// Node cannot require an ES module (22.0-22.11), or warns when it does (22.12), it uses import().
// Its folder gets a package.json that says CommonJS. The entry must have one import, of that
// chunk, and no other ES syntax: anything else fails the build.
const ENTRY = 'src/cli/main.js';
const REQUIRE_WORKS = "process.features.require_module === true && !process.versions.node.startsWith('22.12.')";
const entryAsCommonJs = {
  name: 'entry-as-commonjs',
  renderChunk(code, chunk) {
    if (chunk.fileName !== ENTRY) return null;
    // rolldown marks an entry without exports as a module with an empty export.
    const body = code.replace(/^export \{\s*\};$/m, '');
    const single = /^import \{ (.+?) \} from ("\.\.\/\.\.\/bundle\/[^"]+");$/m.exec(body);
    const rest = single ? body.replace(single[0], '') : body;
    const left = /^(?:import|export)\b|\bimport\.meta\b|\bimport\(/m.exec(rest);
    if (!single || left || !body.startsWith('#!')) throw new Error(`bundle: ${ENTRY} cannot run as CommonJS (${left ? `it has "${left[0]}"` : 'no import of the commands chunk'})`);
    // The body becomes a function of the chunk's exports (rolldown prints the result again, source map included).
    const names = single[1].split(', ').map((spec) => spec.replace(' as ', ': ')).join(', ');
    const [shebang, ...lines] = rest.trim().split('\n');
    const out = `${shebang}\nconst commands = ${single[2]};\nconst main = ({ ${names} }) => {\n${lines.join('\n')}\n};\nif (${REQUIRE_WORKS}) main(require(commands));\nelse import(commands).then(main);\n`;
    return { code: out, map: null };
  },
};

// The commands' chunk takes the chunk a command runs (a check's `quiet-night`) the same way:
// import() starts the ES loader's asynchronous reads for it; require() reads it at once. Alternated
// reruns, 25 rounds: the first request left 3-4 ms sooner. Where require() cannot, import() as before.
const chunksRequiredByCommands = {
  name: 'chunks-required-by-commands',
  renderChunk(code, chunk) {
    if (chunk.name !== 'cli') return null;
    // Chunk names still hold hash placeholders here.
    const body = code.replace(/\bimport\(("\.\/[^"]+\.js")\)/g, '__loadChunk($1)');
    if (body === code) {
      this.warn('the commands chunk imports no other chunk: nothing to require');
      return null;
    }
    const load = `const __loadChunk = ${REQUIRE_WORKS.replaceAll('process.', 'globalThis.process.')} ? ((req) => (id) => Promise.resolve().then(() => req(id)))(globalThis.process.getBuiltinModule("node:module").createRequire(import.meta.url)) : (id) => import(id);\n`;
    const at = body.search(/^(?!import\b)/m);
    return { code: body.slice(0, at) + load + body.slice(at), map: null };
  },
};

/** CommonJS packages inside the bundle (write-file-atomic) read __filename; defined on the first code line, so source-map lines stay right. */
const cjsFilename = {
  name: 'cjs-filename',
  renderChunk(code) {
    if (!/\b__filename\b/.test(code)) return null;
    const define = "const __filename = globalThis.process.getBuiltinModule('node:url').fileURLToPath(import.meta.url); ";
    const at = code.startsWith('#!') ? code.indexOf('\n') + 1 : 0;
    return { code: code.slice(0, at) + define + code.slice(at), map: null };
  },
};

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
const CLI_ROOT = resolve('src/cli/main.ts');
const GROUPS = [
  ['cli', ['src/cli/main.ts', 'src/cli/interrupt.ts']],
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
        if (module !== CLI_ROOT && !JSON_SCHEMA.test(module) && !groupOfModule.has(module)) groupOfModule.set(module, name);
      }
    }
  }
  return groupOfModule.get(id) ?? null;
};

// A dependency left out where one package imports it (encoding-sniffer, from cheerio) is not external there.
const isExternal = (id, importer) =>
  (id.startsWith('node:') || outside.some((name) => id === name || id.startsWith(`${name}/`))) && !unused.some((plugin) => plugin.leavesOut(id, importer));

rmSync('dist/bundle', { recursive: true, force: true });
const bundle = await rolldown({
  input: { 'src/cli/main': 'src/cli/main.ts' },
  platform: 'node',
  external: isExternal,
  transform: { target: 'node20.19', define: { __AES_GUIDE_READER__: JSON.stringify(reader.digest('hex').slice(0, 16)) } },
  plugins: [...unused, lazyChildProcess, cjsFilename, builtinsWithoutFacades, entryAsCommonJs, chunksRequiredByCommands],
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
  format: 'esm',
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
writeFileSync(join('dist', dirname(ENTRY), 'package.json'), '{ "type": "commonjs" }\n');

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
