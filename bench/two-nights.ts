import { PassThrough } from 'node:stream';
import { runCheck, type CheckResult } from '../src/run/check.js';
import { checkRequestFromConfig } from '../src/run/request.js';
import { silentLogger } from '../src/shared/log.js';
import type { HostChild } from './host-child.js';

export interface Night<S> {
  result: CheckResult;
  ms: number;
  cpuMs: number;
  /** What the fixture hosts served during this run. */
  stats: S;
}

/**
 * Checks the guides in `dir` twice in this process, against fixture hosts that count what they
 * serve: a first run, then a quiet rerun once the hosts' counters are reset. `peakMb` is this
 * process's peak RSS after the first run.
 */
export async function twoNights<S>(dir: string, guides: string[], hosts: HostChild): Promise<{ first: Night<S>; second: Night<S>; peakMb: number }> {
  const request = await checkRequestFromConfig(dir, { guides, perHostDelayMs: 0, retries: 0, timeoutMs: 10_000 });
  const sink = new PassThrough().resume();
  const io = { stdout: sink, stderr: sink, cwd: dir, env: {} };
  const night = async (): Promise<Night<S>> => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await runCheck(request, io, undefined, { log: silentLogger });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { result, ms, cpuMs: (used.user + used.system) / 1000, stats: await hosts.ask<S>('stats', 'stats') };
  };
  global.gc?.();
  const first = await night();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  hosts.child.send('reset');
  const second = await night();
  return { first, second, peakMb };
}
