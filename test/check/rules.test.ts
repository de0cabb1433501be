import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/schema.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvados, workspace, type Workspace } from './fixture-run.js';

/**
 * The verdict rules and the baseline lifecycle, driven through `check` and
 * `accept` as an editor would: each test holds one rule that a plausible bug
 * in compare/verdict.ts or run/check-entry.ts would break.
 */
const MAIN = '/Demarches/Sejour/Admission-exceptionnelle';
const CONTACT = '/Demarches/Sejour/Contact';
const filler =
  '<p>Les pièces justificatives demandées dépendent de votre situation personnelle et familiale ; la liste complète figure dans la notice jointe au dossier de demande.</p>';
const contactPage = (email = 'pref-sejour@testville.gouv.fr') =>
  dsfrPage({ title: 'Contacter le bureau du séjour', updated: '14/01/2023', body: `<p>Les demandes se font par courrier. Pour toute question, écrivez à ${email}.</p>${filler}` });
/** The whole procedure, email included. */
const fullPage = (updated = '14/01/2023') => dsfrPage({ updated, body: postalProcedure() + filler });
/** The main page without the email: the guide's email is only on the contact page. */
const mainPage = (updated = '14/01/2023') =>
  dsfrPage({ updated, body: postalProcedure().replace(/Pour toute question[^<]*/, 'Pour toute question, utilisez le formulaire de contact.') + filler });

let site: FixtureSite;
let ws: Workspace;
beforeAll(async () => {
  site = await startSite({}, '127.0.0.31');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(MAIN, { body: mainPage() });
  site.set(CONTACT, { body: contactPage() });
  ws = await workspace();
});

const entryOf = (report: RunReport) => report.entries[0]!;
const codes = (entry: { reasons: { code: string }[] }) => [...new Set(entry.reasons.map((r) => r.code))].sort();
const twoPages = () => ws.writeGuide([{ ...calvados(site.url(MAIN), postalGuideText()), moreUrls: [site.url(CONTACT)] }]);
const onePage = async (updated = '14/01/2023') => {
  site.set(MAIN, { body: fullPage(updated) });
  await ws.writeGuide([calvados(site.url(MAIN), postalGuideText())]);
};

/** Every baseline file of the workspace, by path, as bytes. */
async function baselines(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const item of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, item.name);
      if (item.isDirectory()) await walk(path);
      else if (item.name.startsWith('baseline.')) found.set(path, (await readFile(path)).toString('base64'));
    }
  };
  await walk(ws.snapshots);
  return found;
}

describe('an entry with several sources', () => {
  it('judges no fact while one of its sources failed, and says unreachable', async () => {
    await twoPages();
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    const entry = entryOf((await ws.check()).report);
    // The email is only on the failed page: judging facts now would call it missing.
    expect(entry).toMatchObject({ status: 'unreachable', reasons: [{ code: 'fetch-failed' }] });
    expect(entry.facts).toEqual({ checked: [], missing: [], added: [] });
  });

  it('is stale, not unreachable, when one source is gone and another failed', async () => {
    await twoPages();
    site.set(MAIN, { status: 404, body: '<h1>Page introuvable</h1>' });
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    const entry = entryOf((await ws.check()).report);
    expect(entry.status).toBe('stale');
    expect(codes(entry)).toEqual(['fetch-failed', 'source-gone']);
  });

  it('is stale, not unreachable, when one source moved and another failed', async () => {
    await twoPages();
    site.set(MAIN, { status: 301, headers: { location: '/Demarches/Etrangers/AES' } });
    site.set('/Demarches/Etrangers/AES', { body: mainPage() });
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    const entry = entryOf((await ws.check()).report);
    expect(entry.status).toBe('stale');
    expect(codes(entry)).toEqual(['fetch-failed', 'source-moved']);
  });
});

