import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeDecision } from '../../src/run/accept-messages.js';
import { acceptSnapshots, guidesOfLastCheck, type AcceptRequest } from '../../src/run/accept.js';
import { checkEntry } from '../../src/run/check-entry.js';
import { acquireRunLock, lockPathFor } from '../../src/schedule/lock.js';
import { sourceKey } from '../../src/sources/source.js';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { tempFolder } from '../support/temp.js';
import { calvadosSection, runScene, type RunScene } from './scene.js';

/**
 * `accept` as the run stage does it (acceptSnapshots), after checks over a
 * local site: which sources it takes as reviewed, which it refuses and why,
 * and the line the editor reads for each refusal.
 */
const MAIN = '/Demarches/Sejour/AES';
const CONTACT = '/Demarches/Sejour/Contact';
const page = (email?: string) => dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email }) });
const contact = () =>
  dsfrPage({
    title: 'Contacter le bureau du séjour',
    updated: '14/01/2023',
    body: '<p>Les demandes se font par courrier. Pour toute question sur votre demande, écrivez au bureau du séjour de la préfecture de Testville.</p><p>Les pièces justificatives demandées dépendent de votre situation personnelle et familiale ; la liste complète figure dans la notice jointe au dossier de demande.</p>',
  });

let site: FixtureSite;
let scene: RunScene;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.68');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(MAIN, { body: page() });
  site.set(CONTACT, { body: contact() });
  scene = await runScene(site, calvadosSection(site.url(MAIN), [site.url(CONTACT)]));
});

const check = () => checkEntry(scene.entry, scene.sources, scene.deps());
const accept = (o: Partial<AcceptRequest> = {}) => acceptSnapshots({ snapshotsDir: scene.dir, names: [scene.entry.id], entries: [scene.entry], force: false, ...o });
const baseline = (index: number) => readFile(join(scene.dir, scene.entry.id, scene.sources[index]!.key, 'baseline.md'), 'utf8');
const keyOf = (index: number) => scene.sources[index]!.key;

describe('accept', () => {
  it('makes each answering page’s current snapshot the reviewed baseline, and the next check is ok', async () => {
    await check();
    site.set(MAIN, { body: page('autre@testville.gouv.fr') });
    expect((await check()).status).toBe('stale');
    const result = await accept();
    expect(result).toEqual({
      kind: 'done',
      entries: [
        {
          entryId: scene.entry.id,
          decisions: [
            { kind: 'accepted', key: keyOf(0), url: site.url(MAIN) },
            { kind: 'accepted', key: keyOf(1), url: site.url(CONTACT) },
          ].sort((a, b) => a.key.localeCompare(b.key)),
        },
      ],
    });
    expect(await baseline(0)).toContain('autre@testville.gouv.fr');
    expect((await check()).sources[0]!.diffFromBaseline).toBeNull();
  });

  it('names entries by id or département code, and answers the names it does not know', async () => {
    await check();
    expect(await accept({ names: ['99', '14', 'ile-de-france'] })).toEqual({ kind: 'unknown', names: ['99', 'ile-de-france'] });
    const byCode = await accept({ names: ['14'] });
    expect(byCode.kind === 'done' && byCode.entries.map((e) => e.entryId)).toEqual([scene.entry.id]);
    const all = await accept({ names: 'all' });
    expect(all.kind === 'done' && all.entries.map((e) => e.entryId)).toEqual([scene.entry.id]);
  });

  it('takes only the named entries', async () => {
    await check();
    await mkdir(join(scene.dir, '50-manche'));
    const result = await accept({ names: ['50'] });
    expect(result).toEqual({ kind: 'done', entries: [{ entryId: '50-manche', decisions: [] }] });
    const all = await accept({ names: 'all' });
    expect(all.kind === 'done' && all.entries.map((e) => e.entryId)).toEqual([scene.entry.id, '50-manche']);
    const both = await accept({ names: ['50', '14'] });
    expect(both.kind === 'done' && both.entries.map((e) => e.entryId)).toEqual([scene.entry.id, '50-manche']);
  });

  it('refuses a gone page and a failing page unless forced', async () => {
    await check();
    site.set(MAIN, { status: 404, body: 'introuvable' });
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    await check();
    const refused = await accept();
    const decisions = refused.kind === 'done' ? refused.entries[0]!.decisions : [];
    expect(decisions).toEqual(
      expect.arrayContaining([
        { kind: 'refused-gone', key: keyOf(0), url: site.url(MAIN) },
        { kind: 'refused-failing', key: keyOf(1), url: site.url(CONTACT) },
      ]),
    );
    expect(decisions).toHaveLength(2);
    const forced = await accept({ force: true });
    expect(forced.kind === 'done' && forced.entries[0]!.decisions.map((d) => d.kind)).toEqual(['accepted', 'accepted']);
  });

  it('never accepts a page the guide no longer cites, even forced, and names it by its address', async () => {
    await check();
    const mainOnly = await runScene(site, calvadosSection(site.url(MAIN)));
    const before = await baseline(1);
    site.set(CONTACT, { body: contact().replace('bureau du séjour', 'service des étrangers') });
    await check();
    const result = await accept({ entries: [mainOnly.entry], force: true });
    expect(result.kind === 'done' && result.entries[0]!.decisions).toEqual(
      expect.arrayContaining([
        { kind: 'accepted', key: keyOf(0), url: site.url(MAIN) },
        { kind: 'not-cited', key: keyOf(1), url: site.url(CONTACT) },
      ]),
    );
    expect(await baseline(1)).toBe(before);
  });

  it('names a folder the guide no longer cites by its key when its snapshot is unreadable', async () => {
    await check();
    await rm(join(scene.dir, scene.entry.id, keyOf(1), 'current.json'));
    const mainOnly = await runScene(site, calvadosSection(site.url(MAIN)));
    const result = await accept({ entries: [mainOnly.entry] });
    expect(result.kind === 'done' && result.entries[0]!.decisions).toContainEqual({ kind: 'not-cited', key: keyOf(1), url: null });
  });

  it('has nothing to accept for a cited page never fetched, with or without a folder', async () => {
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    await check();
    // Without --force too: a page that never answered has no folder, so nothing to refuse either.
    const unforced = await accept();
    expect(unforced.kind === 'done' && unforced.entries[0]!.decisions).toContainEqual({ kind: 'no-snapshot', key: keyOf(1), url: site.url(CONTACT) });
    const other = `${site.url(MAIN)}?page=2`;
    const three = await runScene(site, calvadosSection(site.url(MAIN), [site.url(CONTACT), other]));
    const result = await accept({ entries: [three.entry], force: true });
    expect(result.kind === 'done' && result.entries[0]!.decisions).toEqual(
      expect.arrayContaining([
        { kind: 'accepted', key: keyOf(0), url: site.url(MAIN) },
        { kind: 'no-snapshot', key: keyOf(1), url: site.url(CONTACT) },
        { kind: 'no-snapshot', key: sourceKey(other), url: other },
      ]),
    );
    expect(result.kind === 'done' && result.entries[0]!.decisions).toHaveLength(3);
  });

  it('answers locked while a check holds the snapshots, and accepts nothing', async () => {
    await check();
    site.set(MAIN, { body: page('autre@testville.gouv.fr') });
    await check();
    const held = await acquireRunLock(lockPathFor(scene.dir), { wait: false, command: 'aes-watch check' });
    if (held.kind !== 'acquired') throw new Error('lock not taken');
    try {
      const result = await accept();
      expect(result).toMatchObject({ kind: 'locked', owner: { pid: process.pid, command: 'aes-watch check' } });
      expect(await baseline(0)).not.toContain('autre@testville.gouv.fr');
    } finally {
      await held.release();
    }
    // The lock it takes is released: a second accept runs.
    expect((await accept()).kind).toBe('done');
    expect((await accept()).kind).toBe('done');
  });
});

