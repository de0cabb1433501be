import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { benchGuide, benchPage, benchSections } from '../../bench/fixtures.js';
import { RunReport } from '../../src/report/schema.js';
import { EntryState, SnapshotMeta } from '../../src/snapshot/schema.js';
import { sha256 } from '../../src/snapshot/store.js';
import { aesWatch } from '../support/cli.js';
import { FOLDER_MARKER } from '../../src/shared/owned-folder.js';
import { seeded } from '../support/seeded.js';
import { startSite, type FixtureSite } from '../support/site.js';

/**
 * Issue #10 B1: SIGKILL a real `check` of 50 entries at 20 seeded random
 * moments. After each kill the store is whole: every file parses, the
 * `current.*` files of a source come from one fetch (the hashes in
 * `current.json` say so), no baseline changed; and the next run takes the
 * dead run's lock over and gives the verdicts of a run never interrupted.
 *
 * The trials are independent (each its own copy of the store), so they run
 * two at a time; each child sends its trial's User-Agent (from the config file
 * in its folder), so the sites count each child's requests apart.
 */
const MAIN = resolve('dist/src/cli/main.js');
const ENTRIES = 50;
const HOSTS = 10;
const TRIALS = 20;
/** Trials at once: the machine has 2 CPUs. */
const SLOTS = 2;


// Night 2, against night 1: 15 pages changed, 10 back from an outage (first baseline), 5 now down.
const changed = (i: number) => i < 15;
const backTonight = (i: number) => i >= 15 && i < 25;
const downTonight = (i: number) => i >= 25 && i < 30;
let night = 1;
/** What to do on each request, by the User-Agent of the run that sends it. */
const onRequest = new Map<string, () => void>();

const sites: FixtureSite[] = [];
let root: string;
let template: string;
let guide: string;

async function respond(i: number, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
  onRequest.get(req.headers['user-agent'] ?? '')?.();
  // No keep-alive: a connection left in this process's pool by one in-process
  // run could be closed by its idle timer just as the next run reuses it.
  res.setHeader('connection', 'close');
  // A little latency, so a run lasts long enough to be cut at many places.
  await new Promise((done) => setTimeout(done, 15));
  const down = night === 1 ? backTonight(i) : downTonight(i);
  if (down) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
  const page = benchPage(i);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(night === 2 && changed(i) ? page.replace('Bureau du séjour', 'Bureau de l’admission au séjour, guichet 4') : page);
}

const args = (dir: string) => ['check', '--guide', guide, '--snapshots', join(dir, 'snapshots'), '--reports', join(dir, 'reports'), '--per-host-delay', '0', '--retries', '0', '--timeout', '5000', '--fetch', 'http', '--json'];

