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

/** Round by round, `later` less `earlier`: what one command adds to the other, a slow stretch cancelled out. */
const added = (later: number[], earlier: number[]) => median(later.map((ms, i) => ms - earlier[i]!));

/** `aes-watch --help` must stay fast: the check pipeline, Playwright and Octokit load only when used. */
export async function run(): Promise<BenchResult[]> {
  const help = { args: [CLI, '--help'] };
  const withCerts = EXTRA_CA_CERTS === undefined ? [] : [{ ...help, env: process.env }];
  const [bare, helped, certified] = alternated([{ args: ['-e', '0'] }, help, ...withCerts]) as [number[], number[], number[] | undefined];
  const value = median(helped);
  const results: BenchResult[] = [
    {
      name: `aes-watch --help (median of ${ROUNDS}, whole process)`,
      value,
      unit: 'ms',
      target: '< 100 ms',
      met: value < 100,
      // What aes-watch adds to Node's own start-up: the part of the figure its code decides.
      note: `node -e 0 takes ${median(bare).toFixed(0)} ms here, taking turns with it; aes-watch adds ${added(helped, bare).toFixed(0)} ms`,
    },
  ];
  if (certified) {
    results.push({ name: 'aes-watch --help with NODE_EXTRA_CA_CERTS kept', value: median(certified), unit: 'ms', note: `Node reads ${EXTRA_CA_CERTS} at start-up: +${added(certified, helped).toFixed(0)} ms before aes-watch runs; left out of every other figure` });
  }
  return results;
}
