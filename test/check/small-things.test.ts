import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { RunReport } from '../../src/report/schema.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { calvados, useCalvadosScene } from './fixture-run.js';

const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';
const scene = useCalvadosScene('127.0.17.3', PAGE);

describe('check: the small things an editor trips on', () => {
  it('--only with an unknown id lists the valid ones', async () => {
    const run = await scene.ws.run('check', '--guide', scene.ws.guide, '--snapshots', scene.ws.snapshots, '--only', '27');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('aes-watch: --only: no guide entry matches "27"; the guide\'s entries are: 14-calvados (an id or its département code)\n');
  });

  it('a usage error points at npx aes-watch --help', async () => {
    const run = await scene.ws.run('check', '--no-such-flag');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(run npx aes-watch --help for usage)');
  });

  it('--wait says it is waiting, then runs once the other run is done', async () => {
    await scene.ws.check();
    const lock = join(scene.ws.snapshots, '.aes-watch.lock');
    const startedAt = new Date().toISOString();
    await writeFile(lock, JSON.stringify({ pid: process.ppid, startedAt, command: 'aes-watch check', host: hostname() }));
    const stderr = new PassThrough();
    let said = '';
    const waiting = new Promise<void>((resolve) =>
      stderr.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        if (said.includes('waiting for it to end')) resolve();
      }),
    );
    const args = ['check', '--guide', scene.ws.guide, '--snapshots', scene.ws.snapshots, '--reports', scene.ws.reports, '--per-host-delay', '0', '--wait'];
    const run = runCli(args, { stdout: new PassThrough(), stderr, cwd: scene.ws.dir, env: { AES_WATCH_LOG: 'warn' } });
    await waiting;
    expect(said).toContain(`aes-watch: another run (pid ${process.ppid}) is writing ${scene.ws.snapshots}; waiting for it to end (--wait)`);
    await rm(lock);
    expect(await run).toBe(0);
  });

  it('--only keeps latest.* whole: it updates only the entries it checked', async () => {
    const manche = { code: '50', departmentPhrase: 'de la Manche', prefecture: 'Testville', url: scene.site.url('/manche'), procedure: postalGuideText() };
    scene.site.set('/manche', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    await scene.ws.writeGuide([calvados(scene.site.url(PAGE), postalGuideText()), manche]);
    await scene.ws.check();
    scene.site.set(PAGE, { status: 404, body: 'introuvable' });
    const { report } = await scene.ws.check('--only', '14');
    expect(report.entries.map((e) => e.id)).toEqual(['14-calvados']);
    const latest = RunReport.parse(JSON.parse(await readFile(join(scene.ws.reports, 'latest.json'), 'utf8')));
    expect(latest.entries.map((e) => [e.id, e.status])).toEqual([
      ['14-calvados', 'stale'],
      ['50-manche', 'ok'],
    ]);
    expect(latest.summary).toEqual({ ok: 1, stale: 1, unreachable: 0 });
    const md = await readFile(join(scene.ws.reports, 'latest.md'), 'utf8');
    expect(md).toContain('| Manche (50) | ✅ à jour');
    expect(md).toContain('| Calvados (14) | ⚠️ à revoir');
  });
});
