import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ENV_VAR, locateBrowser } from '../../src/fetch/locate-browser.js';
import { calvados, workspace } from '../check/fixture-run.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { CLIENT_ROUTE, jsRenderedRoutes, RENDERED_TEXT, SHELL_PATH } from './fixtures.js';
import { tempFolderSync } from '../support/temp.js';

/** `aes-watch check` end to end: which fetch mode runs, and whether a browser starts at all. */
const DSFR_PATH = '/Demarches/Sejour/Admission-exceptionnelle';

/** The guide's copy of the co-marquage fiche, as the PDF prints it. */
const FICHE_GUIDE_TEXT = `Votre demande doit être envoyée uniquement par courrier à l'adresse suivante :

Préfecture de la Seine-Maritime

Pôle régional d'instruction des titres de séjour

Admission exceptionnelle au séjour

7 place de la Madeleine

76036 ROUEN CEDEX`;

let site: FixtureSite;
let marker: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  site = await startSite({ ...jsRenderedRoutes(), [DSFR_PATH]: { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) } }, '127.0.0.4');
  const real = await locateBrowser({ ...process.env, [BROWSER_ENV_VAR]: '' });
  if (real.kind !== 'found') throw new Error(real.message);
  // A Chromium that leaves a trace each time it starts: the proof a run did (or did not) launch one.
  const dir = tempFolderSync('aes-watch-wrapper-');
  marker = join(dir, 'launched.log');
  const wrapper = join(dir, 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\necho launched >> '${marker}'\nexec '${real.path}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  env = { [BROWSER_ENV_VAR]: wrapper };
});

afterAll(() => site.close());

const launchesRecorded = () => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0);

describe('check with fetch modes', () => {
  it('never starts a browser for a run over server-rendered pages', async () => {
    const before = launchesRecorded();
    const ws = await workspace(env);
    await ws.writeGuide([calvados(site.url(DSFR_PATH), postalGuideText())]);
    const { report } = await ws.check('--fetch', 'auto', '--timeout', '20000');
    const source = report.entries[0]!.sources[0]!;
    expect(source).toMatchObject({ outcome: 'fetched', fetchedWith: 'http' });
    expect(report.entries[0]!.status).toBe('ok');
    expect(launchesRecorded()).toBe(before);
    expect(existsSync(marker)).toBe(before > 0);
  });

  it('`--fetch auto` reads a `#!` JSON-rendered page through the browser, launching it once', async () => {
    const before = launchesRecorded();
    const ws = await workspace(env);
    await ws.writeGuide([calvados(site.url(SHELL_PATH) + CLIENT_ROUTE, FICHE_GUIDE_TEXT)]);
    const { report } = await ws.check('--fetch', 'auto', '--timeout', '20000');
    const entry = report.entries[0]!;
    const source = entry.sources[0]!;
    expect(source).toMatchObject({ outcome: 'fetched', fetchedWith: 'browser', httpStatus: 200 });
    expect(source.currentText).toContain(RENDERED_TEXT);
    expect(entry.reasons.map((r) => r.code)).not.toContain('extraction-failed');
    expect(launchesRecorded()).toBe(before + 1);
    expect(existsSync(marker)).toBe(true);
    // The screenshot is kept beside the raw snapshot, and the HTML report shows the entry.
    const png = readFileSync(join(ws.snapshots, source.snapshotPath!, 'current.png'));
    expect(png.subarray(0, 4).toString('hex')).toBe('89504e47');
    const html = readFileSync(join(ws.reports, 'latest.html'), 'utf8');
    expect(html).toContain('récupérée avec le navigateur');
    expect(html).toContain('<section class="entry entry-');
  });

  it('`--fetch http` cannot see the rendered procedure: extraction-failed, and no browser', async () => {
    const before = launchesRecorded();
    const ws = await workspace(env);
    await ws.writeGuide([calvados(site.url(SHELL_PATH) + CLIENT_ROUTE, FICHE_GUIDE_TEXT)]);
    const { report } = await ws.check('--fetch', 'http', '--timeout', '20000');
    const entry = report.entries[0]!;
    expect(entry.sources[0]).toMatchObject({ fetchedWith: 'http' });
    expect(entry.sources[0]!.currentText ?? '').not.toContain(RENDERED_TEXT);
    expect(entry.reasons.map((r) => r.code)).toContain('extraction-failed');
    expect(launchesRecorded()).toBe(before);
  });

  it('without a usable browser, the browser entry is unreachable with a clear reason and the run goes on', async () => {
    const ws = await workspace({ [BROWSER_ENV_VAR]: '/nonexistent/chromium' });
    await ws.writeGuide([
      calvados(site.url(SHELL_PATH) + CLIENT_ROUTE, FICHE_GUIDE_TEXT),
      { code: '50', departmentPhrase: 'de la Manche', prefecture: 'Testville', url: site.url(DSFR_PATH), procedure: postalGuideText() },
    ]);
    const { report } = await ws.check('--fetch', 'auto', '--timeout', '20000');
    const byId = new Map(report.entries.map((entry) => [entry.id, entry]));
    const browserEntry = byId.get('14-calvados')!;
    expect(browserEntry.status).toBe('unreachable');
    expect(browserEntry.sources[0]).toMatchObject({ outcome: 'browser-unavailable', fetchedWith: 'browser' });
    expect(browserEntry.reasons.map((r) => r.detail).join(' ')).toContain('AES_WATCH_CHROMIUM=/nonexistent/chromium');
    expect(byId.get('50-manche')).toMatchObject({ status: 'ok' });
  });
});
