import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { calvados, useCalvadosScene } from './fixture-run.js';

/** `accept` takes only what an editor can really have reviewed: a cited page that answers. */
const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';
const scene = useCalvadosScene('127.0.17.2', PAGE);
const accept = (...args: string[]) => scene.ws.run('accept', ...args, '--snapshots', scene.ws.snapshots, '--guide', scene.ws.guide);
const sourceDirs = async () => {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(join(scene.ws.snapshots, '14-calvados'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
};

describe('aes-watch accept', () => {
  it('names the snapshot folder it looked in', async () => {
    await scene.ws.check();
    const run = await accept('14');
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toBe('snapshots: snapshots/\naccepted 14-calvados: 1 source(s) now the reviewed baseline\n');
  });

  it('refuses a gone page without --force, and the next run is still honest about it', async () => {
    await scene.ws.check();
    scene.site.set(PAGE, { status: 404, body: '<h1>Page introuvable</h1>' });
    await scene.ws.check();
    const refused = await accept('14');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`not accepted 14-calvados: ${scene.site.url(PAGE)} is gone`);
    expect(refused.stderr).toContain('npx aes-watch discover 14-calvados');
    expect(refused.stdout).not.toContain('accepted 14-calvados');
    const forced = await accept('14', '--force');
    expect(forced).toMatchObject({ code: 0 });
    expect(forced.stdout).toContain('accepted 14-calvados: 1 source(s)');
  });

  it('refuses a source whose last fetch failed', async () => {
    await scene.ws.check();
    scene.site.set(PAGE, { status: 503, body: 'maintenance' });
    await scene.ws.check();
    const refused = await accept('--all');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`the last fetch of ${scene.site.url(PAGE)} failed`);
    scene.site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    await scene.ws.check();
    expect((await accept('--all')).code).toBe(0);
  });

  it('never accepts a source the guide no longer cites, even with --force', async () => {
    await scene.ws.check();
    const [oldKey] = await sourceDirs();
    const baselineBefore = await readFile(join(scene.ws.snapshots, '14-calvados', oldKey!, 'baseline.md'), 'utf8');
    // The old page changes; meanwhile the editor cites a new page in the guide.
    scene.site.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() + '<p>Ancienne page, plus tenue à jour.</p>' }) });
    await scene.ws.check();
    scene.site.set('/nouvelle-page', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    await scene.ws.writeGuide([calvados(scene.site.url('/nouvelle-page'), postalGuideText())]);
    await scene.ws.check();
    const run = await accept('--all', '--force');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('accepted 14-calvados: 1 source(s)');
    expect(run.stderr).toContain(`skipped 14-calvados: ${scene.site.url(PAGE)} is no longer cited by the guide`);
    expect(await readFile(join(scene.ws.snapshots, '14-calvados', oldKey!, 'baseline.md'), 'utf8')).toBe(baselineBefore);
  });

  it('exits 4, like check, while another run holds the snapshot lock', async () => {
    await scene.ws.check();
    const owner = { pid: process.ppid, startedAt: new Date().toISOString(), command: 'aes-watch check', host: hostname() };
    await writeFile(join(scene.ws.snapshots, '.aes-watch.lock'), JSON.stringify(owner));
    const locked = await accept('14');
    expect(locked.code).toBe(4);
    expect(locked.stderr).toContain(`another run (pid ${process.ppid}`);
    expect(locked.stderr).toContain('is writing snapshots/');
  });
});
