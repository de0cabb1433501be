import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, draftIssue } from '../../src/notify/issue-body.js';
import { GITHUB_BODY_LIMIT, issueBodyWithMarker, parseIssueMarker } from '../../src/notify/marker.js';
import { liveMarkdown, sourceReport, staleEntry, unreachableEntry } from './entry-reports.js';

const noLink = { reportUrl: null };
const runLink = { reportUrl: 'https://github.com/gisti/aes-watch/actions/runs/42' };

function hugeDiff(lines: number, width = 60): string {
  const body = Array.from({ length: lines }, (_, i) => `${i % 2 ? '+' : '-'}ligne ${i} ${'x'.repeat(width)}`);
  return `--- baseline\n+++ current\n@@ -1 +1 @@\n${body.join('\n')}\n`;
}

describe('draftIssue', () => {
  it('titles a stale entry with its département, guide date and reasons', () => {
    expect(draftIssue(staleEntry(), 'stale', noLink, 'en').title).toBe(
      'Calvados (14): guide entry of 22/02/2023 is stale (facts missing, content changed)',
    );
    const moved = staleEntry({ reasons: [{ code: 'source-moved', detail: 'redirected', sourceUrl: null }] });
    expect(draftIssue(moved, 'stale', noLink, 'en').title).toBe('Calvados (14): guide entry of 22/02/2023 is stale (source moved)');
  });

  it('titles an unreachable entry', () => {
    expect(draftIssue(unreachableEntry(3), 'unreachable', noLink, 'en').title).toBe(
      'Calvados (14): guide entry of 22/02/2023 is unreachable (fetch failed)',
    );
  });

  it('carries reasons, facts, dates, the diff, both URLs and the editor checklist', () => {
    const entry = staleEntry({
      sources: [sourceReport({ finalUrl: 'https://www.calvados.gouv.fr/Demarches/Sejour', redirects: [{ url: sourceReport().url, status: 301 }] })],
    });
    const { body, identity, departmentCode } = draftIssue(entry, 'stale', noLink, 'en');
    expect(identity).toEqual({ entryId: '14-calvados', kind: 'stale', guideUpdated: '2023-02-22' });
    expect(departmentCode).toBe('14');
    expect(body).toContain('**Facts missing**: the postal address is no longer on the page');
    expect(body).toContain('- address: `Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 08`');
    expect(body).toContain('- address: `Préfecture du Calvados, Rue Saint-Laurent, 14038 CAEN CEDEX 08`');
    expect(body).toContain('"Dernière mise à jour": 22/02/2023');
    expect(body).toContain('"Mis à jour le": 01/07/2024 (newer than the guide)');
    expect(body).toContain('```diff\n--- baseline\n+++ current\n@@ -1,3 +1,3 @@\n Préfecture du Calvados\n-Rue Daniel Huet\n+Rue Saint-Laurent');
    expect(body).toContain('- Cited: [`https://www.calvados.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour`]');
    expect(body).toContain('  - Final URL: [`https://www.calvados.gouv.fr/Demarches/Sejour`]');
    expect(body).toContain('- [ ] Check the prefecture page, fix the entry in `data/guides/normandie.txt`');
    expect(body).toContain('`npx aes-watch accept 14-calvados`');
    expect(body).not.toContain('<!-- aes-watch');
  });

  it('is byte-identical for the same input, and its digest ignores the per-run report link', () => {
    const a = draftIssue(staleEntry(), 'stale', runLink, 'en');
    const b = draftIssue(staleEntry(), 'stale', runLink, 'en');
    expect(b).toEqual(a);
    expect(draftIssue(staleEntry(), 'stale', noLink, 'en').digest).toBe(a.digest);
    const changed = staleEntry({ sources: [sourceReport({ diffFromBaseline: '-a\n+b\n' })] });
    expect(draftIssue(changed, 'stale', runLink, 'en').digest).not.toBe(a.digest);
  });

  it('keeps the unreachable digest stable while the error flaps', () => {
    const night3 = draftIssue(unreachableEntry(3), 'unreachable', noLink, 'en');
    const night4 = draftIssue(unreachableEntry(4, { reasons: [{ code: 'fetch-failed', detail: 'timeout after 30000 ms', sourceUrl: null }] }), 'unreachable', noLink, 'en');
    expect(night4.digest).toBe(night3.digest);
  });

  it('cuts a huge diff at a line boundary to fit GitHub, linking the full report', () => {
    const entry = staleEntry({ sources: [sourceReport({ diffFromBaseline: hugeDiff(5000) })] });
    const draft = draftIssue(entry, 'stale', runLink, 'en');
    expect(draft.body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(draft.body.length).toBeGreaterThan(BODY_LIMIT - 2000);
    expect(issueBodyWithMarker(draft).length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(draft.body).toMatch(/_Diff cut to fit the issue: \d+ of 5003 lines shown\. The full diff is in the full run report linked below\._/);
    expect(draft.body).toContain('[run report](<https://github.com/gisti/aes-watch/actions/runs/42>)');
    const shown = /```diff\n([\s\S]*?)\n```/.exec(draft.body)?.[1] ?? '';
    expect(hugeDiff(5000).startsWith(`${shown}\n`)).toBe(true);
    expect(() => liveMarkdown(draft.body)).not.toThrow();
  });

  it('shares the room between several huge diffs and survives a single enormous line', () => {
    const entry = staleEntry({
      sources: [
        sourceReport({ diffFromBaseline: hugeDiff(3000) }),
        sourceReport({ url: 'https://www.calvados.gouv.fr/min.html', diffFromBaseline: `-${'y'.repeat(200_000)}\n` }),
      ],
    });
    const draft = draftIssue(entry, 'stale', noLink, 'en');
    expect(draft.body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(draft.body.match(/```diff/g)).toHaveLength(2);
    expect(draft.body).toContain('The full diff is in the run report (`latest.json`)');
  });

  it('neutralises hostile page text everywhere it appears', () => {
    const hostile = '@someone fixes #1 <img src=x onerror=alert(1)>';
    const entry = staleEntry({
      department: { code: '14', name: `Calvados ${hostile}` },
      reasons: [{ code: 'content-changed', detail: hostile, sourceUrl: null }],
      facts: { missing: [{ kind: 'email', value: hostile }], added: [{ kind: 'document', value: `\`\`\` ${hostile}` }], checked: [] },
      sources: [sourceReport({ title: hostile, diffFromBaseline: `-old\n+${hostile}\n+\`\`\`\`\n+<!-- aes-watch {"entry":"76-seine-maritime","kind":"stale","guide":"2023-02-22","digest":"ffffffff"} -->\n` })],
    });
    const draft = draftIssue(entry, 'stale', noLink, 'en');
    const live = liveMarkdown(draft.body);
    expect(live).not.toMatch(/(^|[^\w.+-])@[A-Za-z0-9]/);
    expect(live).not.toMatch(/#\d/);
    expect(live).not.toContain('<img');
    expect(draft.title).not.toMatch(/@s|#1/);
    expect(parseIssueMarker(issueBodyWithMarker(draft))).toMatchObject({ entry: '14-calvados', digest: draft.digest });
  });
});
