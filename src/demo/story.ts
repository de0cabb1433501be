import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createHttpFetcher } from '../fetch/http.js';
import { runCheck, type CheckResult } from '../run/check.js';
import { systemClock } from '../shared/clock.js';
import { checkRequestFromConfig } from '../run/request.js';
import { labelsFor } from '../report/labels.js';
import { startReplaySite } from './replay-site.js';

export interface DemoRun {
  rounds: [CheckResult, CheckResult];
  reportsDir: string;
}

/**
 * The whole story offline. Round 1 checks the Normandy guide against a replay
 * of pages that agree with it and records baselines; in round 2 the
 * prefectures have changed their pages, and aes-watch finds it.
 */
export async function runDemo(root: string, work: string, out: NodeJS.WritableStream): Promise<DemoRun> {
  const say = (line: string) => out.write(`${line}\n`);
  const site = await startReplaySite(join(root, 'data', 'demo'));
  try {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const seed = await readFile(join(root, 'data', 'guides', 'normandie.txt'), 'utf8');
    // The guide as published, but pointing at the replay site instead of the real prefectures.
    await writeFile(join(work, 'normandie.txt'), seed.replace(/<(https:\/\/[^>]+)>/g, (_, url: string) => `<${site.replayUrl(url)}>`));
    const request = await checkRequestFromConfig(root, {
      guides: [join(work, 'normandie.txt')],
      snapshotsDir: join(work, 'snapshots'),
      reportsDir: join(work, 'reports'),
      perHostDelayMs: 0,
      // The replay serves the co-marquage content on the server, so no browser is needed offline.
      forcedFetch: 'http',
    });
    const io = { stdout: out, stderr: out, cwd: root, env: { ...process.env, AES_WATCH_LOG: 'error' } };
    // Links on the replayed pages (documents, online forms) go to the replay too: the demo never goes online.
    const http = createHttpFetcher({ userAgent: request.userAgent, timeoutMs: request.timeoutMs, maxBodyBytes: request.maxBodyBytes, retries: 0, clock: systemClock, fetchImpl: site.fetch });

    say('Round 1: the prefecture pages still say what the guide says. Recording reviewed baselines…\n');
    const first = await runCheck(request, io, undefined, { http });
    site.setRound('2');
    say('\nRound 2: the prefectures changed their pages (a new CEDEX, a moved page, a dead link, an online-only procedure)…\n');
    const second = await runCheck(request, io, undefined, { http });
    for (const entry of second.report?.entries ?? []) {
      const best = entry.successors[0];
      if (best) say(`\n${entry.department.name}: the cited page is gone, and its current site has a likely new page: "${best.title}" (score ${best.score.toFixed(2)}, found ${labelsFor('en').successor.via[best.via]})\n  ${best.url}`);
    }
    const where = relative(process.cwd(), join(work, 'reports')) || '.';
    say(`\nDone: ${second.summary.stale} stale, ${second.summary.unreachable} unreachable, ${second.summary.ok} ok.`);
    say(`Change report for editors: ${where}/latest.html (also latest.md, latest.json)`);
    say(`Issue drafts, one per stale entry: ${where}/issues/`);
    say(`Snapshots (what each page said): ${relative(process.cwd(), join(work, 'snapshots'))}/`);
    return { rounds: [first, second], reportsDir: join(work, 'reports') };
  } finally {
    await site.close();
  }
}
