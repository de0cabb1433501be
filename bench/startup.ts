import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, type BenchResult } from './result.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

/** `aes-watch --help` must stay fast: Playwright and the check pipeline load only when used. */
export async function run(): Promise<BenchResult[]> {
  const times: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const start = performance.now();
    execFileSync(process.execPath, [CLI, '--help'], { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  const value = median(times);
  return [{ name: 'aes-watch --help (median of 7, whole process)', value, unit: 'ms', target: '< 300 ms', met: value < 300 }];
}
