import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/run/check.js';
import { runDiscover } from '../../src/run/discover.js';
import { checkRequestFromConfig, type CheckRequest } from '../../src/run/request.js';
import type { Clock } from '../../src/shared/clock.js';
import { EXIT } from '../../src/shared/exit-codes.js';
import { silentLogger } from '../../src/shared/log.js';
import { typesetA4 } from '../support/pdf.js';
import { recordingClock } from '../support/fake-clock.js';
import { PATHS, orneSection, sitePages, startCmsSite, type CmsSite, type CmsSiteOptions } from '../support/current-cms.js';
import { guideDocument, type GuideSectionSpec } from '../support/prefecture.js';
import { tempFolder } from '../support/temp.js';

/**
 * Successor discovery as a run drives it (src/run/discovery.ts), in-process:
 * `runCheck` with discovery on, and `runDiscover`, over a fixture prefecture
 * on the current CMS. What a user sees: the entry's successors and the reason
 * when there are none, and the requests the prefecture's site received.
 */
const sites: CmsSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

async function cmsSite(host: string, options: CmsSiteOptions = {}) {
  const site = await startCmsSite(host, options);
  sites.push(site);
  return site;
}

/** A moved address of the AES page: the prefecture's old URL, now a 301. */
const OLD_AES = '/Demarches/Etrangers/AES';
const DISCOVERY = { enabled: true, maxPages: 30, maxSeconds: 120 };

async function folder(sections: GuideSectionSpec[]) {
  const dir = await tempFolder('aes-run-discovery-');
  await writeFile(join(dir, 'guide.txt'), guideDocument('Normandie', sections));
  const request = (overrides: Partial<CheckRequest>) =>
    checkRequestFromConfig(dir, { guides: ['guide.txt'], snapshotsDir: 'snapshots', reportsDir: 'reports', perHostDelayMs: 0, retries: 0, timeoutMs: 2000, json: true, discovery: DISCOVERY, ...overrides });
  const io = () => ({ stdout: new PassThrough().resume(), stderr: new PassThrough().resume(), cwd: dir, env: {} });
  return {
    dir,
    /** `aes-watch check`: the entries of its report. */
    async check(overrides: Partial<CheckRequest> = {}, clock: Clock = recordingClock(new Date('2025-03-10T09:00:00Z'), false)) {
      const result = await runCheck(await request(overrides), io(), undefined, { clock, log: silentLogger });
      if (!result.report) throw new Error(`check gave no report (exit ${result.exitCode})`);
      return result.report.entries;
    },
    /** `aes-watch discover`. */
    async discover(overrides: Partial<CheckRequest> = {}) {
      const result = await runDiscover(await request(overrides), io(), undefined, { clock: recordingClock(new Date('2025-03-10T09:00:00Z'), false), log: silentLogger });
      expect(result.exitCode).toBe(EXIT.ok);
      return result.entries;
    },
  };
}

const paths = (site: CmsSite) => site.requests.map((r) => r.path);
const searched = (site: CmsSite) => paths(site).includes('/robots.txt');

