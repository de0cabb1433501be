import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptSnapshots, type AcceptRequest } from '../../src/run/accept.js';
import { checkEntry } from '../../src/run/check-entry.js';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvadosSection, runScene, type RunScene } from './scene.js';

/**
 * `accept` (acceptSnapshots) over a snapshots folder that is not as the last
 * check left it: a lost state.json, a page the guide cites again after a
 * check that did not cite it, a current snapshot damaged on disk.
 */
const MAIN = '/Demarches/Sejour/AES';
const CONTACT = '/Demarches/Sejour/Contact';
const page = (email?: string) => dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email }) });
const contact = (office = 'bureau du séjour') =>
  dsfrPage({
    title: 'Contacter le bureau du séjour',
    updated: '14/01/2023',
    body: `<p>Les demandes se font par courrier. Pour toute question sur votre demande, écrivez au ${office} de la préfecture de Testville.</p><p>Les pièces justificatives demandées dépendent de votre situation personnelle et familiale ; la liste complète figure dans la notice jointe au dossier de demande.</p>`,
  });

let site: FixtureSite;
let scene: RunScene;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.69');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(MAIN, { body: page() });
  site.set(CONTACT, { body: contact() });
  scene = await runScene(site, calvadosSection(site.url(MAIN), [site.url(CONTACT)]));
});

const check = (sources = scene.sources) => checkEntry(scene.entry, sources, scene.deps());
const accept = (o: Partial<AcceptRequest> = {}) => acceptSnapshots({ snapshotsDir: scene.dir, names: [scene.entry.id], entries: [scene.entry], force: false, ...o });
const decisions = async (o: Partial<AcceptRequest> = {}) => {
  const result = await accept(o);
  if (result.kind !== 'done') throw new Error(`accept answered ${result.kind}`);
  return result.entries[0]!.decisions;
};
const slotFile = (index: number, file: string) => join(scene.dir, scene.entry.id, scene.sources[index]!.key, file);
const keyOf = (index: number) => scene.sources[index]!.key;
const sortByKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
const bothAccepted = () =>
  sortByKey([
    { kind: 'accepted', key: keyOf(0), url: site.url(MAIN) },
    { kind: 'accepted', key: keyOf(1), url: site.url(CONTACT) },
  ]);

describe('accept over a snapshots folder changed since the last check', () => {
  it('a lost state.json: nothing says a page is gone or failing, so every answering page is accepted', async () => {
    await check();
    site.set(MAIN, { body: page('autre@testville.gouv.fr') });
    await check();
    await rm(join(scene.dir, scene.entry.id, 'state.json'));
    expect(sortByKey(await decisions())).toEqual(bothAccepted());
    expect(await readFile(slotFile(0, 'baseline.md'), 'utf8')).toContain('autre@testville.gouv.fr');
  });

  it('a page the guide cites again, after a check that did not cite it, is accepted from the snapshot it has', async () => {
    await check();
    site.set(CONTACT, { body: contact('service des étrangers') });
    await check();
    // The guide dropped the contact page for a night: that check knew only the main page.
    await check([scene.sources[0]!]);
    expect(sortByKey(await decisions())).toEqual(bothAccepted());
    expect(await readFile(slotFile(1, 'baseline.md'), 'utf8')).toContain('service des étrangers');
  });

  it('a current snapshot damaged on disk is never accepted: nothing to accept for it, its baseline kept', async () => {
    await check();
    site.set(CONTACT, { body: contact('service des étrangers') });
    await check();
    const before = await readFile(slotFile(1, 'baseline.md'), 'utf8');
    await appendFile(slotFile(1, 'current.md'), '\nune ligne ajoutée à la main\n');
    expect(sortByKey(await decisions({ force: true }))).toEqual(
      sortByKey([
        { kind: 'accepted', key: keyOf(0), url: site.url(MAIN) },
        { kind: 'no-snapshot', key: keyOf(1), url: site.url(CONTACT) },
      ]),
    );
    expect(await readFile(slotFile(1, 'baseline.md'), 'utf8')).toBe(before);
  });
});
