import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/fetch/browser-launch.js';
import { locateBrowser } from '../../src/fetch/locate-browser.js';
import { draftIssue, BODY_LIMIT } from '../../src/notify/issue-body.js';
import { issueLabelsFor } from '../../src/notify/issue-labels.js';
import { REPORT_CSP } from '../../src/report/html.js';
import { COPY_SCRIPT_CSP } from '../../src/report/html/proposal.js';
import { RunReport } from '../../src/report/schema.js';
import { demoRoundTwo, type DemoScene } from './demo-scene.js';

/** After the demo's round 2: the reports carry a draft for each stale entry whose page was read. */
let scene: DemoScene;
let report: RunReport;
beforeAll(async () => {
  scene = await demoRoundTwo();
  report = RunReport.parse(JSON.parse(await readFile(join(scene.work, 'reports', 'latest.json'), 'utf8')));
});
afterAll(async () => scene?.close());

describe('drafts in the reports', () => {
  it('latest.json carries the draft of each stale entry whose page was reachable, the same as propose prints', async () => {
    const drafted = Object.fromEntries(report.entries.map((e) => [e.id, e.proposal?.source ?? null]));
    expect(Object.keys(drafted)).toEqual(['14-calvados', '50-manche', '61-orne', '76-seine-maritime']);
    expect(drafted['61-orne']).toBeNull(); // gone: nothing to draft from
    expect(drafted['50-manche']).toBe(scene.site.replayUrl('https://www.manche.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour'));
    const calvados = report.entries.find((e) => e.id === '14-calvados')!;
    const printed = await scene.run(['propose', '14', ...scene.common, '--json']);
    expect(JSON.parse(printed.stdout)).toEqual(calvados.proposal);
  });

  it('the HTML report shows it collapsed, escaped, with a copy button that works under the strict CSP', async () => {
    const html = await readFile(join(scene.work, 'reports', 'latest.html'), 'utf8');
    const $ = load(html);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toBe(`${REPORT_CSP}; ${COPY_SCRIPT_CSP}`);
    expect($('script')).toHaveLength(1);
    expect($('[onclick], [onload], [src]')).toHaveLength(0);
    const details = $('#entry-14-calvados details.proposal');
    expect(details).toHaveLength(1);
    expect(details.attr('open')).toBeUndefined();
    expect(details.find('pre.diff ins').map((_, i) => $(i).text()).get()).toContain('+14038 CAEN CEDEX 9');
    expect(details.find('pre.draft').text()).toBe(report.entries[0]?.proposal?.section);
    expect(details.find('button.copy').attr('data-copy')).toBe('draft-14-calvados');
    expect($('#entry-61-orne details.proposal')).toHaveLength(0);

    const location = await locateBrowser(process.env);
    if (location.kind !== 'found') throw new Error(location.message);
    const browser: Browser = await launchChromium(location);
    try {
      const page = await (await browser.newContext()).newPage();
      const blocked: string[] = [];
      page.on('console', (message) => message.type() === 'error' && blocked.push(message.text()));
      // The clipboard itself needs a user's permission; record what the button hands it.
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void ((window as unknown as { copied: string }).copied = text) } });
      });
      await page.goto(pathToFileURL(join(scene.work, 'reports', 'latest.html')).href);
      const button = page.locator('#entry-14-calvados button.copy');
      expect(await button.isVisible()).toBe(false);
      await page.locator('#entry-14-calvados details.proposal summary').click();
      await button.click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(report.entries[0]?.proposal?.section);
      expect(await button.textContent()).toBe('Copié');
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the issue body carries the draft diff, and the issue draft file too', async () => {
    const calvados = report.entries.find((e) => e.id === '14-calvados')!;
    const issue = await readFile(join(scene.work, 'reports', 'issues', '14-calvados.md'), 'utf8');
    expect(issue).toContain('### Proposition de section du guide');
    expect(issue).toMatch(/^\+14038 CAEN CEDEX 9$/m);
    expect(issue).toContain('`aes-watch propose 14-calvados --write`');
    expect(await readFile(join(scene.work, 'reports', 'issues', '61-orne.md'), 'utf8')).not.toContain('Proposition de section');
    // The draft's date changes every night: it is not news, so it stays out of the digest.
    const tomorrow = { ...calvados, proposal: { ...calvados.proposal!, diff: calvados.proposal!.diff.replace(/mise à jour : \d\d\/\d\d\/\d{4}/g, 'mise à jour : 02/12/2099') } };
    expect(draftIssue(tomorrow, 'stale', { reportUrl: null }).digest).toBe(draftIssue(calvados, 'stale', { reportUrl: null }).digest);
  });

  it('cuts a huge draft to fit the issue, saying so', () => {
    const calvados = report.entries.find((e) => e.id === '14-calvados')!;
    const huge = `${calvados.proposal!.diff}\n${Array.from({ length: 8000 }, (_, i) => `+ligne ajoutée numéro ${i} du brouillon`).join('\n')}`;
    const entry = { ...calvados, proposal: { ...calvados.proposal!, diff: huge } };
    const body = draftIssue(entry, 'stale', { reportUrl: null }).body;
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain('### Proposition de section du guide');
    expect(body).toMatch(/_Proposition coupée pour tenir dans le ticket : \d+ lignes sur \d+\./);
    expect(body).toContain(issueLabelsFor('fr').forTheEditor);
    const english = draftIssue(entry, 'stale', { reportUrl: null }, 'en').body;
    expect(english).toContain('### Proposed guide section');
    expect(english.length).toBeLessThanOrEqual(BODY_LIMIT);
  });
});