describe('discovery in a check', () => {
  it('searches for the one cited page that is gone, never proposing the entry’s other cited page', async () => {
    const site = await cmsSite('127.0.62.1');
    const f = await folder([{ ...orneSection(site.url(PATHS.aes)), moreUrls: [site.url(PATHS.old404)] }]);
    const [entry] = await f.check();

    expect(entry!.reasons.map((r) => r.code)).toContain('source-gone');
    expect(searched(site)).toBe(true);
    expect(entry!.successors.map((s) => s.url)).not.toContain(site.url(PATHS.aes));
    // The search read the fine page (the sitemap lists it) and still did not propose it: it is the entry's own.
    expect(paths(site).filter((p) => p === PATHS.aes)).toHaveLength(2);
  });

  it('does not search when a cited page moved to a page that still holds the procedure', async () => {
    const site = await cmsSite('127.0.62.2');
    site.set(OLD_AES, { status: 301, headers: { location: PATHS.aes } });
    const f = await folder([orneSection(site.url(OLD_AES))]);
    const [entry] = await f.check();

    expect(entry!.reasons.map((r) => r.code)).toContain('source-moved');
    expect(entry!.successors).toEqual([]);
    expect(entry!.successorsReason).toBeNull();
    expect(searched(site)).toBe(false);
  });

  it('when the guide names no distinctive fact, looks for the facts of the reviewed page', async () => {
    const site = await cmsSite('127.0.62.3');
    // The page as it was when reviewed: dated before the guide, so the first run is ok and its snapshot the baseline.
    site.put(PATHS.old404, sitePages({ aesUpdated: '10/01/2023' })[PATHS.aes]!);
    site.put('/contenu/telechargement/4711/38012/file/dossier-aes.pdf', Buffer.from(await typesetA4("Dossier de demande d'admission exceptionnelle au séjour")), 'application/pdf');
    const vague = { ...orneSection(site.url(PATHS.old404)), procedure: "La demande d'admission exceptionnelle au séjour se fait uniquement par courrier, auprès du bureau des étrangers de la préfecture." };
    const f = await folder([vague]);
    const [first] = await f.check();
    expect(first!.reasons).toEqual([]);
    expect(first!.status).toBe('ok');
    expect(searched(site)).toBe(false);

    site.set(PATHS.old404, { status: 404, body: 'introuvable' });
    const [entry] = await f.check();
    expect(entry!.reasons.map((r) => r.code)).toContain('source-gone');
    expect(entry!.successors[0]).toMatchObject({ url: site.url(PATHS.aes) });
    // The guide gives no email, address, document or link: the ones matched are the reviewed page's.
    expect(entry!.successors[0]!.matchedFacts.map((fact) => fact.kind).sort()).toEqual(['address', 'document', 'email', 'url']);
  });

  it('stops asking the site once discovery.maxSeconds have passed on the run’s clock', async () => {
    const site = await cmsSite('127.0.62.4');
    const f = await folder([orneSection(site.url(PATHS.old404))]);
    // One second between two requests to the prefecture: each request is one more second of the search.
    const [patient] = await f.check({ perHostDelayMs: 1000, discovery: { ...DISCOVERY, maxSeconds: 60 } }, recordingClock(new Date('2025-03-10T09:00:00Z'), true));
    expect(patient!.successors[0]).toMatchObject({ url: site.url(PATHS.aes) });

    site.requests.length = 0;
    const [hurried] = await f.check({ perHostDelayMs: 1000, discovery: { ...DISCOVERY, maxSeconds: 1 } }, recordingClock(new Date('2025-03-20T09:00:00Z'), true));
    // The cited page, then the search's requests at 0 and 1 s: the next one, the AES page, would start after the limit.
    expect(paths(site)).toEqual([PATHS.old404, '/robots.txt', '/sitemap.xml']);
    expect(hurried!.successors).toEqual([]);
    expect(hurried!.successorsReason).not.toBeNull();
  });
});

describe('aes-watch discover', () => {
  it('does not propose the page a cited address still reaches under another spelling', async () => {
    const site = await cmsSite('127.0.62.5');
    // The same page, its address written in capitals: the site redirects to its own spelling.
    const shouting = PATHS.aes.toUpperCase();
    site.set(shouting, { status: 301, headers: { location: PATHS.aes } });
    const f = await folder([orneSection(site.url(shouting))]);
    const [entry] = await f.discover();

    expect(entry!.citedUrls).toEqual([site.url(shouting)]);
    expect(entry!.successors.map((s) => s.url)).not.toContain(site.url(PATHS.aes));
    expect(entry!.pagesFetched).toBeGreaterThan(0);
  });

  it('starts from where a moved cited page now answers, and proposes it', async () => {
    const site = await cmsSite('127.0.62.6');
    site.set(OLD_AES, { status: 301, headers: { location: PATHS.aes } });
    const f = await folder([orneSection(site.url(OLD_AES))]);
    const [entry] = await f.discover();

    expect(entry!.successors[0]).toMatchObject({ url: site.url(PATHS.aes), via: 'redirect' });
  });

  it('asks for a gone cited page once, and searches from the site', async () => {
    const site = await cmsSite('127.0.62.7');
    const f = await folder([orneSection(site.url(PATHS.old404))]);
    const [entry] = await f.discover();

    expect(entry!.successors[0]).toMatchObject({ url: site.url(PATHS.aes), via: 'sitemap' });
    expect(paths(site).filter((p) => p === PATHS.old404)).toHaveLength(1);
  });

  it('counts the cited pages’ fetches against discovery.maxPages', async () => {
    // A big foreigners' section, none of it the AES procedure: the search can only run out of budget.
    const filler = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [
        `/Demarches/Etrangers-dans-l-Orne/Fiche-${i}`,
        `<html><head><title>Étrangers : fiche ${i}</title></head><body><main><h1>Étrangers : fiche ${i}</h1><p>${'Texte de la fiche pour les étrangers. '.repeat(10)}</p><a href="/Demarches/Etrangers-dans-l-Orne/Fiche-${(i + 1) % 40}">Étrangers : fiche suivante</a></main></body></html>`,
      ]),
    );
    const site = await cmsSite('127.0.62.8', { pages: { '/': '<html><body><a href="/Demarches/Etrangers-dans-l-Orne/Fiche-0">Étrangers</a></body></html>', ...filler } });
    const f = await folder([orneSection(site.url(PATHS.old404))]);
    const [entry] = await f.discover({ discovery: { ...DISCOVERY, maxPages: 10 } });

    expect(site.requests).toHaveLength(10);
    expect(entry!.pagesFetched).toBe(9);
    expect(entry!.successorsReason).toMatchObject({ code: 'no-candidate', detail: expect.stringContaining('budget of 9 requests is spent') });
  });
});
