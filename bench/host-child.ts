import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface HostChild {
  child: ChildProcess;
  /** Sends `message` (if any) and waits for the first reply carrying `key`. */
  ask<T>(message: string, key: string): Promise<T>;
}

/** Forks a fixture-hosts script (kept out of the measured process, so its memory does not count). */
export function forkHosts(script: string, args: string[]): HostChild {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), args, { stdio: 'ignore' });
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
  return { child, ask };
}
