import { forkHosts } from './host-child.js';

export interface ReplayStats {
  ok: number;
  notModified: number;
  /** Epoch ms of the first request since the last reset (0: none yet). */
  firstAt: number;
  /** Most requests one host had in flight at once. */
  maxPerHost: number;
}

export interface ReplayHosts {
  origins: string[];
  stats(): Promise<ReplayStats>;
  reset(): void;
  close(): void;
}

/** Starts `hosts` loopback prefectures (replay-hosts.ts) in a child process, outside the measure. */
export async function startReplayHosts(hosts: number, pagesPerHost: number, latencyMs: number): Promise<ReplayHosts> {
  const { child, ask } = forkHosts('./replay-hosts.js', [String(hosts), String(pagesPerHost), String(latencyMs)]);
  const origins = await ask<string[]>('', 'ready');
  return {
    origins,
    stats: () => ask<ReplayStats>('stats', 'stats'),
    reset: () => child.send('reset'),
    close: () => child.send('exit'),
  };
}
