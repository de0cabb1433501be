import { spawn } from 'node:child_process';
import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/run/check.js';
import { checkRequestFromConfig } from '../../src/run/request.js';
import { EXIT } from '../../src/shared/exit-codes.js';
import { nodeStoreFs, type StoreFs } from '../../src/snapshot/staging.js';
import { calvados, workspace, type Workspace } from '../check/fixture-run.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { snapshotTree } from './store-tree.js';
import { downloadLink, fileRoute } from '../documents/scene.js';
import { typesetA4 } from '../support/pdf.js';

/**
 * Issue #10 B3: a full or read-only snapshot or report folder ends the run
 * with one line naming the path, exit 5, and every snapshot file as it was.
 * Read-only is real: the CLI runs as a user the folder refuses (tests run as
 * root, whom permissions never refuse, so the child drops to `nobody`).
 * A full disk is simulated through the store's file system seam.
 */
const CLI = resolve('dist/src/cli/main.js');
let site: FixtureSite;
beforeAll(async () => {
  site = await startSite({}, '127.0.10.4');
});
afterAll(() => site.close());

/** Night 1 stored; tonight the page changed, so the run has snapshot files to write. */
async function secondNightPending(): Promise<{ ws: Workspace; before: Record<string, string> }> {
  site.set('/aes', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
  site.set('/manche', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
  const ws = await workspace();
  const manche = { ...calvados(site.url('/manche'), postalGuideText()), code: '50', departmentPhrase: 'de la Manche' };
  await ws.writeGuide([calvados(site.url('/aes'), postalGuideText()), manche]);
  await ws.check();
  const changed = dsfrPage({ updated: '02/03/2025', body: postalProcedure({ email: 'nouveau@testville.gouv.fr' }) });
  site.set('/aes', { body: changed });
  site.set('/manche', { body: changed });
  return { ws, before: await snapshotTree(ws.snapshots) };
}

const args = (ws: Workspace, reports = ws.reports) => ['check', '--guide', ws.guide, '--snapshots', ws.snapshots, '--reports', reports, '--per-host-delay', '0', '--retries', '0', '--timeout', '2000'];

/** The built CLI as a user whom the `readOnly` folders refuse; everything else in the workspace is open to it. */
async function cliAsOtherUser(ws: Workspace, argv: string[], readOnly: string[]): Promise<{ code: number | null; stderr: string }> {
  const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  await chmod(ws.dir, 0o777);
  for (const item of await readdir(ws.dir, { recursive: true, withFileTypes: true })) await chmod(join(item.parentPath, item.name), item.isDirectory() ? 0o777 : 0o666);
  for (const dir of readOnly) await chmod(dir, 0o555);
  // The other user must reach the built CLI: a clone under a private folder (mktemp -d) would refuse it.
  const opened: [string, number][] = [];
  if (process.getuid?.() === 0) {
    for (let dir = dirname(CLI); dir !== dirname(dir); dir = dirname(dir)) {
      const mode = (await stat(dir)).mode & 0o7777;
      if ((mode & 0o001) === 0) {
        opened.push([dir, mode]);
        await chmod(dir, mode | 0o001);
      }
    }
  }
  try {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd: ws.dir, env: { ...process.env, AES_WATCH_LOG: 'warn', CI: '1' }, ...asOther });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return { code, stderr };
  } finally {
    for (const dir of readOnly) await chmod(dir, 0o755);
    for (const [dir, mode] of opened) await chmod(dir, mode);
  }
}

const cannotWriteLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('aes-watch: cannot write'));

