import { spawn } from 'node:child_process';

/**
 * Starts `node <args>` as a real process, waits until `stream` prints `ready`,
 * then `interrupt()` sends SIGINT (Ctrl-C) and resolves with the exit code.
 */
export async function startUntil(args: string[], options: { cwd?: string; stream: 'stdout' | 'stderr'; ready: string }) {
  const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child[options.stream].on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes(options.ready)) resolve();
    });
    void exited.then((code) => reject(new Error(`exited early (${code}): ${printed}`)));
  });
  return {
    printed: () => printed,
    async interrupt(): Promise<number | null> {
      child.kill('SIGINT');
      return exited;
    },
  };
}
