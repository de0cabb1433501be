import { describe, expect, it } from 'vitest';
import { createGitHubReporter } from '../../src/notify/github/index.js';
import { readGitHubSettings } from '../../src/notify/github/settings.js';
import { fakeGitHub } from './github-harness.js';
import { reporterContext, runReport } from './reporter-context.js';
import { staleEntry } from './entry-reports.js';
import type { FakeGitHub } from '../support/fake-github.js';

const envFor = (fake: FakeGitHub) => ({ GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: 'gisti/aes-watch', GITHUB_API_URL: fake.apiUrl });
const report = runReport([staleEntry()]);
const inAnHour = () => String(Math.floor(Date.now() / 1000) + 3600);

describe('readGitHubSettings', () => {
  it('defaults the API URL and builds the run link', () => {
    const read = readGitHubSettings({ GITHUB_TOKEN: 't0ken', GITHUB_REPOSITORY: 'gisti/aes-watch', GITHUB_SERVER_URL: 'https://github.com/', GITHUB_RUN_ID: '123' }, false);
    expect(read).toMatchObject({ kind: 'ok', settings: { apiUrl: 'https://api.github.com', owner: 'gisti', repo: 'aes-watch', reportUrl: 'https://github.com/gisti/aes-watch/actions/runs/123', paceMs: 1000 } });
  });

  it('names the bad input', () => {
    expect(readGitHubSettings({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'no-slash' }, false)).toEqual({ kind: 'invalid', message: 'GITHUB_REPOSITORY must be "owner/name", got "no-slash"' });
    expect(readGitHubSettings({ GITHUB_REPOSITORY: 'a/b' }, false)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('GITHUB_TOKEN') });
    expect(readGitHubSettings({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', AES_WATCH_GITHUB_PACE_MS: 'fast' }, false)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('AES_WATCH_GITHUB_PACE_MS') });
    expect(readGitHubSettings({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'ftp://x' }, false)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('GITHUB_API_URL') });
  });
});

describe('createGitHubReporter', () => {
  it('syncs through GITHUB_API_URL (GitHub Enterprise prefix) and links the run report', async () => {
    const fake = await fakeGitHub({ prefix: '/api/v3' });
    const { context } = await reporterContext({ ...envFor(fake), GITHUB_SERVER_URL: 'https://ghes.example.org', GITHUB_RUN_ID: '99' });
    const outcome = await createGitHubReporter().onRunEnd(report, context);
    expect(outcome).toEqual({ kind: 'done', summary: 'gisti/aes-watch issues: 1 created, 0 updated, 0 reopened, 0 closed, 0 duplicates closed, 0 unchanged' });
    expect(fake.issues[0]?.body).toContain('[run report](<https://ghes.example.org/gisti/aes-watch/actions/runs/99>)');
  });

  it('fails with exit code 3 and one log line when the token is missing, calling nothing', async () => {
    const fake = await fakeGitHub();
    const { context, errorLines } = await reporterContext({ GITHUB_REPOSITORY: 'gisti/aes-watch', GITHUB_API_URL: fake.apiUrl });
    expect(await createGitHubReporter().onRunEnd(report, context)).toEqual({ kind: 'failed', message: 'GitHub issues not updated: GITHUB_TOKEN is not set: cannot update GitHub issues', exitCode: 3 });
    expect(await errorLines()).toHaveLength(1);
    expect(fake.requests).toEqual([]);
  });

  it('retries a 5xx a bounded number of times, then fails with exit code 3', async () => {
    const fake = await fakeGitHub();
    fake.fail({ method: 'GET', path: /\/issues$/, status: 503, times: 100 });
    const { context, errorLines } = await reporterContext(envFor(fake));
    const outcome = await createGitHubReporter().onRunEnd(report, context);
    expect(outcome).toMatchObject({ kind: 'failed', exitCode: 3, message: expect.stringContaining('HTTP 503') });
    expect(fake.requests).toHaveLength(3);
    expect(await errorLines()).toHaveLength(1);
  });

  it('never retries a create (a 502 may hide a success)', async () => {
    const fake = await fakeGitHub();
    fake.fail({ method: 'POST', path: /\/issues$/, status: 502, times: 5 });
    const { context } = await reporterContext(envFor(fake));
    expect(await createGitHubReporter().onRunEnd(report, context)).toMatchObject({ kind: 'failed', exitCode: 3 });
    expect(fake.requests.filter((r) => r.operationId === 'issues/create')).toHaveLength(1);
  });

  it('waits out a rate limit that resets now, but gives up on one that resets in an hour', async () => {
    const fake = await fakeGitHub();
    fake.fail({ method: 'GET', path: /\/issues$/, status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) } });
    const first = await reporterContext(envFor(fake));
    expect(await createGitHubReporter().onRunEnd(report, first.context)).toMatchObject({ kind: 'done' });
    expect(fake.requests.filter((r) => r.operationId === 'issues/list-for-repo')).toHaveLength(2);

    const later = await fakeGitHub();
    later.fail({ method: 'GET', path: /\/issues$/, status: 403, message: 'API rate limit exceeded', times: 100, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAnHour() } });
    const second = await reporterContext(envFor(later));
    expect(await createGitHubReporter().onRunEnd(report, second.context)).toMatchObject({ kind: 'failed', exitCode: 3, message: expect.stringContaining('HTTP 403 API rate limit exceeded') });
    expect(later.requests).toHaveLength(1);
  });

  it('keeps the token out of the outcome and of debug logs, even when GitHub echoes it', async () => {
    const fake = await fakeGitHub();
    fake.fail({ method: 'GET', path: /\/issues$/, status: 401, message: `Bad credentials for ${fake.token}` });
    const { context, logs } = await reporterContext(envFor(fake));
    const outcome = await createGitHubReporter().onRunEnd(report, context);
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringContaining('Bad credentials for [redacted]') });
    expect(JSON.stringify(outcome)).not.toContain(fake.token);
    expect(await logs()).toContain('Bad credentials');
    expect(await logs()).not.toContain(fake.token);
  });

  it('dry run without a token: calls nothing and prints the plan', async () => {
    const fake = await fakeGitHub();
    const { context, out } = await reporterContext({ GITHUB_REPOSITORY: 'gisti/aes-watch', GITHUB_API_URL: fake.apiUrl }, { dryRun: true });
    expect(await createGitHubReporter().onRunEnd(report, context)).toMatchObject({ kind: 'done', summary: expect.stringMatching(/^dry run, .*1 created/) });
    expect(fake.requests).toEqual([]);
    const printed = await out();
    expect(printed).toContain('dry run: GET /repos/gisti/aes-watch/issues?state=all&labels=aes-watch&per_page=100 (skipped: no GITHUB_TOKEN');
    expect(printed).toContain('dry run: POST /repos/gisti/aes-watch/labels: create label "stale"');
    expect(printed).toContain('dry run: POST /repos/gisti/aes-watch/issues: create "Calvados (14): guide entry of 22/02/2023 is stale (facts missing, content changed)" labels aes-watch, stale, dept:14');
  });

  it('dry run with a token: only GETs, and the plan follows what exists', async () => {
    const fake = await fakeGitHub();
    await createGitHubReporter().onRunEnd(report, (await reporterContext(envFor(fake))).context);
    const before = fake.requests.length;
    const { context, out } = await reporterContext(envFor(fake), { dryRun: true });
    const changed = runReport([staleEntry({ facts: { missing: [], added: [{ kind: 'email', value: 'new@calvados.gouv.fr' }], checked: [] } })]);
    await createGitHubReporter().onRunEnd(changed, context);
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(await out()).toMatch(/dry run: POST \/repos\/gisti\/aes-watch\/issues\/1\/comments: .*\ndry run: PATCH \/repos\/gisti\/aes-watch\/issues\/1: title .*, body\n/);
  });
});
