// Bundles the CLI after `tsc`: the command a user runs, `node dist/src/cli/main.js`,
// becomes one module plus a chunk per lazily loaded path (dist/bundle/), instead
// of about 500 files to resolve and compile (zod alone is 234) before the first
// request. A lazily loaded package stays lazy: the HTML parser is in the chunk of
// extraction, which a quiet night never loads (test/check/quiet-night.test.ts
// reads dist/bundle/packages.json to see which chunk loads which package).
// Packages that find files of their own at run time (pino's workers, pdf.js's,
// Piscina's, Playwright's browsers) or that load only for rare paths stay in node_modules.
// Pages are read in a worker thread (src/extract/pool.ts): its script is an entry
// of its own, dist/bundle/extract-worker.js, beside the chunk that starts it.
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const INSIDE = new Set(['zod', 'commander', 'p-limit', 'cheerio', 'css-select', 'turndown', 'write-file-atomic']);
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => !INSIDE.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// Everything that decides what a guide parses to: a change to any of it
// invalidates the parsed-guide cache (src/guide/cache.ts).
const READER_SOURCES = ['src/guide', 'src/facts', 'src/shared/pdf', 'package-lock.json'];
const filesUnder = (path) =>
  path.endsWith('.json') ? [path] : readdirSync(path, { recursive: true }).filter((name) => name.endsWith('.ts')).sort().map((name) => join(path, name));
const reader = createHash('sha256');
for (const file of READER_SOURCES.flatMap(filesUnder)) reader.update(file).update('\0').update(readFileSync(file)).update('\0');

/** Resolves `filter` imported from a file matching `importer` to an empty module. */
const leaveOut = (name, filter, importer, contents) => ({
  name,
  setup(build) {
    build.onResolve({ filter }, (args) => (importer.test(args.importer) ? { path: name, namespace: 'left-out' } : undefined));
    build.onLoad({ filter: new RegExp(`^${name}$`), namespace: 'left-out' }, () => ({ contents, loader: 'js' }));
  },
});
const unused = [
  // zod re-exports its 40-odd translations of error messages as `z.locales`, which aes-watch never
  // uses (its messages are its own; zod's English is imported on its own): a third of zod.
  leaveOut('zod-locales', /^\.\.\/locales\/index\.js$/, /[\\/]zod[\\/]v4[\\/](?:classic[\\/]external|core[\\/]index)\.js$/, 'export {};'),
  // cheerio imports undici only for `fromURL`; aes-watch fetches pages itself. Undici is
  // larger than cheerio and everything else it loads put together.
  leaveOut('undici', /^undici$/, /[\\/]cheerio[\\/]/, 'export {};'),
];

rmSync('dist/bundle', { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { 'src/cli/main': 'src/cli/main.ts', 'bundle/extract-worker': 'src/extract/extract-worker.ts' },
  outdir: 'dist',
  chunkNames: 'bundle/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external,
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  plugins: unused,
  define: { __AES_GUIDE_READER__: JSON.stringify(reader.digest('hex').slice(0, 16)) },
  // CommonJS packages inside the bundle (commander, turndown, write-file-atomic) call require() and read __filename.
  banner: {
    js: [
      "import { createRequire as __bundleRequire } from 'node:module';",
      "import { fileURLToPath as __bundlePath } from 'node:url';",
      'const require = __bundleRequire(import.meta.url);',
      'const __filename = __bundlePath(import.meta.url);',
    ].join(' '),
  },
});
chmodSync('dist/src/cli/main.js', 0o755);

// src/extract/lazy.ts finds the worker script beside itself: it must stay in a chunk of dist/bundle/.
const lazy = Object.entries(metafile.outputs).find(([, { inputs }]) => 'src/extract/lazy.ts' in inputs)?.[0];
if (!lazy?.startsWith('dist/bundle/')) throw new Error(`src/extract/lazy.ts was bundled into ${lazy}, not beside dist/bundle/extract-worker.js`);

// Which packages each output file loads: its own and those of the chunks it imports
// statically, which load with it (the extraction worker's entry holds none itself),
// for tests that watch what a run loads.
const packageOf = (input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
const scripts = Object.entries(metafile.outputs).filter(([output]) => output.endsWith('.js'));
const held = new Map(scripts.map(([output, { inputs }]) => [output, Object.keys(inputs).map(packageOf).filter(Boolean)]));
function loadedWith(output, seen = new Set()) {
  if (seen.has(output)) return [];
  seen.add(output);
  const statics = metafile.outputs[output].imports.filter((i) => i.kind === 'import-statement' && held.has(i.path));
  return [...held.get(output), ...statics.flatMap((i) => loadedWith(i.path, seen))];
}
const packages = Object.fromEntries(scripts.map(([output]) => [output.replace(/^dist\//, ''), [...new Set(loadedWith(output))].sort()]));
writeFileSync('dist/bundle/packages.json', JSON.stringify(packages, null, 2) + '\n');
