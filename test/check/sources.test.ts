import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { calvados, workspace, type Workspace } from './fixture-run.js';

/** How an entry's sources are read: several pages, a configured selector, an unreachable host. */
let site: FixtureSite;
let ws: Workspace;

beforeAll(async () => {
  site = await startSite({}, '127.0.0.5');
});
afterAll(() => site.close());
beforeEach(async () => {
  ws = await workspace();
});

describe('sources of an entry', () => {
  it('passes a fact check when the fact is on any of the entry’s pages', async () => {
    const filler = '<p>Les pièces justificatives demandées dépendent de votre situation personnelle et familiale ; la liste complète figure dans la notice jointe au dossier de demande.</p>';
    site.set('/adresse', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure().replace(/Pour toute question[^<]*/, 'Pour toute question, utilisez le formulaire de contact.') + filler }) });
    site.set('/contact', { body: dsfrPage({ title: 'Contacter le bureau du séjour', updated: '14/01/2023', body: `<p>Les demandes se font par courrier. Pour toute question, écrivez à pref-sejour@testville.gouv.fr.</p>${filler}` }) });
    await ws.writeGuide([{ ...calvados(site.url('/adresse'), postalGuideText()), moreUrls: [site.url('/contact')] }]);
    const entry = (await ws.check()).report.entries[0]!;
    expect(entry.sources.map((s) => s.url)).toEqual([site.url('/adresse'), site.url('/contact')]);
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(entry.facts.checked.filter((f) => !f.found)).toEqual([]);

    site.set('/contact', { body: dsfrPage({ title: 'Contacter le bureau du séjour', updated: '14/01/2023', body: `<p>Les demandes se font par courrier. Pour toute question, écrivez à aes@testville.gouv.fr.</p>${filler}` }) });
    const changed = (await ws.check()).report.entries[0]!;
    expect(changed.facts.missing).toEqual([{ kind: 'email', value: 'pref-sejour@testville.gouv.fr' }]);
  });

  it('reads only the selector configured for the entry', async () => {
    const page = dsfrPage({ updated: '14/01/2023', body: `<div id="procedure">${postalProcedure()}</div><div id="autre"><p>Écrivez aussi à autre-service@testville.gouv.fr pour les visas.</p></div>` });
    site.set('/selecteur', { body: page });
    await ws.writeGuide([calvados(site.url('/selecteur'), postalGuideText())]);
    await writeFile(join(ws.dir, 'aes-watch.config.json'), JSON.stringify({ entries: { '14-calvados': { selector: '#procedure' } } }));
    const entry = (await ws.check()).report.entries[0]!;
    expect(entry.status).toBe('ok');
    expect(entry.sources[0]!.currentText).not.toContain('autre-service@testville.gouv.fr');
    expect(entry.facts.added).toEqual([]);

    await writeFile(join(ws.dir, 'aes-watch.config.json'), JSON.stringify({ entries: { '14-calvados': { selector: '#absent' } } }));
    const missing = (await ws.check('--fetch', 'http')).report.entries[0]!;
    expect(missing).toMatchObject({ status: 'unreachable', reasons: [{ code: 'extraction-failed' }] });
    expect(missing.reasons[0]!.detail).toContain('#absent');
  });

  it('says honestly that a host cannot be resolved (offline, or the domain is gone)', async () => {
    await ws.writeGuide([calvados('http://prefecture.aes-watch-test.invalid/Demarches/AES', postalGuideText())]);
    const entry = (await ws.check()).report.entries[0]!;
    expect(entry).toMatchObject({ status: 'unreachable', reasons: [{ code: 'fetch-failed' }], changedSinceLastRun: false, firstCheck: true });
    expect(entry.reasons[0]!.detail).toMatch(/cannot resolve prefecture\.aes-watch-test\.invalid \((ENOTFOUND|EAI_AGAIN)\): this machine is offline, or the domain no longer exists/);
  });
});