describe('page dates', () => {
  it('finds a page dated the same day as the guide ok', async () => {
    await onePage('22/02/2023');
    const entry = entryOf((await ws.check()).report);
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
  });

  it('finds a page dated the day after the guide stale', async () => {
    await onePage('23/02/2023');
    const entry = entryOf((await ws.check()).report);
    expect(entry).toMatchObject({ status: 'stale', reasons: [{ code: 'page-updated' }] });
  });

  it('does not report a page date already accepted, and reports a later one', async () => {
    await onePage('03/09/2024');
    expect(entryOf((await ws.check()).report).reasons.map((r) => r.code)).toEqual(['page-updated']);
    const accepted = await ws.run('accept', '14', '--snapshots', ws.snapshots);
    expect(accepted.code).toBe(0);
    expect(entryOf((await ws.check()).report)).toMatchObject({ status: 'ok', reasons: [] });
    site.set(MAIN, { body: fullPage('04/09/2024') });
    expect(entryOf((await ws.check()).report)).toMatchObject({ status: 'stale', reasons: [{ code: 'page-updated' }] });
  });
});

describe('the reviewed baseline', () => {
  it('is recorded by the first ok run, and by no later ok run', async () => {
    await onePage();
    await ws.check();
    const first = await baselines();
    expect([...first.keys()].map((p) => p.split('/').at(-1)).sort()).toEqual(['baseline.html', 'baseline.json', 'baseline.md']);
    // Same procedure, another (earlier than the guide) page date: the current snapshot is rewritten, the baseline is not.
    site.set(MAIN, { body: fullPage('20/01/2023') });
    const entry = entryOf((await ws.check()).report);
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(entry.sources[0]!.pageUpdated).toBe('2023-01-20');
    expect(await baselines()).toEqual(first);
  });

  it('is never recorded by an unreachable run', async () => {
    await twoPages();
    site.set(CONTACT, { status: 503, body: 'maintenance' });
    expect(entryOf((await ws.check()).report).status).toBe('unreachable');
    expect((await baselines()).size).toBe(0);
    site.set(CONTACT, { body: contactPage() });
    expect(entryOf((await ws.check()).report).status).toBe('ok');
    expect((await baselines()).size).toBe(6);
  });

  it('keeps a change reported on every run until an editor accepts it', async () => {
    await onePage();
    await ws.check();
    site.set(MAIN, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure().replace('12 rue des Essais', '12 rue des Essais, bâtiment B') + filler }) });
    const changed = entryOf((await ws.check()).report);
    expect(codes(changed)).toEqual(['content-changed']);
    expect(changed.changedSinceLastRun).toBe(true);
    const again = entryOf((await ws.check()).report);
    expect(codes(again)).toEqual(['content-changed']);
    expect(again.changedSinceLastRun).toBe(false);
    expect((await ws.run('accept', '14-calvados', '--snapshots', ws.snapshots)).code).toBe(0);
    expect(entryOf((await ws.check()).report)).toMatchObject({ status: 'ok', reasons: [] });
  });
});

describe('challenge pages', () => {
  it('catches a challenge page with enough text to pass as content by its wording, and says why', async () => {
    await onePage();
    // Enough text for the empty-page rule, none of the protection products' decisive markers.
    const prose = '<p>Votre navigateur doit être vérifié avant d’accéder au site des services de l’État. Cette vérification est automatique et ne prend que quelques secondes. Merci de patienter pendant le contrôle de votre connexion.</p>'.repeat(3);
    site.set(MAIN, { body: `<html><head><title>Vérification</title></head><body><h1>Vérification de sécurité</h1>${prose}<p>Veuillez activer JavaScript pour continuer.</p></body></html>` });
    const entry = entryOf((await ws.check('--fetch', 'http')).report);
    expect(entry).toMatchObject({ status: 'unreachable', reasons: [{ code: 'extraction-failed' }] });
    expect(entry.reasons[0]!.detail).toBe('challenge: the page is an anti-bot challenge or interstitial, not the prefecture page');
  });
});