describe('a folder that cannot be written', () => {
  it('full disk while storing snapshots: exit 5, one line naming the file, every snapshot byte-identical', async () => {
    const { ws, before } = await secondNightPending();
    let writes = 0;
    const full: StoreFs = {
      ...nodeStoreFs,
      async writeFile(path, data) {
        writes += 1;
        if (writes === 3) throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), { code: 'ENOSPC', path });
        return nodeStoreFs.writeFile(path, data);
      },
    };
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const request = await checkRequestFromConfig(ws.dir, { guides: [ws.guide], snapshotsDir: ws.snapshots, reportsDir: ws.reports, perHostDelayMs: 0, retries: 0 });
    const result = await runCheck(request, { stdout: new PassThrough().resume(), stderr, cwd: ws.dir, env: { AES_WATCH_LOG: 'error' } }, undefined, { fs: full });
    expect(result.exitCode).toBe(EXIT.cannotWrite);
    expect(writes).toBe(3);
    const lines = cannotWriteLines(err);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^aes-watch: cannot write ${ws.snapshots}/\\d\\d-\\w+/[^ ]+/current\\.\\w+: no space left on the device \\(ENOSPC\\); the snapshots were left as they were$`));
    expect(await snapshotTree(ws.snapshots)).toEqual(before);
    // The disk has room again: the next night stores everything.
    expect((await ws.check()).report.entries.map((e) => e.status)).toEqual(['stale', 'stale']);
    expect(await snapshotTree(ws.snapshots)).not.toEqual(before);
  });

  it('read-only snapshot folder: exit 5 and one line naming it, nothing changed', async () => {
    const { ws, before } = await secondNightPending();
    const run = await cliAsOtherUser(ws, args(ws), [ws.snapshots]);
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(cannotWriteLines(run.stderr)).toEqual([`aes-watch: cannot write ${ws.snapshots}: permission denied (EACCES); nothing was changed`]);
    expect(await snapshotTree(ws.snapshots)).toEqual(before);
  });

  it('one read-only source folder: exit 5 naming it, and no other entry is changed either', async () => {
    const { ws, before } = await secondNightPending();
    const [key] = (await readdir(join(ws.snapshots, '50-manche'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    const refusing = join(ws.snapshots, '50-manche', key!);
    const run = await cliAsOtherUser(ws, args(ws), [refusing]);
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(cannotWriteLines(run.stderr)).toEqual([`aes-watch: cannot write ${refusing}: permission denied (EACCES); the snapshots were left as they were`]);
    expect(await snapshotTree(ws.snapshots)).toEqual(before);
    // Control: the same night as a user the folder accepts stores both entries.
    expect((await cliAsOtherUser(ws, args(ws), [])).code).toBe(0);
    const after = await snapshotTree(ws.snapshots);
    expect(Object.keys(after).filter((path) => after[path] !== before[path]).map((path) => path.split('/')[0])).toEqual(expect.arrayContaining(['14-calvados', '50-manche']));
  });

  it('report folder that is a file: exit 5 naming it, snapshots byte-identical', async () => {
    const { ws, before } = await secondNightPending();
    const reports = join(ws.dir, 'reports-file');
    await writeFile(reports, 'not a folder');
    const run = await ws.run(...args(ws, reports));
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(cannotWriteLines(run.stderr)).toEqual([`aes-watch: cannot write ${join(reports, 'latest.json')}: a file stands where a folder should be (EEXIST); the snapshots were left as they were`]);
    expect(await snapshotTree(ws.snapshots)).toEqual(before);
  });

  it('report folder that is a file while a linked document changed: the document files stay as they were too', async () => {
    const link = downloadLink('/dossier-aes.pdf', 'Dossier de demande AES', 'PDF - 120 Ko');
    site.set('/docs', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() + link }) });
    site.set('/dossier-aes.pdf', fileRoute(await typesetA4('Dossier de demande : pièces à fournir, version 1.')));
    const ws = await workspace();
    await ws.writeGuide([calvados(site.url('/docs'), postalGuideText())]);
    await ws.check();
    const before = await snapshotTree(ws.snapshots);
    expect(Object.keys(before).some((path) => path.includes('/documents/dossier') && path.endsWith('current.pdf'))).toBe(true);
    site.set('/dossier-aes.pdf', fileRoute(await typesetA4('Dossier de demande : pièces à fournir, version 2.')));
    const reports = join(ws.dir, 'reports-file');
    await writeFile(reports, 'not a folder');
    const run = await ws.run(...args(ws, reports));
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(await snapshotTree(ws.snapshots)).toEqual(before);
    // The same night with a report folder: the new document lands.
    expect((await ws.run(...args(ws))).code).toBe(EXIT.ok);
    expect(await snapshotTree(ws.snapshots)).not.toEqual(before);
  });

  it('read-only report folder: exit 5 naming the report, snapshots byte-identical', async () => {
    const { ws, before } = await secondNightPending();
    const run = await cliAsOtherUser(ws, args(ws), [ws.reports]);
    expect(run.code).toBe(EXIT.cannotWrite);
    expect(cannotWriteLines(run.stderr)).toEqual([`aes-watch: cannot write ${join(ws.reports, 'latest.json')}: permission denied (EACCES); the snapshots were left as they were`]);
    expect(await snapshotTree(ws.snapshots)).toEqual(before);
  });
});
