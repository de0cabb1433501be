import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../run/check.js';
import { checkRequestFromConfig } from '../run/request.js';
import { startReplaySite } from './replay-site.js';

/**
 * `npm run demo`: the whole story offline. Round 1 checks the Normandy guide
 * against a replay of pages that agree with it and records baselines; in
 * round 2 the prefectures have changed their pages, and aes-watch finds it.
 */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const work = join(root, 'reports', 'demo');
const say = (line: string) => process.stdout.write(`${line}\n`);

const site = await startReplaySite(join(root, 'data', 'demo'));
try {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const seed = await readFile(join(root, 'data', 'guides', 'normandie.txt'), 'utf8');
  // The guide as published, but pointing at the replay site instead of the real prefectures.
  await writeFile(join(work, 'normandie.txt'), seed.replace(/<(https:\/\/[^>]+)>/g, (_, url: string) => `<${site.replayUrl(url)}>`));
  const request = await checkRequestFromConfig(work, {
    guides: ['normandie.txt'],
    snapshotsDir: 'snapshots',
    reportsDir: 'reports',
    perHostDelayMs: 0,
    // The replay serves the co-marquage content on the server, so no browser is needed offline.
    forcedFetch: 'http',
  });
  const io = { stdout: process.stdout, stderr: process.stdout, cwd: work, env: { ...process.env, AES_WATCH_LOG: 'error' } };

  say('Round 1: the prefecture pages still say what the guide says. Recording reviewed baselines…\n');
  await runCheck(request, io);
  site.setRound('2');
  say('\nRound 2: the prefectures changed their pages (a new CEDEX, a moved page, a dead link, an online-only procedure)…\n');
  const result = await runCheck(request, io);
  const where = relative(process.cwd(), join(work, 'reports')) || '.';
  say(`\nDone: ${result.summary.stale} stale, ${result.summary.unreachable} unreachable, ${result.summary.ok} ok.`);
  say(`Change report for editors: ${where}/latest.html (also latest.md, latest.json)`);
  say(`Issue drafts, one per stale entry: ${where}/issues/`);
  say(`Snapshots (what each page said): ${relative(process.cwd(), join(work, 'snapshots'))}/`);
} finally {
  await site.close();
}
