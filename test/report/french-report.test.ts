import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { draftIssue } from '../../src/notify/issue-body.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { factValue, labelsFor } from '../../src/report/labels.js';
import { localDateTime } from '../../src/report/local-time.js';
import { renderMarkdownReport } from '../../src/report/markdown.js';
import { aesWatch } from '../support/cli.js';
import { entryReport, normandyReport, runReport, sourceReport } from '../browser/run-report-builder.js';
import { tempFolder } from '../support/temp.js';

const winter = { startedAt: '2026-12-01T14:42:12.042Z', finishedAt: '2026-12-01T14:44:03.000Z' };

/** Editors are French: the reports speak French unless told otherwise, and tell time as in Paris. */
describe('the report in French (the default)', () => {
  it('tells the run time in Paris local time, summer and winter', () => {
    // 06:00 UTC in July is 08:00 in Paris (UTC+2); 14:42 UTC in December is 15:42 (UTC+1).
    expect(localDateTime('2025-07-01T06:00:00.000Z', 'fr')).toMatch(/^1 juillet 2025 .*08:00$/);
    expect(localDateTime(winter.startedAt, 'fr')).toMatch(/^1 décembre 2026 .*15:42$/);
    expect(localDateTime(winter.startedAt, 'en')).toMatch(/^1 December 2026 .*15:42$/);
  });

  it('words every channel value in French, "unknown" included', () => {
    const fr = labelsFor('fr');
    expect(['postal', 'online', 'appointment', 'in-person', 'unknown'].map((value) => factValue(fr, 'channel', value))).toEqual([
      'par courrier',
      'en ligne',
      'sur rendez-vous',
      'sur place',
      'non précisé par la page',
    ]);
    expect(factValue(labelsFor('en'), 'channel', 'unknown')).toBe('unknown');
  });

  it('says a page that could not be fetched was tried, not retrieved', () => {
    const entries = normandyReport().entries;
    const md = renderMarkdownReport(runReport(entries, winter));
    expect(md).toContain('/Vous-etes-en-situation-irreguliere-mais-vous-souhaitez-effectuer-une-demande-de-titre-de-sejour> (HTTP 200, récupérée en HTTP)');
    expect(md).toContain('/etrangers-a1234.html#!/Particuliers/page/L1055> (browser-unavailable, tentée avec le navigateur)');
    expect(md).not.toContain('browser-unavailable, récupérée');
    const $ = load(renderHtmlReport(runReport(entries, winter)));
    expect($('#entry-61-orne').text()).toContain('browser-unavailable, tentée avec le navigateur');
    expect($('#entry-50-manche').text()).toContain('récupérée en HTTP');
    const en = renderMarkdownReport(runReport(entries, winter), 'en');
    expect(en).toContain('(browser-unavailable, tried with browser)');
    expect(en).toContain('(HTTP 200, fetched with http)');
  });

  it('writes the Markdown report in French with Paris times', () => {
    const md = renderMarkdownReport(runReport(normandyReport().entries, winter));
    expect(md).toContain('# aes-watch : rapport de changements');
    expect(md).toMatch(/Vérification du 1 décembre 2026 .*15:42 au 1 décembre 2026 .*15:44 \(heure de Paris\) : \*\*1 à revoir\*\*, 1 injoignable\(s\), 1 à jour\./);
    expect(md).not.toContain('2026-12-01T14:42');
    expect(md).toContain('| Calvados (14) | ⚠️ à revoir | faits absents de la page, page mise à jour | oui |');
    expect(md).toContain('| absent de la page | adresse | Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 08 |');
    expect(md).toContain('Entrée `14-calvados`, guide mis à jour le 22/02/2023 ; changé depuis la dernière vérification : oui.');
    // JSON words stay as they are: the reason code is printed beside its French label.
    expect(md).toContain('- faits absents de la page (`fact-missing`) : ');
  });

  it('writes the HTML report in French: lang, badges, facts, dates and next steps', () => {
    const $ = load(renderHtmlReport(runReport(normandyReport().entries, winter)));
    expect($('html').attr('lang')).toBe('fr');
    expect($('ul.summary .badge').map((_, b) => $(b).text()).get()).toEqual(['à revoir', 'à jour', 'injoignable']);
    expect($('ul.summary .badge').map((_, b) => $(b).attr('data-status')).get()).toEqual(['stale', 'ok', 'unreachable']);
    const started = $('header time').first();
    expect(started.attr('datetime')).toBe(winter.startedAt);
    expect(started.text()).toMatch(/^1 décembre 2026 .*15:42$/);
    const calvados = $('#entry-14-calvados');
    expect(calvados.find('table.facts th').map((_, th) => $(th).text()).get()).toEqual(['Type', 'Le guide dit', 'La page']);
    expect(calvados.find('tr.fact-found td').map((_, td) => $(td).text()).get()).toEqual(['mode de dépôt', 'par courrier', '✓ l’indique']);
    expect(calvados.find('tr.fact-missing td').eq(2).text()).toBe('✗ introuvable');
    expect(calvados.find('.dates').text()).toContain('Page : 02/06/2025 (après le guide)');
    expect(calvados.find('ul.next-steps').text()).toContain('corrigez l’entrée dans data/guides/normandie.txt');
    expect(calvados.find('ul.next-steps pre.commands').text()).toBe('npx aes-watch accept 14-calvados');
    expect($('#entry-61-orne ul.next-steps').text()).toContain('Rien à accepter');
    expect($('#entry-50-manche').text()).toContain('Aucun changement depuis la version relue.');
    expect($('footer').text()).toContain('extracteur v1');
  });

  it('gives English with --lang en, from the CLI', async () => {
    const dir = await tempFolder('aes-lang-');
    await mkdir(join(dir, 'reports'));
    await writeFile(join(dir, 'reports', 'latest.json'), JSON.stringify(runReport(normandyReport().entries, winter)));
    const fr = await aesWatch(['report', '--format', 'html'], { cwd: dir });
    expect(fr.code).toBe(0);
    expect(load(fr.stdout)('h1').text()).toBe('aes-watch : rapport de changements');
    const en = await aesWatch(['report', '--format', 'md', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain('# aes-watch change report');
    expect(en.stdout).toMatch(/Run from 1 December 2026 .*15:42 to .*15:44 \(Paris time\): \*\*1 stale\*\*/);
    const bad = await aesWatch(['report', '--lang', 'de'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected one of fr, en, got "de"');
  });
});

describe('next steps by reason', () => {
  const moved = entryReport({
    reasons: [{ code: 'source-moved', detail: 'now redirects', sourceUrl: sourceReport().url }],
    facts: { missing: [], added: [], checked: [] },
  });
  const gone = entryReport({
    id: '61-orne',
    reasons: [{ code: 'source-gone', detail: 'HTTP 404', sourceUrl: sourceReport().url }],
    facts: { missing: [], added: [], checked: [] },
    sources: [sourceReport({ httpStatus: 404, outcome: 'gone', finalUrl: sourceReport().url, redirects: [] })],
  });

  it('content or facts: fix the guide, then accept', () => {
    const body = draftIssue(normandyReport().entries[0]!, 'stale', { reportUrl: null }).body;
    expect(body).toContain('### Que faire');
    expect(body).toContain('`npx aes-watch accept 14-calvados`');
  });

  it('a moved page: cite the final URL or propose, and never accept', () => {
    const body = draftIssue(moved, 'stale', { reportUrl: null }).body;
    expect(body).toContain('citez sa nouvelle adresse [`https://www.calvados.gouv.fr/Demarches/Sejour/Admission-exceptionnelle`]');
    expect(body).toContain('`npx aes-watch propose 14-calvados`');
    expect(body).not.toContain('accept 14-calvados');
    const $ = load(renderHtmlReport(runReport([moved]), 'en'));
    expect($('ul.next-steps').text()).toContain('The page moved');
    expect($('ul.next-steps pre.commands').text()).toBe('npx aes-watch propose 14-calvados');
  });

  it('a gone page: discover or propose, and never accept', () => {
    const body = draftIssue(gone, 'stale', { reportUrl: null }).body;
    expect(body).toContain('n’existe plus : ne l’acceptez pas');
    expect(body).toContain('`npx aes-watch discover 61-orne`, `npx aes-watch propose 61-orne`');
    expect(body).not.toMatch(/aes-watch accept/);
    expect(renderMarkdownReport(runReport([gone]))).not.toMatch(/aes-watch accept/);
  });

  it('the issue title and closing comments speak French too', () => {
    expect(draftIssue(gone, 'stale', { reportUrl: null }).title).toBe('Calvados (14) : l’entrée du guide du 22/02/2023 est à revoir (page disparue)');
  });
});
