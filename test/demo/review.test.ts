import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/story.js';
import { RunReport } from '../../src/report/schema.js';
import { aesWatch } from '../support/cli.js';
import { startUntil } from '../support/ctrl-c.js';
import { tempFolder } from '../support/temp.js';

const REPO = resolve(import.meta.dirname, '../..');

/** The README's editor path, on the demo: stale → fix the guide → accept → recheck → ok, with the printed commands. */
describe('npm run demo -- --review', () => {
  it('keeps the replay site up and prints commands that take Calvados from stale to ok', async () => {
    const work = join(await tempFolder('aes-review-'), 'demo');
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const run = await runDemo(REPO, work, out, { review: true });
    try {
      expect(run.replay).not.toBeNull();
      const calvados = () => run.rounds[1].report!.entries.find((e) => e.id === '14-calvados')!;
      expect(calvados().status).toBe('stale');
      expect(printed).toContain(`until you press Ctrl-C`);

      const commands = printed.split('\n').filter((line) => line.startsWith('   $ ')).map((line) => line.slice('   $ '.length));
      expect(commands).toHaveLength(3);
      const [fix, accept, recheck] = commands as [string, string, string];
      // 1. Fix the guide, exactly as printed (a shell runs it, as in a terminal).
      execFileSync('sh', ['-c', fix], { cwd: process.cwd() });
      expect(await readFile(join(work, 'normandie.txt'), 'utf8')).toContain('14038 CAEN CEDEX 9');
      // 2. Accept, 3. recheck: the same arguments, through the CLI.
      const cli = (command: string) => {
        expect(command.startsWith('npx aes-watch ')).toBe(true);
        return aesWatch(command.slice('npx aes-watch '.length).split(' '), { cwd: process.cwd() });
      };
      const accepted = await cli(accept);
      expect(accepted.code).toBe(0);
      expect(accepted.stdout).toContain('accepted 14-calvados: 1 source(s)');
      const rechecked = await cli(recheck);
      expect(rechecked.code).toBe(0);
      const latest = RunReport.parse(JSON.parse(await readFile(join(work, 'reports', 'latest.json'), 'utf8')));
      expect(latest.entries.find((e) => e.id === '14-calvados')).toMatchObject({ status: 'ok', reasons: [] });
      // The other entries keep their round-2 verdicts in the whole picture.
      expect(latest.entries.map((e) => e.id)).toEqual(['14-calvados', '50-manche', '61-orne', '76-seine-maritime']);
    } finally {
      await run.replay?.close();
    }
  });

  it('stops cleanly on Ctrl-C (SIGINT)', async () => {
    const work = join(await tempFolder('aes-review-'), 'demo');
    const demo = await startUntil([join(REPO, 'dist/src/demo/main.js'), '--review', work], { stream: 'stdout', ready: 'until you press Ctrl-C' });
    expect(await demo.interrupt()).toBe(0);
    expect(demo.printed()).toContain('Replay site stopped.');
  });
});
