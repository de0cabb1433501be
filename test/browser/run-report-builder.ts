import { EntryReport, RunReport, SourceReport } from '../../src/report/schema.js';

/** Builds RunReports for the HTML report tests; every one is checked against the zod schema. */

export function sourceReport(overrides: Partial<SourceReport> = {}): SourceReport {
  return SourceReport.parse({
    url: 'https://www.calvados.gouv.fr/accueil-des-etrangers-dans-le-calvados-a9349.html#!/Particuliers/page/L1055',
    finalUrl: 'https://www.calvados.gouv.fr/Demarches/Sejour/Admission-exceptionnelle',
    httpStatus: 200,
    fetchedWith: 'browser',
    pageUpdated: '2025-06-02',
    outcome: 'fetched',
    redirects: [
      { url: 'https://www.calvados.gouv.fr/accueil-des-etrangers-dans-le-calvados-a9349.html', status: 301 },
    ],
    title: 'Admission exceptionnelle au séjour',
    diffFromBaseline: null,
    baselineText:
      'Votre demande doit être envoyée uniquement par courrier à l’adresse suivante : Préfecture du Calvados, Bureau du séjour, Rue Daniel Huet, 14038 CAEN CEDEX 08',
    currentText:
      'Votre demande doit être envoyée uniquement par courrier, en un seul envoi, à l’adresse suivante : Préfecture de la Seine-Maritime, Pôle régional, 7 place de la Madeleine, 76036 ROUEN CEDEX',
    snapshotPath: '14-calvados/0/latest.json',
    ...overrides,
  });
}

export function entryReport(overrides: Partial<EntryReport> = {}): EntryReport {
  return EntryReport.parse({
    id: '14-calvados',
    department: { code: '14', name: 'Calvados' },
    prefecture: 'Caen',
    guideUpdated: '2023-02-22',
    guideFile: 'data/guides/normandie.txt',
    status: 'stale',
    reasons: [
      { code: 'fact-missing', detail: 'address "Rue Daniel Huet, 14038 CAEN CEDEX 08" is no longer on the page', sourceUrl: null },
      { code: 'page-updated', detail: 'the page was updated on 02/06/2025, after the guide (22/02/2023)', sourceUrl: null },
    ],
    changedSinceLastRun: true,
    firstCheck: false,
    consecutiveFailures: 0,
    sources: [sourceReport()],
    facts: {
      missing: [{ kind: 'address', value: 'Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 08' }],
      added: [{ kind: 'address', value: 'Préfecture de la Seine-Maritime, 7 place de la Madeleine, 76036 ROUEN CEDEX' }],
      checked: [
        { kind: 'channel', value: 'postal', found: true },
        { kind: 'address', value: 'Préfecture du Calvados, Rue Daniel Huet, 14038 CAEN CEDEX 08', found: false },
      ],
    },
    digest: 'sha256:3f1c',
    ...overrides,
  });
}

export function runReport(entries: EntryReport[], overrides: Partial<RunReport> = {}): RunReport {
  const summary = { ok: 0, stale: 0, unreachable: 0 };
  for (const entry of entries) summary[entry.status] += 1;
  return RunReport.parse({
    tool: { name: 'aes-watch', version: '0.1.0', extractorVersion: 1 },
    startedAt: '2025-07-01T06:00:00.000Z',
    finishedAt: '2025-07-01T06:00:42.000Z',
    guides: ['data/guides/normandie.txt'],
    summary,
    entries,
    ...overrides,
  });
}

/** The Normandy guide's four entries, one of each verdict and a second stale one. */
export function normandyReport(): RunReport {
  return runReport([
    entryReport(),
    entryReport({
      id: '50-manche',
      department: { code: '50', name: 'Manche' },
      prefecture: 'Saint-Lô',
      status: 'ok',
      reasons: [],
      changedSinceLastRun: false,
      facts: { missing: [], added: [], checked: [{ kind: 'email', value: 'pref-regularisation@manche.gouv.fr', found: true }] },
      sources: [
        sourceReport({
          url: 'https://www.manche.gouv.fr/Demarches-administratives/Demarches-Etrangers-dans-le-departement-de-la-Manche/Vous-etes-en-situation-irreguliere-mais-vous-souhaitez-effectuer-une-demande-de-titre-de-sejour',
          finalUrl: null,
          redirects: [],
          fetchedWith: 'http',
          pageUpdated: null,
          baselineText: 'Vous devez communiquer par messagerie à pref-regularisation@manche.gouv.fr votre nom.',
          currentText: 'Vous devez communiquer par messagerie à pref-regularisation@manche.gouv.fr votre nom.',
        }),
      ],
    }),
    entryReport({
      id: '61-orne',
      department: { code: '61', name: 'Orne' },
      prefecture: 'Alençon',
      status: 'unreachable',
      reasons: [
        {
          code: 'fetch-failed',
          detail: 'no Chromium found: install one with `npx playwright install chromium` or `apt-get install chromium`',
          sourceUrl: 'https://www.orne.gouv.fr/etrangers-a1234.html#!/Particuliers/page/L1055',
        },
      ],
      consecutiveFailures: 3,
      facts: { missing: [], added: [], checked: [] },
      sources: [
        sourceReport({
          url: 'https://www.orne.gouv.fr/etrangers-a1234.html#!/Particuliers/page/L1055',
          finalUrl: null,
          httpStatus: null,
          fetchedWith: 'browser',
          outcome: 'browser-unavailable',
          redirects: [],
          title: null,
          pageUpdated: null,
          baselineText: null,
          currentText: null,
          snapshotPath: null,
        }),
      ],
    }),
  ]);
}
