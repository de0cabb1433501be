import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkEntry } from '../../src/run/check-entry.js';
import { nextFailureCount } from '../../src/run/judge-entry.js';
import type { Discovery } from '../../src/discover/successor.js';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvadosSection, runScene, type RunScene } from './scene.js';

/**
 * One guide entry checked by the run stage (checkEntry) over a local site:
 * the verdict, the failure count and the state file an editor's next night
 * depends on, and which snapshots become the reviewed baseline.
 */
const MAIN = '/Demarches/Sejour/AES';
const CONTACT = '/Demarches/Sejour/Contact';
const page = (o: { email?: string; updated?: string } = {}) => dsfrPage({ updated: o.updated ?? '14/01/2023', body: postalProcedure({ email: o.email }) });
const contact = (extra = '') =>
  dsfrPage({ title: 'Contacter le bureau du séjour', updated: '14/01/2023', body: `<p>Les demandes se font par courrier. Pour toute question, écrivez au bureau du séjour.${extra}</p><p>Les pièces justificatives demandées dépendent de votre situation personnelle et familiale ; la liste complète figure dans la notice.</p>` });

let site: FixtureSite;
let scene: RunScene;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.61');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(MAIN, { body: page() });
  site.set(CONTACT, { body: contact() });
  scene = await runScene(site, calvadosSection(site.url(MAIN)));
});

const check = (s: RunScene = scene, overrides: Parameters<RunScene['deps']>[0] = {}) => checkEntry(s.entry, s.sources, s.deps(overrides));
const baselineOf = (s: RunScene, index = 0) => readFile(join(s.dir, s.entry.id, s.sources[index]!.key, 'baseline.md'), 'utf8').catch(() => null);
const down = () => site.set(MAIN, { status: 503, body: 'maintenance' });

describe('the failure count', () => {
  it('counts failed nights up to the threshold, keeps a higher count an older release left, and resets on success', () => {
    expect(nextFailureCount(0, true, 3)).toBe(1);
    expect(nextFailureCount(2, true, 3)).toBe(3);
    expect(nextFailureCount(3, true, 3)).toBe(3);
    expect(nextFailureCount(5, true, 3)).toBe(5);
    expect(nextFailureCount(5, false, 3)).toBe(0);
  });

  it('counts unreachable nights in the report and the state file, stops at the threshold, and starts again after a good night', async () => {
    down();
    const counts = [];
    for (let night = 0; night < 4; night += 1) counts.push((await check(scene, { unreachableAfter: 2 })).consecutiveFailures);
    expect(counts).toEqual([1, 2, 2, 2]);
    expect(await scene.state()).toEqual({ consecutiveFailures: 2, sources: {}, failing: [site.url(MAIN)] });
    site.set(MAIN, { body: page() });
    const report = await check(scene, { unreachableAfter: 2 });
    expect(report.status).toBe('ok');
    expect(report.consecutiveFailures).toBe(0);
    expect(await scene.state()).toEqual({ consecutiveFailures: 0, sources: { [site.url(MAIN)]: `page ${site.url(MAIN)}` } });
  });
});

describe('the state file', () => {
  it('is left byte for byte as it was on a night where nothing changed', async () => {
    await check();
    const path = join(scene.dir, scene.entry.id, 'state.json');
    // The same state, written differently: a rewrite would show.
    const compact = JSON.stringify(JSON.parse(await readFile(path, 'utf8')));
    await writeFile(path, compact);
    const report = await check();
    expect(report.changedSinceLastRun).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(compact);
  });

  it('is rewritten when only the list of failing pages changes', async () => {
    const two = await runScene(site, calvadosSection(site.url(MAIN), [site.url(CONTACT)]));
    const pages = { [site.url(MAIN)]: `page ${site.url(MAIN)}`, [site.url(CONTACT)]: `page ${site.url(CONTACT)}` };
    await check(two, { unreachableAfter: 1 });
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    expect((await check(two, { unreachableAfter: 1 })).status).toBe('unreachable');
    expect(await two.state()).toEqual({ consecutiveFailures: 1, sources: pages, failing: [site.url(CONTACT)] });
    // Same count (at the threshold), same last answers: only which page fails differs.
    site.set(CONTACT, { body: contact() });
    down();
    await check(two, { unreachableAfter: 1 });
    expect(await two.state()).toEqual({ consecutiveFailures: 1, sources: pages, failing: [site.url(MAIN)] });
    site.set(MAIN, { body: page() });
    await check(two, { unreachableAfter: 1 });
    expect(await two.state()).toEqual({ consecutiveFailures: 0, sources: pages });
  });

  it('keeps the failing list when the same page fails again, and says nothing changed since last run', async () => {
    await check();
    const path = join(scene.dir, scene.entry.id, 'state.json');
    down();
    await check(scene, { unreachableAfter: 1 });
    const written = await readFile(path, 'utf8');
    const again = await check(scene, { unreachableAfter: 1 });
    expect(again.changedSinceLastRun).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(written);
    expect(JSON.parse(written)).toEqual({ consecutiveFailures: 1, sources: { [site.url(MAIN)]: `page ${site.url(MAIN)}` }, failing: [site.url(MAIN)] });
  });

  it('a damaged state file is moved aside with a warning, and the count starts again', async () => {
    down();
    await check();
    await check();
    const path = join(scene.dir, scene.entry.id, 'state.json');
    await writeFile(path, '{"consecutiveFailures": "many"');
    const report = await check();
    expect(report.consecutiveFailures).toBe(1);
    expect(scene.warnings).toHaveLength(1);
    expect(scene.warnings[0]).toMatch(new RegExp(`^${scene.entry.id}: state\\.json is not valid \\(.+\\); moved aside to ${join(scene.dir, scene.entry.id)}/state\\.json\\.damaged-\\S+; the failure count starts again$`));
  });

  it('says changed since last run when the page answers 404 after 200', async () => {
    await check();
    site.set(MAIN, { status: 404, body: 'introuvable' });
    const report = await check();
    expect(report.status).toBe('stale');
    expect(report.changedSinceLastRun).toBe(true);
    expect(await scene.state()).toEqual({ consecutiveFailures: 0, sources: { [site.url(MAIN)]: `gone 404 ${site.url(MAIN)}` } });
  });
});

