// Bundles the CLI after `tsc`: the command a user runs, `node dist/src/cli/main.js`,
// becomes one module plus a chunk per lazily loaded path (dist/bundle/), instead
// of about 500 files to resolve and compile (zod alone is 234) before the first
// request. Heavy or lazily loaded packages stay outside, loaded from node_modules
// only when a run needs them: a quiet night still loads no HTML parser, GitHub
// client or browser (test/check/quiet-night.test.ts watches for their paths).
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const INSIDE = new Set(['zod', 'commander', 'p-limit']);
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

/**
 * zod re-exports its 40-odd translations of error messages as `z.locales`,
 * which aes-watch never uses (its messages are its own, and zod's default
 * English is imported on its own): left out, a third of zod is not compiled
 * at every start.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic[\\/]external|core[\\/]index)\.js$/.test(args.importer) ? { path: 'zod-locales', namespace: 'unused' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { 'src/cli/main': 'src/cli/main.ts' },
  outdir: 'dist',
  chunkNames: 'bundle/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [withoutZodLocales],
  define: { __AES_GUIDE_READER__: JSON.stringify(reader.digest('hex').slice(0, 16)) },
  // CommonJS packages inside the bundle (commander) call require().
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
});
chmodSync('dist/src/cli/main.js', 0o755);
