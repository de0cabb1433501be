import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunReport } from '../../src/report/schema.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { calvados, workspace, type Workspace } from './fixture-run.js';

/**
 * The built `aes-watch` as a user runs it, in its own process, recording which
 * modules it loads: a night where nothing changed must not load the HTML
 * parser (cheerio, turndown), a GitHub client or a browser, and must give the
 * same verdicts from the stored extraction.
 */
const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const RECORDER = fileURLToPath(new URL('../support/record-imports.mjs', import.meta.url));
// domino: turndown's own HTML parser, never needed since turndown is given cheerio's nodes.
const HEAVY_PACKAGES = ['cheerio', 'turndown', '@mixmark-io/domino', '@octokit', 'playwright', 'pino'];
const HEAVY = /node_modules\/(cheerio|turndown|@mixmark-io\/domino|@octokit|playwright|pino)\//;
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The packages each chunk of the bundled CLI loads (its own and its static imports'), as the build recorded them. */
const CHUNKS = JSON.parse(readFileSync(join(DIST, 'bundle', 'packages.json'), 'utf8')) as Record<string, string[]>;
function packagesInChunk(url: string): string[] {
  if (!url.startsWith('file:')) return [];
  const path = fileURLToPath(url);
  if (!path.startsWith(DIST)) return [];
  return (CHUNKS[path.slice(DIST.length)] ?? []).map((name) => (name.startsWith('@octokit/') ? '@octokit' : name));
}
const PAGE = '/Demarches/Etrangers/Admission-exceptionnelle-au-sejour';

interface SpawnedRun {
  code: number | null;
  stderr: string;
  report: RunReport;
  /** Packages loaded, among the heavy ones. */
  heavy: string[];
  /** Files loaded from node_modules (the bundled CLI loads its packages from its own chunks). */
  fromNodeModules: string[];
  /** Node's own public modules loaded, e.g. `node:zlib`. */
  builtins: string[];
  /** Whether a loaded chunk holds zod's classic API (and its JSON Schema code), not only zod/mini. */
  classicZod: boolean;
}

async function spawnCheck(ws: Workspace, log: string): Promise<SpawnedRun> {
  const args = ['--import', RECORDER, CLI, 'check', '--guide', ws.guide, '--snapshots', ws.snapshots, '--reports', ws.reports, '--per-host-delay', '0', '--retries', '0', '--timeout', '5000'];
  const child = spawn(process.execPath, args, { cwd: ws.dir, env: { ...process.env, AES_WATCH_IMPORT_LOG: log, AES_WATCH_LOG: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const loaded = (await readFile(log, 'utf8').catch(() => '')).split('\n').map((line) => line.split(' ')[0] ?? '');
  // A package is loaded from node_modules, or inside the bundle chunk that holds it.
  const packages = [...loaded.flatMap((url) => HEAVY.exec(url)?.[1] ?? []), ...loaded.flatMap(packagesInChunk)];
  const heavy = [...new Set(packages.filter((name) => HEAVY_PACKAGES.includes(name)))].sort();
  const report = RunReport.parse(JSON.parse(await readFile(join(ws.reports, 'latest.json'), 'utf8')));
  const fromNodeModules = [...new Set(loaded.filter((url) => url.includes('/node_modules/')))];
  const builtins = loaded.filter((line) => line.startsWith('node:'));
  const chunks = [...new Set(loaded.filter((url) => url.startsWith('file:') && fileURLToPath(url).startsWith(DIST)))];
  const classicZod = chunks.some((url) => readFileSync(fileURLToPath(url), 'utf8').includes('// node_modules/zod/v4/classic/'));
  return { code, stderr, report, heavy, fromNodeModules, builtins, classicZod };
}

/** Every snapshot file with its modification time and content, to prove a night wrote none. */
async function snapshotFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path, `${(await stat(path)).mtimeMs} ${await readFile(path, 'utf8')}`);
  }
  return files;
}

describe('a quiet night (built CLI in its own process)', () => {
  let site: FixtureSite;
  let ws: Workspace;
  let run = 0;
  const next = () => spawnCheck(ws, join(ws.dir, `imports-${(run += 1)}.log`));
  const page = dsfrPage({ updated: '14/01/2023', body: postalProcedure() });

  beforeAll(async () => {
    site = await startSite({}, '127.0.13.1');
  });
  afterAll(() => site.close());
  beforeEach(async () => {
    ws = await workspace();
    await ws.writeGuide([calvados(site.url(PAGE), postalGuideText())]);
  });

  it('answered by 304 loads no HTML parser, no GitHub client, no browser, writes no snapshot and keeps the verdicts', async () => {
    site.set(PAGE, (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end(page);
    });
    const first = await next();
    expect(first.code).toBe(0);
    expect(first.heavy).toEqual(['cheerio', 'turndown']); // a new page is parsed: the recorder sees it
    // A page whose header says UTF-8 is decoded without the charset sniffer and its iconv-lite copies.
    expect(first.fromNodeModules).toEqual([]);
    // A check's schemas, the report's included, are zod/mini: zod's classic API is for discovery and `schema`.
    expect(first.classicZod).toBe(false);
    const before = await snapshotFiles(ws.snapshots);

    const night = await next();
    expect(night.code).toBe(0);
    expect(night.heavy).toEqual([]);
    expect(night.fromNodeModules).toEqual([]);
    expect(night.classicZod).toBe(false);
    // No body to decompress, no subprocess: node:zlib and node:child_process (commander's) stay unloaded.
    expect(night.builtins).toContain('node:http');
    expect(night.builtins).not.toContain('node:zlib');
    expect(night.builtins).not.toContain('node:child_process');
    expect(night.report.entries[0]?.sources[0]).toMatchObject({ httpStatus: 304 });
    expect(night.report.entries.map((e) => [e.id, e.status, e.reasons])).toEqual(first.report.entries.map((e) => [e.id, e.status, e.reasons]));
    expect(night.report.entries[0]?.sources[0]?.currentText).toBe(first.report.entries[0]?.sources[0]?.currentText);
    expect(await snapshotFiles(ws.snapshots)).toEqual(before);
  });

  it('answered 200 with the very same page (no validators) reuses the stored extraction instead of parsing', async () => {
    site.set(PAGE, { body: page });
    const first = await next();
    expect(first.heavy).toEqual(['cheerio', 'turndown']);
    const night = await next();
    expect(night.code).toBe(0);
    expect(night.heavy).toEqual([]);
    expect(night.report.entries.map((e) => [e.status, e.reasons])).toEqual([['ok', []]]);
  });

  it('answered 200 with an edited page parses it again and sees the change', async () => {
    site.set(PAGE, { body: page });
    await next();
    site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure({ cedex: '14098 TESTVILLE CEDEX 9' }) }) });
    const night = await next();
    expect(night.heavy).toEqual(['cheerio', 'turndown']);
    expect(night.report.entries[0]).toMatchObject({ status: 'stale' });
    expect(night.report.entries[0]?.reasons.map((r) => r.code)).toContain('content-changed');
  });
});
