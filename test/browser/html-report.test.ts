import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport, REPORT_CSP } from '../../src/report/html.js';
import { entryReport, normandyReport, runReport, sourceReport } from './run-report-builder.js';

const XSS_SCRIPT = '<script>window.__pwned=1</script>';
const XSS_IMG = '<img src=x onerror="window.__pwned=1">';
const XSS_URL = 'javascript:window.__pwned=1';

describe('renderHtmlReport', () => {
  it('is one self-contained file with a strict Content-Security-Policy', () => {
    const html = renderHtmlReport(normandyReport(), 'en');
    const $ = load(html);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect($('script, link, iframe, img, object, embed')).toHaveLength(0);
    expect($('[src]')).toHaveLength(0);
    const css = $('style').text();
    expect(css).toContain('@media print');
    expect(css).toContain('@media (max-width');
    expect(css).not.toMatch(/@import|url\(/);
  });

  it('summarises every entry with its verdict badge and counts', () => {
    const $ = load(renderHtmlReport(normandyReport(), 'en'));
    const items = $('ul.summary li');
    expect(items).toHaveLength(3);
    expect(items.map((_, li) => $(li).find('.badge').text()).get()).toEqual(['stale', 'ok', 'unreachable']);
    expect($('ul.summary a').map((_, a) => $(a).attr('href')).get()).toEqual([
      '#entry-14-calvados',
      '#entry-50-manche',
      '#entry-61-orne',
    ]);
    expect($('[data-count="stale"]').text()).toBe('1');
    expect($('[data-count="unreachable"]').text()).toBe('1');
    expect($('[data-count="ok"]').text()).toBe('1');
    expect($('section.entry')).toHaveLength(3);
  });

  it('shows reasons, the facts table with missing and added facts, and both dates', () => {
    const $ = load(renderHtmlReport(normandyReport(), 'en'));
    const calvados = $('#entry-14-calvados');
    expect(calvados.find('ul.reasons code').map((_, c) => $(c).text()).get()).toEqual(['fact-missing', 'page-updated']);
    expect(calvados.find('tr.fact-found td').eq(1).text()).toBe('postal');
    expect(calvados.find('tr.fact-missing td').eq(1).text()).toContain('14038 CAEN CEDEX 08');
    expect(calvados.find('tr.fact-missing td').eq(2).text()).toContain('not found');
    expect(calvados.find('tr.fact-added td').eq(2).text()).toContain('76036 ROUEN CEDEX');
    const dates = calvados.find('.dates').text();
    expect(dates).toContain('Page: 02/06/2025 (after the guide)');
    expect(dates).toContain('Guide: 22/02/2023');
    expect($('#entry-61-orne .dates').text()).toContain('Page: not stated');
  });

  it('renders a word-level diff against the reviewed baseline', () => {
    const $ = load(renderHtmlReport(normandyReport(), 'en'));
    const diff = $('#entry-14-calvados pre.diff');
    const removed = diff.find('del').map((_, d) => $(d).text()).get().join(' ');
    const added = diff.find('ins').map((_, i) => $(i).text()).get().join(' ');
    expect(removed).toContain('Calvados');
    expect(removed).toContain('Daniel Huet');
    expect(added).toContain('Seine-Maritime');
    expect(added).toContain('en un seul envoi');
    // Words both texts share are neither deleted nor inserted.
    expect(removed + added).not.toContain('uniquement');
    expect(diff.text()).toContain('uniquement par courrier');
    expect($('#entry-50-manche').text()).toContain('No change since the reviewed baseline.');
  });

  it('shows the current text when there is no baseline, and a note when nothing was read', () => {
    const entry = entryReport({ sources: [sourceReport({ baselineText: null, currentText: 'Texte actuel de la démarche' })] });
    const $ = load(renderHtmlReport(runReport([entry]), 'en'));
    expect($('pre.diff').text()).toBe('Texte actuel de la démarche');
    expect($('pre.diff ins, pre.diff del')).toHaveLength(0);
    expect(load(renderHtmlReport(normandyReport(), 'en'))('#entry-61-orne').text()).toContain('the page could not be read');
  });

  it('links the cited and final URLs, the redirect hops, and nothing that is not http(s)', () => {
    const $ = load(renderHtmlReport(normandyReport(), 'en'));
    const hrefs = $('#entry-14-calvados dl a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs).toEqual([
      'https://www.calvados.gouv.fr/accueil-des-etrangers-dans-le-calvados-a9349.html#!/Particuliers/page/L1055',
      'https://www.calvados.gouv.fr/Demarches/Sejour/Admission-exceptionnelle',
      'https://www.calvados.gouv.fr/accueil-des-etrangers-dans-le-calvados-a9349.html',
    ]);
    expect($('a[href]').filter((_, a) => !/^(https?:|#)/.test($(a).attr('href') ?? ''))).toHaveLength(0);
  });

  it('escapes every scraped string and never turns a javascript: URL into a link', () => {
    const hostile = entryReport({
      prefecture: XSS_SCRIPT,
      reasons: [{ code: 'content-changed', detail: XSS_IMG, sourceUrl: XSS_URL }],
      facts: { missing: [], added: [{ kind: 'url', value: XSS_IMG }], checked: [{ kind: 'email', value: XSS_SCRIPT, found: false }] },
      sources: [sourceReport({ url: XSS_URL, finalUrl: XSS_URL, title: XSS_SCRIPT, baselineText: XSS_IMG, currentText: XSS_SCRIPT })],
    });
    const html = renderHtmlReport(runReport([hostile]), 'en');
    const $ = load(html);
    expect(html).not.toMatch(/<script|<img/i);
    expect($('script, img, [onerror]')).toHaveLength(0);
    expect($('a[href^="javascript"]')).toHaveLength(0);
    expect($('span.url').first().text()).toBe(XSS_URL);
    // The text survives, as text.
    expect($('section.entry h2').first().text()).toContain(XSS_SCRIPT);
    expect($('ul.reasons li').first().text()).toContain(XSS_IMG);
  });

  it('is deterministic for the same input', () => {
    const report = normandyReport();
    const first = renderHtmlReport(report, 'en');
    expect(renderHtmlReport(structuredClone(report), 'en')).toBe(first);
    expect(renderHtmlReport(normandyReport(), 'en')).toBe(first);
  });

  it('falls back to the line diff when the texts differ too much for a word diff', () => {
    const words = (prefix: string) => Array.from({ length: 1_500 }, (_, i) => `${prefix}${i}`).join(' ');
    const entry = entryReport({
      sources: [sourceReport({ baselineText: words('a'), currentText: words('b'), diffFromBaseline: '@@ -1 +1 @@\n-a0\n+b0' })],
    });
    const $ = load(renderHtmlReport(runReport([entry]), 'en'));
    expect($('pre.diff').text()).toBe('@@ -1 +1 @@\n-a0\n+b0');
    expect($('.source').text()).toContain('Too many changes for a word diff');
  });
});
