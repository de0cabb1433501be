import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startUntil } from '../support/ctrl-c.js';
import { REPO } from './support/child-build.js';
import { tempFolder } from '../support/temp.js';

/**
 * The README's self-hosting command, `node dist/src/cli/main.js schedule`, as a
 * real process: Ctrl-C (SIGINT to it) ends it, exit 0. (`npx aes-watch
 * schedule` does not: npm does not pass a SIGINT sent to it on to the daemon.)
 */
describe('node dist/src/cli/main.js schedule', () => {
  it('stops on Ctrl-C with exit 0 and logs JSON lines off a terminal', async () => {
    const dir = await tempFolder('aes-schedule-');
    await writeFile(join(dir, 'aes-watch.config.json'), '{}\n');
    const daemon = await startUntil([join(REPO, 'dist/src/cli/main.js'), 'schedule'], { cwd: dir, stream: 'stderr', ready: '"event":"scheduler-started"' });
    expect(await daemon.interrupt()).toBe(0);
    const events = daemon.printed().trimEnd().split('\n').map((line) => (JSON.parse(line) as { event?: string }).event);
    expect(events[0]).toBe('scheduler-started');
    expect(events).toContain('signal');
  });
});
