import { execFile } from 'node:child_process';
import type { CliRun } from './cli.js';

/**
 * Runs `file` in a child process, as a shell or a script would, and gives its exit code with what
 * it printed: -1 when it ended without a code of its own (killed by a signal, or never started).
 */
export function runProgram(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((done) => {
    execFile(file, args, options, (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}
