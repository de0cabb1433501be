import { availableParallelism } from 'node:os';
import type { BenchResult } from './result.js';

/** `npm run bench`: every stage's speed and memory targets, measured and printed. Never part of `npm test`. */
const suites: [string, () => Promise<{ run(): Promise<BenchResult[]> }>][] = [
  ['guide parsing', () => import('./guide.js')],
  ['check over HTTP', () => import('./check.js')],
  ['CLI check against urlwatch', () => import('./cli-check.js')],
  ['documents linked from pages', () => import('./documents.js')],
  ['CLI start-up', () => import('./startup.js')],
  ['browser fetching', () => import('./browser.js')],
  ['successor discovery', () => import('./discover.js')],
];

const only = process.argv.slice(2);
// Start-up and CPU differ between Node releases and from one window of a shared VM to the next: say which Node ran.
process.stdout.write(`aes-watch bench: Node ${process.version}, ${availableParallelism()} CPUs\n`);
let missed = 0;
for (const [name, load] of suites) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  process.stdout.write(`\n## ${name}\n`);
  try {
    for (const result of await (await load()).run()) {
      const mark = result.met === undefined ? '  ' : result.met ? 'ok' : result.retired ? 'off' : 'MISSED';
      if (result.met === false && !result.retired) missed += 1;
      const note = [result.note, result.met === false && result.retired ? `target retired: ${result.retired}` : undefined].filter(Boolean).join('; ');
      // A ratio's second decimal is its margin: 0.46× and 0.54× must not both print as 0.5×.
      const value = Number.isInteger(result.value) ? String(result.value) : result.value.toFixed(result.unit.startsWith('×') ? 2 : 1);
      process.stdout.write(`${mark.padEnd(6)} ${result.name.padEnd(52)} ${`${value} ${result.unit}`.padEnd(14)} ${result.target ? `target ${result.target}` : ''}${note ? `  (${note})` : ''}\n`);
    }
  } catch (error) {
    missed += 1;
    process.stdout.write(`FAILED ${name}: ${(error as Error).message}\n`);
  }
}
process.stdout.write(`\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}\n`);
process.exitCode = missed === 0 ? 0 : 1;
