import { execFile } from 'node:child_process';
import { cp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dsfrPage, guideDocument, postalGuideText, postalProcedure, type GuideSectionSpec } from '../support/prefecture.js';
import { bookingPage, dsfrPostalPage, ezPublishAppointmentPage, printOnlinePage } from '../support/real-pages.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { tempFolder } from '../support/temp.js';

/**
 * The built CLI reads pages in worker threads when the machine has a spare
 * CPU. Whatever thread reads a page, the snapshots and the report must be
 * the same, for every kind of page: read, a challenge, too short, too deep,
 * not UTF-8. Which thread read the pages is seen from the modules each run
 * loaded (test/support/record-imports.mjs).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RECORDER = fileURLToPath(new URL('../support/record-imports.mjs', import.meta.url));

const challenge = `<html><head><title>Vérification</title></head><body><h1>Vérification de sécurité</h1>${'<p>Votre navigateur doit être vérifié avant d’accéder au site des services de l’État. Cette vérification est automatique et ne prend que quelques secondes. Merci de patienter.</p>'.repeat(3)}<p>Veuillez activer JavaScript pour continuer.</p></body></html>`;
const PAGES: Record<string, { body: string | Buffer; headers?: Record<string, string> }> = {
  '/dsfr': { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) },
  '/oise': { body: dsfrPostalPage({ token: 'a1' }) },
  '/ez': { body: ezPublishAppointmentPage({ token: 'b2' }) },
  '/print': { body: printOnlinePage({ token: 'c3' }) },
  '/booking': { body: bookingPage({ token: 'd4' }) },
  '/challenge': { body: challenge },
  '/short': { body: '<html><body><h1>Titre de séjour</h1><p>Page en travaux.</p></body></html>' },
  '/deep': { body: `<html><body>${'<div>'.repeat(1200)}texte${'</div>'.repeat(1200)}</body></html>` },
  '/latin1': {
    body: iconv.encode(dsfrPage({ updated: '14/01/2023', body: postalProcedure({ street: '3 rue de la Préfecture' }) }), 'windows-1252'),
    headers: { 'content-type': 'text/html; charset=windows-1252' },
  },
};

let site: FixtureSite;
let guide: string;

beforeAll(async () => {
  site = await startSite(PAGES, '127.0.0.46');
  const sections: GuideSectionSpec[] = Object.keys(PAGES).map((path, i) => ({
    code: String(10 + i),
    departmentPhrase: `du Département ${path.slice(1)}`,
    prefecture: `Ville${i}`,
    url: site.url(path),
    procedure: postalGuideText(),
  }));
  guide = guideDocument('Testland', sections);
});
afterAll(() => site.close());

interface FirstRun {
  code: number;
  stderr: string;
  /** Every file under snapshots/, by path; times left out of the JSON ones. */
  snapshots: Map<string, string>;
  entries: unknown;
  loaded: string;
}

/** Keys ending in "At" are when something happened, which two runs never share. */
const timeless = (json: string) => JSON.stringify(JSON.parse(json), (key, value: unknown) => (key.endsWith('At') ? undefined : value));

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((item) => item.isFile());
  const files = new Map<string, string>();
  for (const item of names) {
    const path = join(item.parentPath, item.name);
    const text = await readFile(path, 'utf8');
    files.set(path.slice(dir.length), path.endsWith('.json') ? timeless(text) : text);
  }
  return files;
}

async function firstRun(cli: string, workers: string): Promise<FirstRun> {
  const dir = await tempFolder('aes-watch-workers-e2e-');
  await writeFile(join(dir, 'guide.txt'), guide);
  const log = join(dir, 'imports.log');
  const args = ['--import', RECORDER, cli, 'check', '--guide', 'guide.txt', '--fetch', 'http', '--per-host-delay', '0', '--retries', '0', '--timeout', '5000'];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', AES_WATCH_LOG: 'warn', AES_WATCH_IMPORT_LOG: log, AES_WATCH_EXTRACT_WORKERS: workers };
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((done) =>
    execFile(process.execPath, args, { cwd: dir, env }, (error, _stdout, stderr) => done({ code: error ? Number(error.code) : 0, stderr })),
  );
  const report = JSON.parse(await readFile(join(dir, 'reports', 'latest.json'), 'utf8')) as { entries: unknown };
  return {
    code,
    stderr,
    snapshots: await filesUnder(join(dir, 'snapshots')),
    entries: JSON.parse(timeless(JSON.stringify(report.entries))),
    loaded: await readFile(log, 'utf8'),
  };
}

const BUILT = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WORKER = '/bundle/extract-worker.js';
/** The chunk the main thread loads to read a page itself. */
const READ_HERE = /\/bundle\/guard-[^/\s]*\.js/;

describe('pages read in worker threads (the built CLI)', () => {
  let inMainThread: FirstRun;
  beforeAll(async () => {
    inMainThread = await firstRun(BUILT, '0');
  });

  it('read in the main thread with AES_WATCH_EXTRACT_WORKERS=0: every kind of page gives its outcome', () => {
    expect(inMainThread.loaded).toMatch(READ_HERE);
    expect(inMainThread.loaded).not.toContain(WORKER);
    const reasons = JSON.stringify(inMainThread.entries);
    for (const detail of ['challenge:', 'empty:', 'unreadable:']) expect(reasons).toContain(detail);
    expect([...inMainThread.snapshots.keys()].filter((path) => path.endsWith('current.md')).length).toBeGreaterThanOrEqual(6);
  });

  it('two workers give the same snapshots and verdicts, and the main thread never loads the HTML parser', async () => {
    const inWorkers = await firstRun(BUILT, '2');
    expect(inWorkers.loaded).toContain(WORKER);
    expect(inWorkers.loaded).not.toMatch(READ_HERE);
    expect(inWorkers.code).toBe(inMainThread.code);
    expect(inWorkers.entries).toEqual(inMainThread.entries);
    expect(inWorkers.snapshots).toEqual(inMainThread.snapshots);
  });

  it('an install whose worker script is missing reads every page in the main thread, with the same result', async () => {
    const install = await tempFolder('aes-watch-install-');
    await cp(join(ROOT, 'dist'), join(install, 'dist'), { recursive: true });
    await rm(join(install, 'dist', WORKER));
    await cp(join(ROOT, 'package.json'), join(install, 'package.json'));
    await symlink(join(ROOT, 'node_modules'), join(install, 'node_modules'));
    const broken = await firstRun(join(install, 'dist', 'src', 'cli', 'main.js'), '1');
    expect(broken.stderr).not.toMatch(/internal error/);
    expect(broken.loaded).toMatch(READ_HERE);
    expect(broken.entries).toEqual(inMainThread.entries);
    expect(broken.snapshots).toEqual(inMainThread.snapshots);
  });
});
