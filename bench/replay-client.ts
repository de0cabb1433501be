import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

/** Starts `hosts` loopback prefectures in a child process (its memory and CPU stay out of the measure). */
export async function startReplayHosts(hosts: number, pagesPerHost: number, latencyMs: number): Promise<ReplayHosts> {
  const child = fork(fileURLToPath(new URL('./replay-hosts.js', import.meta.url)), [String(hosts), String(pagesPerHost), String(latencyMs)], { stdio: 'ignore' });
  const ask = <T>(message: string, key: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (reply: Record<string, unknown>) => {
        if (key in reply) {
          child.off('message', onMessage);
          resolve(reply[key] as T);
        }
      };
      child.on('message', onMessage);
      if (message) child.send(message);
    });
  const origins = await ask<string[]>('', 'ready');
  return {
    origins,
    stats: () => ask<ReplayStats>('stats', 'stats'),
    reset: () => child.send('reset'),
    close: () => child.send('exit'),
  };
}
