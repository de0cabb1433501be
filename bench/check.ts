import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './result.js';

/**
 * The check bench runs in a process of its own: its peak RSS is then the checking process's,
 * not that of the benches run before it in this one (the guide-parsing bench alone adds about
 * 50 MB under Node 24).
 */
export function run(): Promise<BenchResult[]> {
  const child = fork(fileURLToPath(new URL('./check-measure.js', import.meta.url)), [], { execArgv: ['--expose-gc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (results) => resolve(results as BenchResult[]));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the check bench exited (${code}) without its results`)));
  });
}
