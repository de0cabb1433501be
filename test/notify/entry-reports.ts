import type { EntryReport, SourceReport } from '../../src/report/schema.js';

/** Hand-built entry reports, shaped like the check's, for the notifier's unit tests. */

export function sourceReport(overrides: Partial<SourceReport> = {}): SourceReport {
  return {
    url: 'https://www.calvados.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour',
    finalUrl: 'https://www.calvados.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour',
    httpStatus: 200,
    fetchedWith: 'http',
    pageUpdated: '2024-07-01',
    outcome: 'fetched',
    redirects: [],
    title: 'Admission exceptionnelle au séjour',
    diffFromBaseline:
      '--- baseline\n+++ current\n@@ -1,3 +1,3 @@\n Préfecture du Calvados\n-Rue Daniel Huet\n+Rue Saint-Laurent\n 14038 CAEN CEDEX 08\n',
    baselineText: 'Préfecture du Calvados\nRue Daniel Huet\n14038 CAEN CEDEX 08',
    currentText: 'Préfecture du Calvados\nRue Saint-Laurent\n14038 CAEN CEDEX 08',
    snapshotPath: '14-calvados/0.json',
    ...overrides,
  };
}

export function staleEntry(overrides: Partial<EntryReport> = {}): EntryReport {
  return {
    id: '14-calvados',
    department: { code: '14', name: 'Calvados' },
    prefecture: 'Préfecture de Caen',
    guideUpdated: '2023-02-22',
    guideFile: 'data/guides/normandie.txt',
    status: 'stale',
    reasons: [
      { code: 'fact-missing', detail: 'the postal address is no longer on the page', sourceUrl: null },
      { code: 'content-changed', detail: 'the procedure text changed', sourceUrl: sourceReport().url },
    ],
    changedSinceLastRun: true,
    firstCheck: false,
    consecutiveFailures: 0,
    sources: [sourceReport()],
    facts: {
      missing: [{ kind: 'address', value: 'Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 08' }],
      added: [{ kind: 'address', value: 'Préfecture du Calvados, Rue Saint-Laurent, 14038 CAEN CEDEX 08' }],
      checked: [{ kind: 'address', value: 'Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 08', found: false }],
    },
    digest: 'd1',
    successors: [],
    successorsReason: null,
    ...overrides,
  };
}

export function okEntry(overrides: Partial<EntryReport> = {}): EntryReport {
  return staleEntry({
    status: 'ok',
    reasons: [],
    facts: { missing: [], added: [], checked: [] },
    sources: [sourceReport({ diffFromBaseline: null })],
    digest: 'ok',
    ...overrides,
  });
}

export function unreachableEntry(consecutiveFailures: number, overrides: Partial<EntryReport> = {}): EntryReport {
  return staleEntry({
    status: 'unreachable',
    consecutiveFailures,
    reasons: [{ code: 'fetch-failed', detail: 'HTTP 503', sourceUrl: sourceReport().url }],
    facts: { missing: [], added: [], checked: [] },
    sources: [
      sourceReport({ finalUrl: null, httpStatus: 503, outcome: 'http-error', pageUpdated: null, title: null, diffFromBaseline: null }),
    ],
    digest: `u${consecutiveFailures}`,
    ...overrides,
  });
}

/** Text outside fenced code blocks and code spans: where Markdown (and mentions) are live. */
export function liveMarkdown(body: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const opener = /^(`{3,})/.exec(line)?.[1];
    if (fence === null && opener) fence = opener;
    // CommonMark: any run of at least as many backticks, alone on its line, closes the block.
    else if (fence !== null && new RegExp(`^ {0,3}${fence}\`*\\s*$`).test(line)) fence = null;
    else if (fence === null) out.push(line);
  }
  if (fence !== null) throw new Error('unclosed code fence');
  return out.join('\n').replace(/(`+)[\s\S]*?\1(?!`)/g, '');
}
