import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXTRA_CA_CERTS, measuredEnv } from './environment.js';
import { median, type BenchResult } from './result.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const ROUNDS = 11;

function timeMs(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', env });
  return performance.now() - start;
}

/**
 * Each command's whole-process times, the commands taking turns round by round: a stretch where
 * this shared machine starts processes slower slows all of them alike, so the differences hold.
 */
function alternated(commands: { args: string[]; env?: NodeJS.ProcessEnv }[]): number[][] {
  const times = commands.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    commands.forEach(({ args, env = measuredEnv() }, i) => times[i]!.push(timeMs(args, env)));
  }
  return times;
}

/** `aes-watch --help` must stay fast: the check pipeline, Playwright and Octokit load only when used. */
export async function run(): Promise<BenchResult[]> {
  const [bare, help] = alternated([{ args: ['-e', '0'] }, { args: [CLI, '--help'] }]) as [number[], number[]];
  const value = median(help);
  // What aes-watch adds to Node's own start-up, round by round: the part of the figure the code decides.
  const own = median(help.map((ms, i) => ms - bare[i]!));
  const results: BenchResult[] = [
    {
      name: `aes-watch --help (median of ${ROUNDS}, whole process)`,
      value,
      unit: 'ms',
      target: '< 100 ms',
      met: value < 100,
      note: `node -e 0 takes ${median(bare).toFixed(0)} ms here, taking turns with it; aes-watch adds ${own.toFixed(0)} ms`,
    },
  ];
  if (EXTRA_CA_CERTS !== undefined) {
    const withCerts = median(alternated([{ args: [CLI, '--help'], env: process.env }])[0]!);
    results.push({ name: 'aes-watch --help with NODE_EXTRA_CA_CERTS kept', value: withCerts, unit: 'ms', note: `Node reads ${EXTRA_CA_CERTS} at start-up: +${(withCerts - value).toFixed(0)} ms before aes-watch runs; left out of every other figure` });
  }
  return results;
}