describe('the reviewed baseline', () => {
  it('is made by the first ok run, and not replaced by a later change', async () => {
    const first = await check();
    expect(first.status).toBe('ok');
    const baseline = await baselineOf(scene);
    expect(baseline).toContain('pref-sejour@testville.gouv.fr');
    site.set(MAIN, { body: page({ email: 'autre@testville.gouv.fr' }) });
    const second = await check();
    expect(second.status).toBe('stale');
    expect(await baselineOf(scene)).toBe(baseline);
    // Still stale, still against the same baseline, on the next night.
    const third = await check();
    expect(third.status).toBe('stale');
    expect(third.sources[0]!.diffFromBaseline).toContain('autre@testville.gouv.fr');
  });

  it('is not replaced by a later ok run either', async () => {
    await check();
    const baseline = await readFile(join(scene.dir, scene.entry.id, scene.sources[0]!.key, 'baseline.json'), 'utf8');
    // Same procedure, another page date still before the guide's: ok, and the current snapshot is rewritten.
    site.set(MAIN, { body: page({ updated: '20/01/2023' }) });
    const report = await check();
    expect(report).toMatchObject({ status: 'ok', reasons: [] });
    expect(report.sources[0]!.pageUpdated).toBe('2023-01-20');
    expect(await readFile(join(scene.dir, scene.entry.id, scene.sources[0]!.key, 'baseline.json'), 'utf8')).toBe(baseline);
  });

  it('is not made by an unreachable run, even for the page that answered', async () => {
    const two = await runScene(site, calvadosSection(site.url(MAIN), [site.url(CONTACT)]));
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    expect((await check(two)).status).toBe('unreachable');
    expect(await baselineOf(two, 0)).toBeNull();
    expect(await baselineOf(two, 1)).toBeNull();
  });

  it('is made for a page added to the entry later, and the older page keeps its own', async () => {
    await check();
    const first = await baselineOf(scene);
    const two = await runScene(site, calvadosSection(site.url(MAIN), [site.url(CONTACT)]));
    // The same snapshots folder, now with two cited pages: the older one already has its baseline.
    const deps = two.deps({ store: scene.store });
    const report = await checkEntry(two.entry, two.sources, deps);
    expect(report.status).toBe('ok');
    expect(await readFile(join(scene.dir, two.entry.id, two.sources[0]!.key, 'baseline.md'), 'utf8')).toBe(first);
    expect(await readFile(join(scene.dir, two.entry.id, two.sources[1]!.key, 'baseline.md'), 'utf8')).toContain('Contacter le bureau');
  });

  it('a damaged baseline is not replaced by an ok run: only accept does that', async () => {
    await check();
    const key = scene.sources[0]!.key;
    await writeFile(join(scene.dir, scene.entry.id, key, 'baseline.md'), 'tampered');
    const report = await check();
    expect(await baselineOf(scene)).toBeNull();
    expect(report.reasons.map((r) => r.code)).toContain('baseline-damaged');
  });
});

describe('an interrupted run', () => {
  it('counts no failed night and writes no state or baseline', async () => {
    const stop = new AbortController();
    stop.abort();
    const report = await check(scene, { signal: stop.signal });
    expect(report.consecutiveFailures).toBe(0);
    expect(await scene.state()).toBeNull();
    expect(await baselineOf(scene)).toBeNull();
  });
});

describe('successor discovery', () => {
  const found: Discovery = {
    successors: [
      { url: 'http://127.0.0.61/Demarches/Sejour/Nouvelle-AES', title: 'Admission exceptionnelle au séjour', pageUpdated: null, score: 0.9, via: 'sitemap', matchedFacts: [], matchedWords: [], closeness: 0.8, pagesVisited: 3 },
    ],
    reason: null,
    pagesFetched: 4,
    fromCache: false,
    searchedAt: '2025-03-10T09:00:00.000Z',
  };

  it('puts what the search found into the entry report, and is asked with the night’s observations', async () => {
    site.set(MAIN, { status: 404, body: 'introuvable' });
    const asked: string[] = [];
    const report = await check(scene, {
      discover: async (entry, sources, observations) => {
        asked.push(`${entry.id} ${sources.map((s) => s.url).join()} ${observations.map((o) => o.kind).join()}`);
        return found;
      },
    });
    expect(asked).toEqual([`${scene.entry.id} ${site.url(MAIN)} gone`]);
    expect(report.successors).toEqual(found.successors);
  });

  it('gives no successor when the run does no discovery', async () => {
    site.set(MAIN, { status: 404, body: 'introuvable' });
    const report = await check();
    expect(report.successors).toEqual([]);
    expect(report.successorsReason).toBeNull();
  });
});