describe('the line for each source accept did not take', () => {
  it('says what to do instead', () => {
    const url = 'https://www.calvados.gouv.fr/aes';
    expect(describeDecision('14-calvados', { kind: 'refused-gone', key: 'k', url }, 'snapshots')).toBe(
      `not accepted 14-calvados: ${url} is gone (404/410, or sends to the home page). Cite the page that replaced it in the guide (npx aes-watch discover 14-calvados), or pass --force`,
    );
    expect(describeDecision('14-calvados', { kind: 'refused-failing', key: 'k', url }, 'snapshots')).toBe(
      `not accepted 14-calvados: the last fetch of ${url} failed, so its snapshot may be out of date. Run npx aes-watch check --only 14-calvados first, or pass --force`,
    );
    expect(describeDecision('14-calvados', { kind: 'not-cited', key: 'k', url }, 'snapshots')).toBe(
      `skipped 14-calvados: ${url} is no longer cited by the guide (its folder snapshots/14-calvados/k can be deleted)`,
    );
    expect(describeDecision('14-calvados', { kind: 'not-cited', key: 'k', url: null }, 'snapshots')).toBe(
      'skipped 14-calvados: k is no longer cited by the guide (its folder snapshots/14-calvados/k can be deleted)',
    );
    expect(describeDecision('14-calvados', { kind: 'no-snapshot', key: 'k', url }, 'snapshots')).toBe(
      `nothing to accept for 14-calvados: ${url} has no snapshot in snapshots/ yet (run npx aes-watch check --only 14-calvados)`,
    );
  });
});

describe('the guides of the last check', () => {
  const report = (guides: string[]) => ({
    tool: { name: 'aes-watch', version: '1.0.0', extractorVersion: 1 },
    startedAt: '2025-03-10T09:00:00.000Z',
    finishedAt: '2025-03-10T09:01:00.000Z',
    guides,
    summary: { ok: 0, stale: 0, unreachable: 0 },
    entries: [],
  });

  it('are read from latest.json; none when it is missing, unreadable, invalid or names no guide', async () => {
    const dir = await tempFolder('aes-run-latest-');
    expect(await guidesOfLastCheck(dir)).toBeNull();
    await writeFile(join(dir, 'latest.json'), JSON.stringify(report(['guides/normandie.txt', 'guides/bretagne.txt'])));
    expect(await guidesOfLastCheck(dir)).toEqual(['guides/normandie.txt', 'guides/bretagne.txt']);
    await writeFile(join(dir, 'latest.json'), JSON.stringify(report([])));
    expect(await guidesOfLastCheck(dir)).toBeNull();
    await writeFile(join(dir, 'latest.json'), JSON.stringify({ ...report(['a.txt']), tool: { name: 'other' } }));
    expect(await guidesOfLastCheck(dir)).toBeNull();
    await writeFile(join(dir, 'latest.json'), '{ not json');
    expect(await guidesOfLastCheck(dir)).toBeNull();
  });
});
