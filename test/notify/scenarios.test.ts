import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIssueMarker } from '../../src/notify/marker.js';
import { dsfrPage, postalGuideText, postalProcedure, type GuideSectionSpec } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import type { FakeGitHub } from '../support/fake-github.js';
import { issueWorkspace, type IssueWorkspace } from './cli-workspace.js';
import { fakeGitHub, since } from './github-harness.js';
import { liveMarkdown } from './entry-reports.js';

/** Issue #5's scenarios, end to end: `aes-watch check --issues github` against a fixture site and the fake GitHub. */
const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';
let site: FixtureSite;
let github: FakeGitHub;
let ws: IssueWorkspace;

const calvados = (url: string): GuideSectionSpec => ({ code: '14', departmentPhrase: 'du Calvados', prefecture: 'Testville', url, procedure: postalGuideText() });
const page = (o: Parameters<typeof postalProcedure>[0] = {}, extra = '') => ({ body: dsfrPage({ updated: '14/01/2023', body: postalProcedure(o) + extra }) });
const MOVED = { email: 'sejour-aes@testville.gouv.fr' };
const issueLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('GitHub issues not updated'));

beforeAll(async () => {
  site = await startSite({}, '127.0.0.3');
});
afterAll(() => site.close());
beforeEach(async () => {
  site.set(PAGE, page());
  github = await fakeGitHub();
  ws = await issueWorkspace(github);
  await ws.writeGuide([calvados(site.url(PAGE))]);
});

async function check(expectedCode = 0, ...extra: string[]) {
  const run = await ws.check(...extra);
  expect(run.code, run.stderr).toBe(expectedCode);
  return run;
}

describe('aes-watch check --issues github', () => {
  it('opens one issue, stays quiet on an identical rerun, comments on a further change, closes on a fix and reopens', async () => {
    await check();
    expect(github.issues).toEqual([]);
    site.set(PAGE, page(MOVED));
    await check();
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.title).toMatch(/^Calvados \(14\): guide entry of 22\/02\/2023 is stale \(/);
    expect(github.issues[0]?.body).toContain('sejour-aes@testville.gouv.fr');

    const rerun = since(github);
    await check();
    expect(rerun.writes()).toEqual([]);

    site.set(PAGE, page({ ...MOVED, cedex: '14099 TESTVILLE CEDEX 9' }));
    await check();
    expect(github.comments).toHaveLength(1);
    expect(github.issues[0]?.body).toContain('CEDEX 9');

    site.set(PAGE, page());
    await check();
    expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });

    site.set(PAGE, page(MOVED));
    await check();
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
  });

  it('leaves an issue closed as not planned closed', async () => {
    site.set(PAGE, page(MOVED));
    await check();
    github.person.close(1, 'not_planned');
    const rerun = since(github);
    await check();
    expect(rerun.writes()).toEqual([]);
    expect(github.issues[0]?.state).toBe('closed');
  });

  it('leaves no duplicate after a crash between create and record', async () => {
    site.set(PAGE, page(MOVED));
    github.fail({ method: 'POST', path: /\/issues$/, status: 502, afterApplying: true });
    const crashed = await check(3);
    expect(issueLines(crashed.stderr)).toHaveLength(1);
    await check();
    expect(github.issues).toHaveLength(1);
    expect(parseIssueMarker(github.issues[0]?.body)?.entry).toBe('14-calvados');
  });

  it('opens one unreachable issue after a 3-night outage and closes it on recovery', async () => {
    await check();
    site.set(PAGE, { status: 503, body: 'Service Unavailable' });
    for (let night = 1; night <= 4; night++) {
      await check();
      expect(github.issues, `night ${night}`).toHaveLength(night < 3 ? 0 : 1);
    }
    expect(github.issues[0]?.title).toMatch(/is unreachable/);
    expect(github.issues[0]?.labels.map((l) => l.name)).toContain('unreachable');
    expect(github.comments).toEqual([]);
    site.set(PAGE, page());
    await check();
    expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
  });

  it.each([
    ['a 502', { status: 502, message: 'Bad Gateway', times: 10 }],
    ['a 403 rate limit', { status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) } }],
  ])('survives %s from GitHub: verdicts and reports written, exit 3, one log line', async (_name, fault) => {
    site.set(PAGE, page(MOVED));
    github.fail({ method: 'GET', path: /\/issues$/, ...fault });
    const run = await check(3);
    expect(issueLines(run.stderr)).toHaveLength(1);
    expect(issueLines(run.stderr)[0]).toMatch(new RegExp(`HTTP ${fault.status}`));
    expect(run.stderr.split('\n').filter((l) => l.includes('"level":50'))).toHaveLength(1);
    expect((await ws.latest()).entries[0]?.status).toBe('stale');
    expect(github.issues).toEqual([]);
  });

  it('keeps the token out of stdout, stderr and reports, even when GitHub echoes it', async () => {
    site.set(PAGE, page(MOVED));
    github.fail({ method: 'GET', path: /\/issues$/, status: 401, message: `Bad credentials: ${github.token}` });
    const run = await ws.check('--json');
    expect(run.code).toBe(3);
    const everything = `${run.stdout}\n${run.stderr}\n${await ws.allReportText()}`;
    expect(everything).toContain('Bad credentials');
    expect(everything).not.toContain(github.token);
    expect(github.requests.every((r) => r.authorization === `token ${github.token}`)).toBe(true);
  });

  it('neutralises a hostile page in the issue', async () => {
    site.set(PAGE, page(MOVED, '<p>@someone fixes #1 <img src=x onerror=alert(1)></p><p>```` <!-- aes-watch {} --></p>'));
    await check();
    const body = github.issues[0]?.body ?? '';
    const live = liveMarkdown(body);
    expect(live).not.toMatch(/(^|[^\w.+-])@someone/);
    expect(live).not.toMatch(/#\d/);
    expect(live).not.toMatch(/<img/i);
    expect(parseIssueMarker(body)?.entry).toBe('14-calvados');
  });

  it('prints the calls a dry run would make and makes no write', async () => {
    site.set(PAGE, page(MOVED));
    const run = await check(0, '--dry-run');
    expect(run.stdout).toMatch(/dry run: POST \/repos\/gisti\/aes-watch\/issues: create "Calvados \(14\)/);
    expect(github.writes()).toEqual([]);
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('with --only, updates only the named entries’ issues', async () => {
    const manche: GuideSectionSpec = { ...calvados(site.url('/manche')), code: '50', departmentPhrase: 'de la Manche' };
    site.set('/manche', page());
    await ws.writeGuide([calvados(site.url(PAGE)), manche]);
    await check();
    site.set(PAGE, page(MOVED));
    site.set('/manche', page(MOVED));
    await check();
    expect(github.issues.map((i) => parseIssueMarker(i.body)?.entry).sort()).toEqual(['14-calvados', '50-manche']);

    site.set(PAGE, page());
    site.set('/manche', page());
    await check(0, '--only', '14');
    const state = Object.fromEntries(github.issues.map((i) => [parseIssueMarker(i.body)?.entry, i.state]));
    expect(state).toEqual({ '14-calvados': 'closed', '50-manche': 'open' });
  });
});
