import { readFileSync } from 'node:fs';
import type { ProcessOutput } from './process-output.js';

/** The command lines that print the program's help, all the same text. */
const PROGRAM_HELP = new Set(['--help', '-h', 'help']);

/**
 * Prints the program's help as the build kept it (`dist/bundle/help.txt`, which scripts/bundle.mjs
 * has the built CLI write), and says whether it did. The text is commander's, at the fixed width
 * run-cli.ts sets, so it is the same on every output; printed from the file, neither the commands'
 * chunk nor commander loads. Alternated with `node -e 0`, 21–25 rounds: `--help` added 7–8 ms to
 * Node's start-up instead of 16–26. Without the file (a build that did not write it), commander prints it.
 */
export function printKeptHelp(argv: readonly string[], file: string, output: ProcessOutput): boolean {
  if (argv.length !== 1 || !PROGRAM_HELP.has(argv[0]!)) return false;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (text === '') return false;
  output.stdout.write(text);
  return true;
}
