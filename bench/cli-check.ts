import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, hasUrlwatch, tempDir, timeProcess, urlwatchArgs, writeBenchGuides, writeUrlwatchJobs, type ProcessRun } from './cli-run.js';
import { startReplayHosts, type ReplayHosts, type ReplayStats } from './replay-client.js';
import { median, type BenchResult } from './result.js';

/**
 * `aes-watch check` as a user runs it (a new `node dist/src/cli/main.js` process
 * per run) against loopback prefectures answering after 50 ms, side by side with
 * urlwatch on the same pages when it is installed.
 *
 * Fairness: both fetch the same URLs from the same servers with the same latency,
 * and both send the validators they stored (If-None-Match), so a quiet night is
 * all 304 for both. aes-watch runs with its defaults except `--per-host-delay 0`
 * (urlwatch has no pause between requests to a host); it still makes one request
 * at a time per host, which the servers verify. urlwatch runs with its defaults
 * (10 worker threads, hard-wired in 2.x; no per-host limit, which it cannot do;
 * no filter, so it stores raw pages and does the least work it can), its own
 * config, cache and hooks in a temp dir.
 */
const LATENCY_MS = 50;
const HOSTS = 50;
const ENTRIES = 100;
const RERUNS = 5;
/** Five each, taking turns: with three, one slow stretch of this shared machine could decide the median. */
const FIRST_RUNS = 5;
/** Scale: 5 pages per host, so 1,000 entries are on 200 hosts. */
const SCALE = [100, 300, 1000];
const PAGES_PER_HOST = 5;
const DEFAULT_CONCURRENCY = 50;

interface Measured {
  run: ProcessRun;
  stats: ReplayStats;
  /** Entry id → verdict, from reports/latest.json (aes-watch only). */
  verdicts: Map<string, string>;
}

async function verdictsOf(dir: string): Promise<Map<string, string>> {
  const report = JSON.parse(await readFile(join(dir, 'reports', 'latest.json'), 'utf8')) as { entries: { id: string; status: string }[] };
  return new Map(report.entries.map((entry) => [entry.id, entry.status]));
}

