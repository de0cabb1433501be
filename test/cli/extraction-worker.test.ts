import { spawn } from 'node:child_process';
import { cp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunReport } from '../../src/report/schema.js';
import { workspace, type Workspace } from '../check/fixture-run.js';
import { typesetA4 } from '../support/pdf.js';
import { REAL_PATHS, realGuideSections } from '../support/real-guide.js';
import { bookingPage, dsfrPostalPage, ezPublishAppointmentPage, OISE_FILING, printOnlinePage } from '../support/real-pages.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { tempFolder } from '../support/temp.js';

/**
 * The built CLI (`node dist/src/cli/main.js check`) reads pages in a worker
 * thread. The same build without its worker script reads them in its own
 * thread, as it falls back to: both must write the very same snapshots and
 * report, and print the same.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RECORDER = fileURLToPath(new URL('../support/record-imports.mjs', import.meta.url));
const WORKER_SCRIPT = 'dist/bundle/extract-worker.js';
const FORM_PDF = '/contenu/telechargement/45012/298877/file/formulaire-aes.pdf';
/** An ISO time: when a run started, when a page was captured. */
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

interface Run {
  code: number | null;
  report: RunReport;
  /** What it printed, its times and workspace left out. */
  printed: { stdout: string; stderr: string };
  /** The snapshots and the JSON report the run wrote, by path in its workspace. */
  files: Map<string, string>;
  /** `url parent` of every module the run loaded, as test/support/record-imports.mjs logs them. */
  loaded: string[];
}

/** Times and the workspace's folder left out. */
const tidy = (text: string, ws: Workspace) => text.replace(TIME, '<time>').replaceAll(ws.dir, '<workspace>');

async function writtenFiles(ws: Workspace): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const snapshots = await readdir(ws.snapshots, { recursive: true, withFileTypes: true });
  // The parsed-guide cache holds no page; latest.html and latest.md render latest.json with the time of day.
  const paths = [...snapshots.filter((e) => e.isFile() && !e.parentPath.includes('.aes-watch-cache')).map((e) => join(e.parentPath, e.name)), join(ws.reports, 'latest.json')];
  for (const path of paths) files.set(path.slice(ws.dir.length), tidy(await readFile(path, 'utf8'), ws));
  return files;
}

async function check(cli: string, ws: Workspace): Promise<Run> {
  const log = join(ws.dir, 'imports.log');
  const args = ['--import', RECORDER, cli, 'check', '--guide', ws.guide, '--snapshots', ws.snapshots, '--reports', ws.reports, '--per-host-delay', '0', '--retries', '0', '--json'];
  const child = spawn(process.execPath, args, { cwd: ws.dir, env: { ...process.env, AES_WATCH_IMPORT_LOG: log, AES_WATCH_LOG: 'warn' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    report: RunReport.parse(JSON.parse(stdout)),
    printed: { stdout: tidy(stdout, ws), stderr: tidy(stderr, ws) },
    files: await writtenFiles(ws),
    loaded: (await readFile(log, 'utf8')).trim().split('\n'),
  };
}

const startedByPiscina = (loaded: string[]) => loaded.filter((line) => line.includes(WORKER_SCRIPT) && /node_modules\/piscina\/dist\/worker\.js$/.test(line));

describe('the built CLI reading pages in a worker thread', () => {
  let site: FixtureSite;
  /** A copy of the build without the worker script (its packages linked in). */
  let withoutWorker: string;

  beforeAll(async () => {
    site = await startSite({}, '127.0.20.1');
    site.set(REAL_PATHS.dsfr, { body: dsfrPostalPage({ token: 't1' }) });
    site.set(REAL_PATHS.ezPublish, { body: ezPublishAppointmentPage({ token: 't1' }) });
    site.set(REAL_PATHS.print, { body: printOnlinePage({ token: 't1' }) });
    site.set(REAL_PATHS.booking, { body: bookingPage({ token: 't1' }) });
    site.set(FORM_PDF, { body: Buffer.from(await typesetA4("Formulaire de demande d'admission exceptionnelle au séjour\n\nNom, prénom.")), headers: { 'content-type': 'application/pdf' } });
    withoutWorker = await tempFolder('aes-no-worker-');
    await cp(join(REPO, 'dist'), join(withoutWorker, 'dist'), { recursive: true });
    await rm(join(withoutWorker, WORKER_SCRIPT));
    await symlink(join(REPO, 'node_modules'), join(withoutWorker, 'node_modules'), 'dir');
  });
  afterAll(() => site.close());

  it('writes the same snapshots and report, and prints the same, as reading them in its own thread', { timeout: 60_000 }, async () => {
    const [inWorker, inMain] = [await workspace(), await workspace()];
    for (const ws of [inWorker, inMain]) await ws.writeGuide(realGuideSections(site.url));
    const worker = await check(join(REPO, 'dist/src/cli/main.js'), inWorker);
    const main = await check(join(withoutWorker, 'dist/src/cli/main.js'), inMain);

    expect(startedByPiscina(worker.loaded)).toHaveLength(1);
    expect(startedByPiscina(main.loaded)).toEqual([]);
    expect(worker.code).toBe(0);
    expect(worker.report.entries.map((e) => [e.id, e.status]).sort()).toEqual([
      ['02-aisne', 'ok'],
      ['27-eure', 'ok'],
      ['60-oise', 'ok'],
      ['80-somme', 'ok'],
    ]);
    const oise = [...worker.files].find(([path]) => path.includes('60-oise') && path.endsWith('current.md'))?.[1];
    expect(oise).toContain(OISE_FILING);
    expect(main.code).toBe(worker.code);
    expect(main.printed).toEqual(worker.printed);
    expect(main.files).toEqual(worker.files);
  });
});
