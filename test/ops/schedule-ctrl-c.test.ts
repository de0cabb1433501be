import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/child-build.js';

/**
 * The README's self-hosting command, `node dist/src/cli/main.js schedule`, as a
 * real process: Ctrl-C (SIGINT to it) ends it, exit 0. (`npx aes-watch
 * schedule` does not: npm does not pass a SIGINT sent to it on to the daemon.)
 */
describe('node dist/src/cli/main.js schedule', () => {
  it('stops on Ctrl-C with exit 0 and logs JSON lines off a terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aes-schedule-'));
    await writeFile(join(dir, 'aes-watch.config.json'), '{}\n');
    const child = spawn(process.execPath, [join(REPO, 'dist/src/cli/main.js'), 'schedule'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('"event":"scheduler-started"')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`schedule exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const events = stderr.trimEnd().split('\n').map((line) => (JSON.parse(line) as { event?: string }).event);
    expect(events[0]).toBe('scheduler-started');
    expect(events).toContain('signal');
  });
});
