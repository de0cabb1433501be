import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { draftIssue } from '../../src/notify/issue-body.js';
import { parseIssueMarker } from '../../src/notify/marker.js';
import { sourceReport, staleEntry } from '../notify/entry-reports.js';
import { issueWorkspace, type IssueWorkspace } from '../notify/cli-workspace.js';
import { fakeGitHub, since } from '../notify/github-harness.js';
import type { FakeGitHub } from '../support/fake-github.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';

/**
 * Issue #10 A: what decides a GitHub write is the findings, never how the page
 * was fetched. The same stale page answered 200, then 304, then through a real
 * browser makes no write after the first night.
 */
const CITED = '/Demarches/Sejour/Admission-exceptionnelle';
const PAGE = '/Demarches/Etrangers/Admission-exceptionnelle-au-sejour';
const ETAG = '"aes-v1"';
// Stale for findings that all three ways of fetching see alike: a moved page (redirect chain), a newer page date, an email gone.
const html = dsfrPage({ updated: '14/03/2024', body: postalProcedure({ email: 'sejour-aes@testville.gouv.fr' }) });

function conditionalPage(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: ETAG, 'x-served-at': String(Date.now()) }).end(html);
}

let site: FixtureSite;
let github: FakeGitHub;
let ws: IssueWorkspace;

beforeAll(async () => {
  site = await startSite({}, '127.0.0.41');
  site.set(CITED, { status: 301, headers: { location: PAGE } });
  site.set(PAGE, conditionalPage);
});
afterAll(() => site.close());
beforeEach(async () => {
  github = await fakeGitHub();
  ws = await issueWorkspace(github);
  await ws.writeGuide([{ code: '14', departmentPhrase: 'du Calvados', prefecture: 'Testville', url: site.url(CITED), procedure: postalGuideText() }]);
  await writeFile(join(ws.dir, 'browser.json'), JSON.stringify({ entries: { '14-calvados': { fetch: 'browser' } } }));
});

async function night(...extra: string[]) {
  const run = await ws.check('--fetch', 'http', ...extra);
  expect(run.code, run.stderr).toBe(0);
  return (await ws.latest()).entries[0]!;
}

/** Three nights, three ways of fetching the same page; returns what each night saw. */
async function threeNights(afterFirst: () => void = () => {}) {
  const first = await night();
  expect(first.status).toBe('stale');
  expect(github.issues).toHaveLength(1);
  afterFirst();
  const quiet = since(github);
  const second = await night();
  // The browser night: no --fetch flag, the entry's configuration says browser.
  const run = await ws.check('--config', 'browser.json', '--timeout', '20000');
  expect(run.code, run.stderr).toBe(0);
  const third = (await ws.latest()).entries[0]!;
  return { first, second, third, writes: quiet.writes() };
}

describe('a GitHub write comes from the findings, never from how the page was fetched', () => {
  it('a page answered 200, then 304, then over the browser makes no write after the first night', async () => {
    const body = () => github.issues[0]?.body ?? '';
    let firstBody = '';
    const { first, second, third, writes } = await threeNights(() => (firstBody = body()));
    // The three nights really fetched three ways.
    expect(first.sources[0]).toMatchObject({ httpStatus: 200, fetchedWith: 'http' });
    expect(second.sources[0]).toMatchObject({ httpStatus: 304, fetchedWith: 'http' });
    expect(third.sources[0]).toMatchObject({ fetchedWith: 'browser' });
    expect(writes).toEqual([]);
    expect(github.comments).toEqual([]);
    expect(body()).toBe(firstBody);
    // The findings are all in the body; how the page was fetched is not.
    expect(firstBody).toContain(site.url(PAGE));
    expect(firstBody).toContain('14/03/2024');
    expect(firstBody).toContain('pref-sejour@testville.gouv.fr');
    expect(firstBody).not.toMatch(/HTTP 200|HTTP 304|browser|`fetched`/);
    expect(parseIssueMarker(firstBody)?.digest).toBeTruthy();
  });

  it('an issue a person closed as not planned stays closed, untouched, on those nights', async () => {
    const { writes } = await threeNights(() => github.person.close(1, 'not_planned'));
    expect(writes).toEqual([]);
    expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
  });

  it('a new finding still updates the issue', async () => {
    await night();
    const later = since(github);
    site.set(PAGE, { body: dsfrPage({ updated: '14/03/2024', body: postalProcedure({ email: 'sejour-aes@testville.gouv.fr', cedex: '14099 TESTVILLE CEDEX 9' }) }) });
    try {
      await night();
    } finally {
      site.set(PAGE, conditionalPage);
    }
    expect(later.writes().map((w) => `${w.method} ${w.path.replace(/\d+/g, 'N')}`)).toEqual(['POST /repos/gisti/aes-watch/issues/N/comments', 'PATCH /repos/gisti/aes-watch/issues/N']);
    expect(github.issues[0]?.body).toContain('CEDEX 9');
  });
});

describe('the issue drafted for an entry', () => {
  const second = 'https://www.calvados.gouv.fr/Demarches/Formulaires';
  // A stale entry whose second source failed tonight, in two ways on two nights, fetched two ways.
  const night = (fetchedWith: 'http' | 'browser', httpStatus: number, failure: { outcome: string; detail: string }) =>
    staleEntry({
      reasons: [...staleEntry().reasons, { code: 'fetch-failed', detail: failure.detail, sourceUrl: second }],
      sources: [
        sourceReport({ fetchedWith, httpStatus }),
        sourceReport({ url: second, finalUrl: null, httpStatus: null, fetchedWith: 'http', outcome: failure.outcome, diffFromBaseline: null, pageUpdated: null }),
      ],
    });
  const timeout = night('http', 200, { outcome: 'timeout', detail: 'no answer within 30000 ms' });
  const badGateway = night('browser', 304, { outcome: 'http-error', detail: 'HTTP 502 Bad Gateway' });

  it('is the same, digest and body, whatever the fetch details of the night', () => {
    const a = draftIssue(timeout, 'stale', { reportUrl: null });
    const b = draftIssue(badGateway, 'stale', { reportUrl: null });
    expect(b.digest).toBe(a.digest);
    expect(b.body).toBe(a.body);
    expect(a.body).not.toMatch(/30000|502|timeout|HTTP 200/);
  });

  it('changes its digest with any finding: reason, fact, diff, final URL, redirect chain, page date', () => {
    const base = draftIssue(timeout, 'stale', { reportUrl: null }).digest;
    const changed = [
      { ...timeout, reasons: timeout.reasons.slice(1) },
      { ...timeout, facts: { ...timeout.facts, missing: [] } },
      { ...timeout, sources: [sourceReport({ diffFromBaseline: '-a\n+b\n' }), timeout.sources[1]!] },
      { ...timeout, sources: [sourceReport({ finalUrl: 'https://www.calvados.gouv.fr/ailleurs' }), timeout.sources[1]!] },
      { ...timeout, sources: [sourceReport({ redirects: [{ url: 'https://www.calvados.gouv.fr/old', status: 301 }] }), timeout.sources[1]!] },
      { ...timeout, sources: [sourceReport({ pageUpdated: '2025-01-01' }), timeout.sources[1]!] },
    ];
    for (const entry of changed) expect(draftIssue(entry, 'stale', { reportUrl: null }).digest).not.toBe(base);
  });
});