function spawnCheck(dir: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [MAIN, ...args(dir)], { cwd: dir, env: { ...process.env, AES_WATCH_LOG: 'error', CI: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, done: new Promise((ok) => child.on('close', (code, signal) => ok({ code, signal, stdout, stderr }))) };
}

/** A folder of its own for one run: a copy of the night-1 store, and a config naming the run in its User-Agent. */
async function runFolder(name: string): Promise<{ dir: string; userAgent: string }> {
  const dir = join(root, name);
  // The system's cp: a fifth of the CPU of fs.cp for the store's few hundred files.
  await new Promise<void>((copied, failed) => execFile('cp', ['-R', template, dir], (error) => (error ? failed(error) : copied())));
  const userAgent = `aes-watch-kill-test/${name}`;
  await writeFile(join(dir, 'aes-watch.config.json'), JSON.stringify({ userAgent }));
  return { dir, userAgent };
}

/** At most `n` tasks at a time, the others wait their turn in order. */
function limit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = n;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (free > 0) free -= 1;
    else await new Promise<void>((turn) => waiting.push(turn));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

const verdicts = (report: RunReport) => Object.fromEntries(report.entries.map((e) => [e.id, `${e.status}:${[...new Set(e.reasons.map((r) => r.code))].sort().join(',')}`]));

async function files(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

/** Source folders whose files an unfinished commit still has to put in place (the next run finishes it). */
async function pendingSources(snapshots: string): Promise<Set<string>> {
  const pending = new Set<string>();
  for (const name of await readdir(snapshots)) {
    if (!name.startsWith('.aes-watch-commit-')) continue;
    const manifest = JSON.parse(await readFile(join(snapshots, name, 'manifest.json'), 'utf8')) as { put: string[] };
    for (const rel of manifest.put) if (existsSync(join(snapshots, name, 'files', rel))) pending.add(join(snapshots, rel, '..'));
  }
  return pending;
}

/** Every file parses; every source's `current.*` agree with the hashes in `current.json`. Returns the sources checked. */
async function expectWholeStore(expect: ExpectStatic, snapshots: string, skip: Set<string> = new Set()): Promise<number> {
  let sources = 0;
  for (const path of await files(snapshots)) {
    const rel = path.slice(snapshots.length + 1);
    if (rel.startsWith('.aes-watch-')) continue;
    if (rel.endsWith('state.json')) EntryState.parse(JSON.parse(await readFile(path, 'utf8')));
    else if (rel.endsWith('.json')) SnapshotMeta.parse(JSON.parse(await readFile(path, 'utf8')));
    if (!rel.endsWith('current.json') || skip.has(join(path, '..'))) continue;
    const meta = SnapshotMeta.parse(JSON.parse(await readFile(path, 'utf8')));
    const dir = join(path, '..');
    expect(sha256(await readFile(join(dir, 'current.md'))), `${rel}: current.md from the same fetch`).toBe(meta.sha256.text);
    expect(sha256(await readFile(join(dir, 'current.html'))), `${rel}: current.html from the same fetch`).toBe(meta.sha256.html);
    sources += 1;
  }
  return sources;
}

async function baselines(snapshots: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const path of await files(snapshots)) if (/baseline\.\w+$/.test(path)) found.set(path.slice(snapshots.length), sha256(await readFile(path)));
  return found;
}

let reference: Record<string, string>;
let tailMs: number;

/** A whole night-2 run as a child process: its verdicts, and how long it runs after its last request. */
async function uninterrupted(name: string): Promise<{ verdicts: Record<string, string>; tailMs: number }> {
  const { dir, userAgent } = await runFolder(name);
  let lastRequest = 0;
  onRequest.set(userAgent, () => (lastRequest = performance.now()));
  const { done } = spawnCheck(dir);
  const result = await done;
  const tail = performance.now() - lastRequest;
  onRequest.delete(userAgent);
  expect(result.code, result.stderr).toBe(0);
  return { verdicts: verdicts(RunReport.parse(JSON.parse(result.stdout))), tailMs: tail };
}

beforeAll(async () => {
  for (let h = 0; h < HOSTS; h++) sites.push(await startSite({}, `127.0.13.${h + 1}`));
  for (let i = 0; i < ENTRIES; i++) sites[i % HOSTS]!.set(`/page-${i}`, (req, res) => void respond(i, req, res));
  root = await mkdtemp(join(tmpdir(), 'aes-kill-'));
  template = join(root, 'template');
  await mkdir(template);
  guide = join(root, 'guide.txt');
  await writeFile(guide, benchGuide('Killland', benchSections('Kill-', ENTRIES, (i) => sites[i % HOSTS]!.url(`/page-${i}`), (i) => i)));
  const first = await aesWatch(args(template), { cwd: template });
  expect(first.code, first.stderr).toBe(0);
  expect(RunReport.parse(JSON.parse(first.stdout)).summary).toEqual({ ok: 40, stale: 0, unreachable: 10 });

  // The night never interrupted, as real child processes, as many at once as the trials run:
  // their verdicts, and how long a run lasts after its last request under that load.
  night = 2;
  const runs = await Promise.all(Array.from({ length: SLOTS }, (_, n) => uninterrupted(`reference-${n + 1}`)));
  reference = runs[0]!.verdicts;
  for (const run of runs) expect(run.verdicts).toEqual(reference);
  expect(Object.values(reference).filter((v) => v.startsWith('stale')).length).toBe(15);
  tailMs = runs.reduce((sum, run) => sum + run.tailMs, 0) / runs.length;
}, 120_000);
afterAll(async () => {
  for (const site of sites) await site.close();
  if (root) await rm(root, { recursive: true, force: true, maxRetries: 3 });
});

describe('check killed with SIGKILL mid-run', () => {
  const random = seeded(10);
  // Half the moments fall among the fetches (after request k), half after the last one (reports, commit).
  const moments = Array.from({ length: TRIALS }, (_, t) => (t % 2 === 0 ? { afterRequest: 1 + Math.floor(random() * ENTRIES), delayMs: Math.floor(random() * 20) } : { afterRequest: ENTRIES, delayMs: -1, tailShare: random() }));
  const turn = limit(SLOTS);

  it.concurrent.for(moments.map((moment, t) => [t + 1, moment] as const))('kill %i: the store stays whole and the next run gives the same verdicts', { timeout: 120_000 }, ([t, moment], { expect }) =>
    turn(async () => {
      const { dir, userAgent } = await runFolder(`kill-${t}`);
      const snapshots = join(dir, 'snapshots');
      const before = await baselines(snapshots);

      let requests = 0;
      let kill: NodeJS.Timeout | undefined;
      const { child, done } = spawnCheck(dir);
      onRequest.set(userAgent, () => {
        requests += 1;
        if (requests !== moment.afterRequest) return;
        const delay = moment.delayMs >= 0 ? moment.delayMs : Math.floor((moment.tailShare ?? 0) * tailMs);
        kill = setTimeout(() => child.kill('SIGKILL'), delay);
      });
      const killed = await done;
      clearTimeout(kill);
      onRequest.delete(userAgent);
      expect(killed.signal === 'SIGKILL' || killed.code === 0, `${killed.code} ${killed.signal} ${killed.stderr}`).toBe(true);
      const lockLeft = existsSync(join(snapshots, '.aes-watch.lock'));
      // A kill among the fetches always cuts the run, leaving its lock behind.
      if (moment.delayMs >= 0) expect({ signal: killed.signal, lockLeft }).toEqual({ signal: 'SIGKILL', lockLeft: true });
      // A kill that lands once the run has released its lock, or after it exited, cut nothing:
      // the run finished, and printed its whole report before releasing the lock.
      if (killed.code === 0 || !lockLeft) expect(verdicts(RunReport.parse(JSON.parse(killed.stdout))), killed.stderr).toEqual(reference);

      const pending = await pendingSources(snapshots);
      const checked = await expectWholeStore(expect, snapshots, pending);
      expect(checked + pending.size).toBeGreaterThanOrEqual(40);
      const after = await baselines(snapshots);
      for (const [path, hash] of before) expect(after.get(path), `${path} unchanged`).toBe(hash);

      // The next run: the dead run's lock is taken over, an unfinished commit finished.
      const next = await aesWatch(args(dir), { cwd: dir });
      expect(next.code, next.stderr).toBe(0);
      expect(verdicts(RunReport.parse(JSON.parse(next.stdout)))).toEqual(reference);
      expect(await expectWholeStore(expect, snapshots)).toBe(50);
      expect((await readdir(snapshots)).filter((name) => name.startsWith('.aes-watch-') && name !== FOLDER_MARKER && name !== '.aes-watch-cache')).toEqual(['.aes-watch.lock'].filter((n) => existsSync(join(snapshots, n))));
      const final = await baselines(snapshots);
      for (const [path, hash] of before) expect(final.get(path), `${path} unchanged`).toBe(hash);
      await rm(dir, { recursive: true, force: true });
    }),
  );
});