async function measure(replay: ReplayHosts, command: string, args: string[], dir: string, env?: NodeJS.ProcessEnv): Promise<Omit<Measured, 'verdicts'>> {
  replay.reset();
  const run = await timeProcess(command, args, dir, env);
  const stats = await replay.stats();
  if (run.exitCode !== 0) throw new Error(`${command} ${args.slice(0, 2).join(' ')} exited ${run.exitCode}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return { run, stats };
}

async function aesWatch(replay: ReplayHosts, dir: string, guides: string[]): Promise<Measured> {
  const measured = await measure(replay, process.execPath, [CLI, 'check', '--guide', ...guides, '--per-host-delay', '0'], dir);
  return { ...measured, verdicts: await verdictsOf(dir) };
}

const wall = (runs: Measured[] | Omit<Measured, 'verdicts'>[]) => median(runs.map((m) => m.run.wallMs));
const cpu = (runs: Measured[]) => median(runs.map((m) => m.run.cpuMs ?? Number.NaN));
const peak = (runs: Measured[]) => Math.max(...runs.map((m) => m.run.peakMb ?? Number.NaN));
const allOk = (m: Measured, count: number) => m.verdicts.size === count && [...m.verdicts.values()].every((v) => v === 'ok');
const sameVerdicts = (a: Measured, b: Measured) => a.verdicts.size === b.verdicts.size && [...a.verdicts].every(([id, v]) => b.verdicts.get(id) === v);
const fetchFloorMs = (requests: number, perHost: number) => Math.max(perHost, Math.ceil(requests / DEFAULT_CONCURRENCY)) * LATENCY_MS;

/**
 * Writes the page cache back to disk: a nightly rerun comes a day after the files it reads were
 * written, not while the kernel is still flushing them, for aes-watch and urlwatch alike.
 */
function settleDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // No `sync` command: measured as is.
  }
}

/** One tool's runs over the bench's pages: a first run from a fresh state, or a rerun on the last one. */
interface Runs<M> {
  first(): Promise<M>;
  rerun(): Promise<M>;
  done(): Promise<void>;
}

function aesWatchRuns(replay: ReplayHosts, count: number, hosts: number): Runs<Measured> {
  let dir = '';
  let guides: string[] = [];
  return {
    async first() {
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = await tempDir('aes-bench-cli-');
      guides = await writeBenchGuides(dir, count, replay.origins, hosts);
      return aesWatch(replay, dir, guides);
    },
    rerun: () => aesWatch(replay, dir, guides),
    done: () => rm(dir, { recursive: true, force: true }),
  };
}

async function urlwatchRuns(replay: ReplayHosts, count: number, hosts: number): Promise<Runs<Omit<Measured, 'verdicts'>>> {
  const dir = await tempDir('aes-bench-urlwatch-');
  const env = { ...process.env, HOME: dir };
  await writeUrlwatchJobs(dir, count, replay.origins, hosts);
  await timeProcess('urlwatch', [...urlwatchArgs(dir), '--list'], dir, env); // writes its default config, untimed
  return {
    async first() {
      await rm(join(dir, 'cache.db'), { force: true });
      return measure(replay, 'urlwatch', urlwatchArgs(dir), dir, env);
    },
    rerun: () => measure(replay, 'urlwatch', urlwatchArgs(dir), dir, env),
    done: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Node alone, sending one request as soon as it runs: the floor under aes-watch's first request on
 * this machine, as `node -e 0` is under `--help`. A script file, as aes-watch is one.
 */
async function bareRequestRuns(replay: ReplayHosts): Promise<Runs<Omit<Measured, 'verdicts'>>> {
  const dir = await tempDir('aes-bench-bare-');
  const script = join(dir, 'first-request.cjs');
  await writeFile(script, `require('node:http').get(${JSON.stringify(`${replay.origins[0]}/page-0`)}, (answer) => answer.resume());\n`);
  const run = () => measure(replay, process.execPath, [script], dir);
  return { first: run, rerun: run, done: () => rm(dir, { recursive: true, force: true }) };
}

/** First runs, then reruns in the last one's folder (every page answers 304). */
async function firstAndReruns(replay: ReplayHosts, count: number, hosts: number, firstRuns: number, reruns: number) {
  const aes = aesWatchRuns(replay, count, hosts);
  const first: Measured[] = [];
  for (let i = 0; i < firstRuns; i += 1) first.push(await aes.first());
  settleDisk();
  const again: Measured[] = [];
  for (let i = 0; i < reruns; i += 1) again.push(await aes.rerun());
  await aes.done();
  return { first, again };
}

/**
 * aes-watch and urlwatch take turns, run by run, so that a stretch where this shared machine runs
 * slower slows both alike.
 */
async function sideBySide(replay: ReplayHosts) {
  const aesRuns = aesWatchRuns(replay, ENTRIES, HOSTS);
  const peerRuns = hasUrlwatch() ? await urlwatchRuns(replay, ENTRIES, HOSTS) : null;
  const bareRuns = await bareRequestRuns(replay);
  const aes = { first: [] as Measured[], again: [] as Measured[] };
  const peer = { first: [] as Omit<Measured, 'verdicts'>[], again: [] as Omit<Measured, 'verdicts'>[] };
  const bare: Omit<Measured, 'verdicts'>[] = [];
  // Each run starts on a settled disk: none pays for the writes of the one before it.
  const settled = <M>(run: () => Promise<M>) => (settleDisk(), run());
  for (let i = 0; i < FIRST_RUNS; i += 1) {
    aes.first.push(await settled(aesRuns.first));
    if (peerRuns) peer.first.push(await settled(peerRuns.first));
  }
  for (let i = 0; i < RERUNS; i += 1) {
    aes.again.push(await settled(aesRuns.rerun));
    bare.push(await bareRuns.rerun());
    if (peerRuns) peer.again.push(await settled(peerRuns.rerun));
  }
  await Promise.all([aesRuns.done(), peerRuns?.done(), bareRuns.done()]);
  return { aes, peer: peerRuns ? peer : null, bare };
}

export async function run(): Promise<BenchResult[]> {
  const replay = await startReplayHosts(Math.max(HOSTS, SCALE.at(-1)! / PAGES_PER_HOST), PAGES_PER_HOST, LATENCY_MS);
  try {
    const results: BenchResult[] = [];
    const { aes, peer, bare } = await sideBySide(replay);
    const floor = fetchFloorMs(ENTRIES, ENTRIES / HOSTS);
    const rerunMs = wall(aes.again);
    const all304 = aes.again.every((m) => m.stats.notModified === ENTRIES && m.stats.ok === 0);
    const setting = `${ENTRIES} entries, ${HOSTS} hosts, ${LATENCY_MS} ms latency`;

    if (peer) {
      const peerRerun = wall(peer.again);
      const peerFirst = wall(peer.first);
      const peer304 = peer.again.every((m) => m.stats.notModified === ENTRIES);
      // CPU time is what a loaded machine cannot blur: shown beside each wall-time ratio.
      const cpuOf = (runs: Omit<Measured, 'verdicts'>[]) => median(runs.map((m) => m.run.cpuMs ?? Number.NaN));
      const cpuNote = (mine: Measured[], theirs: Omit<Measured, 'verdicts'>[]) => `CPU ${cpuOf(mine).toFixed(0)} vs ${cpuOf(theirs).toFixed(0)} ms`;
      results.push(
        { name: `rerun, all 304 (${setting})`, value: rerunMs / peerRerun, unit: '× urlwatch', target: '<= 0.5×', met: rerunMs / peerRerun <= 0.5 && all304 && peer304, note: `aes-watch ${rerunMs.toFixed(0)} ms, urlwatch ${peerRerun.toFixed(0)} ms, medians of ${RERUNS}; ${cpuNote(aes.again, peer.again)}; fetch floor ${floor} ms` },
        { name: `first run (${setting})`, value: wall(aes.first) / peerFirst, unit: '× urlwatch', target: '<= 1.0×', met: wall(aes.first) <= peerFirst, note: `aes-watch ${wall(aes.first).toFixed(0)} ms, urlwatch ${peerFirst.toFixed(0)} ms, medians of ${FIRST_RUNS}; ${cpuNote(aes.first, peer.first)}` },
        { name: 'urlwatch peak RSS, rerun', value: Math.max(...peer.again.map((m) => m.run.peakMb ?? Number.NaN)), unit: 'MB' },
      );
    } else {
      results.push(
        { name: `rerun, all 304 (${setting})`, value: rerunMs, unit: 'ms', target: `<= fetch floor ${floor} + 250 ms`, met: rerunMs <= floor + 250 && all304, note: `median of ${RERUNS}; urlwatch not installed` },
        { name: `first run (${setting})`, value: wall(aes.first), unit: 'ms', note: `median of ${FIRST_RUNS}; urlwatch not installed, no peer` },
      );
    }
    // From the process's start (the child's `spawn` event); from the bench's spawn() call too, which
    // adds the bench's own fork.
    const firstRequestOf = (m: Omit<Measured, 'verdicts'>) => m.stats.firstAt - m.run.startedAt;
    const firstRequest = median(aes.again.map(firstRequestOf));
    const fromSpawnCall = median(aes.again.map((m) => m.stats.firstAt - m.run.spawnedAt));
    // Round by round, as for --help: what aes-watch adds to Node's own way to its first request.
    const added = median(aes.again.map((m, i) => firstRequestOf(m) - firstRequestOf(bare[i]!)));
    const peerFirstRequest = peer ? `; urlwatch's ${median(peer.again.map(firstRequestOf)).toFixed(0)} ms` : '';
    results.push(
      { name: 'rerun peak RSS', value: peak(aes.again), unit: 'MB' },
      { name: 'first request after process start (rerun)', value: firstRequest, unit: 'ms', target: '< 150 ms', met: firstRequest < 150, note: `median of ${RERUNS}; ${fromSpawnCall.toFixed(0)} ms from the bench's spawn() call; Node alone sends one ${median(bare.map(firstRequestOf)).toFixed(0)} ms after its start, taking turns: aes-watch adds ${added.toFixed(0)} ms${peerFirstRequest}` },
    );

    const scale: { count: number; first: Measured[]; again: Measured[] }[] = [];
    for (const count of SCALE) scale.push({ count, ...(await firstAndReruns(replay, count, count / PAGES_PER_HOST, 1, 3)) });
    for (const { count, again } of scale) {
      const ms = wall(again);
      const mb = peak(again);
      const big = count === SCALE.at(-1);
      results.push({
        name: `scale: rerun, ${count} entries on ${count / PAGES_PER_HOST} hosts`,
        value: ms,
        unit: 'ms',
        ...(big ? { target: '< 3000 ms, RSS < 250 MB', met: ms < 3000 && mb < 250 } : {}),
        note: `CPU ${cpu(again).toFixed(0)} ms, peak RSS ${mb.toFixed(0)} MB, fetch floor ${fetchFloorMs(count, PAGES_PER_HOST)} ms`,
      });
    }
    // Linear: the CPU each extra entry costs from 300 to 1,000 is at most 1.5× what it costs from 100 to 300.
    const [s1, s2, s3] = scale.map((s) => cpu(s.again)) as [number, number, number];
    const low = (s2 - s1) / (SCALE[1]! - SCALE[0]!);
    const high = (s3 - s2) / (SCALE[2]! - SCALE[1]!);
    results.push({ name: 'scale: CPU per extra entry, 300→1,000 vs 100→300', value: high / low, unit: '×', target: '<= 1.5× (linear)', met: high / low <= 1.5, note: `${low.toFixed(2)} then ${high.toFixed(2)} ms CPU per entry` });

    const everyRun = [...aes.first, ...aes.again, ...scale.flatMap((s) => [...s.first, ...s.again])];
    const maxPerHost = Math.max(...everyRun.map((m) => m.stats.maxPerHost));
    const verdictsHold = aes.first.every((m) => allOk(m, ENTRIES)) && aes.again.every((m) => sameVerdicts(aes.first[0]!, m)) && scale.every((s) => s.again.every((m) => allOk(m, s.count) && sameVerdicts(s.first[0]!, m)));
    results.push(
      { name: 'requests in flight per host, most seen', value: maxPerHost, unit: '', target: '1', met: maxPerHost === 1 },
      { name: 'reruns give the first run\'s verdicts (all ok)', value: verdictsHold ? 1 : 0, unit: verdictsHold ? 'yes' : 'no', target: 'yes', met: verdictsHold },
    );
    return results;
  } finally {
    replay.close();
  }
}
