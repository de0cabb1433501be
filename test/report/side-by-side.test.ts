import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { entryReport, runReport, sourceReport } from '../browser/run-report-builder.js';

const render = (baselineText: string, currentText: string) =>
  load(renderHtmlReport(runReport([entryReport({ sources: [sourceReport({ baselineText, currentText })] })])));

describe('a procedure that was mostly rewritten', () => {
  it('shows before and after side by side instead of an interleaved word diff', () => {
    const before = 'Envoyez votre dossier complet par courrier à la préfecture, bureau du séjour, rue Daniel Huet.';
    const after = 'Prenez rendez-vous en ligne sur démarches simplifiées ; aucun dossier papier ne sera accepté.';
    const $ = render(before, after);
    const columns = $('.side-by-side figure');
    expect(columns.map((_, f) => $(f).find('figcaption').text()).get()).toEqual(['Avant (version relue)', 'Après (page actuelle)']);
    expect(columns.eq(0).find('pre').text()).toBe(before);
    expect(columns.eq(1).find('pre').text()).toBe(after);
    expect($('pre.diff ins, pre.diff del')).toHaveLength(0);
  });

  it('keeps the word diff when most of the text stayed', () => {
    const before = 'Envoyez votre dossier complet par courrier à la préfecture du Calvados, bureau du séjour, 14038 CAEN CEDEX 08.';
    const after = 'Envoyez votre dossier complet par courrier à la préfecture du Calvados, bureau du séjour, 14038 CAEN CEDEX 9.';
    const $ = render(before, after);
    expect($('.side-by-side')).toHaveLength(0);
    expect($('pre.diff del').text()).toContain('08');
    expect($('pre.diff ins').text()).toContain('9');
  });
});
