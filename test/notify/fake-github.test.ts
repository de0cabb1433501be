import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/notify/github/client.js';
import { silentLogger } from '../../src/shared/log.js';
import { fakeGitHub, settingsFor } from './github-harness.js';
import type { FakeGitHub } from '../support/fake-github.js';

/** The fake must catch requests the real API would reject, or the sync tests prove nothing. */
function client(fake: FakeGitHub, token = fake.token) {
  return createGitHubClient(settingsFor(fake, { token }), silentLogger);
}

/** An untyped call, so a test can send what Octokit's types would refuse. */
function raw(fake: FakeGitHub, route: string, params: Record<string, unknown>) {
  return client(fake).request(route, { owner: 'gisti', repo: 'aes-watch', ...params });
}

describe('fake GitHub', () => {
  it('accepts and records valid requests with their operation', async () => {
    const fake = await fakeGitHub();
    const gh = client(fake);
    await gh.rest.issues.create({ owner: 'gisti', repo: 'aes-watch', title: 'T', body: 'B', labels: ['aes-watch'] });
    expect(fake.requests.map((r) => r.operationId)).toEqual(['issues/create']);
    expect(fake.issues[0]).toMatchObject({ number: 1, title: 'T', state: 'open' });
  });

  it('rejects a body that breaks the OpenAPI schema', async () => {
    const fake = await fakeGitHub();
    await expect(raw(fake, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', { issue_number: 1, state: 'shut' })).rejects.toMatchObject({ status: 400 });
    await expect(raw(fake, 'POST /repos/{owner}/{repo}/issues', { body: 'no title' })).rejects.toMatchObject({ status: 400 });
    expect(fake.violations).toHaveLength(2);
    expect(fake.violations[0]).toMatch(/issues\/update: body .*state/);
    expect(fake.violations[1]).toMatch(/issues\/create: body data must have required property 'title'/);
    fake.violations.length = 0;
  });

  it('rejects unknown paths, methods and query parameters', async () => {
    const fake = await fakeGitHub();
    const gh = client(fake);
    await expect(gh.request('GET /repos/{owner}/{repo}/issuez', { owner: 'gisti', repo: 'aes-watch' })).rejects.toMatchObject({ status: 400 });
    await expect(gh.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'gisti', repo: 'aes-watch', issue_number: 1 })).rejects.toMatchObject({ status: 400 });
    await expect(raw(fake, 'GET /repos/{owner}/{repo}/issues', { state: 'everything' })).rejects.toMatchObject({ status: 400 });
    await expect(gh.request('GET /repos/{owner}/{repo}/issues', { owner: 'gisti', repo: 'aes-watch', colour: 'red' })).rejects.toMatchObject({ status: 400 });
    expect(fake.violations.map((v) => v.split(': ').slice(1).join(': '))).toEqual([
      'no GitHub REST path matches /repos/gisti/aes-watch/issuez',
      'DELETE is not an operation of /repos/{owner}/{repo}/issues/{issue_number}',
      'issues/list-for-repo: query parameter "state" data must be equal to one of the allowed values',
      'issues/list-for-repo: unknown query parameter "colour"',
    ]);
    fake.violations.length = 0;
  });

  it('paginates with Link headers and refuses a bad token', async () => {
    const fake = await fakeGitHub();
    const gh = client(fake);
    for (let i = 0; i < 230; i++) fake.person.openPullRequest(`PR ${i}`, ['aes-watch']);
    const all = await gh.paginate(gh.rest.issues.listForRepo, { owner: 'gisti', repo: 'aes-watch', state: 'all', per_page: 100 });
    expect(all).toHaveLength(230);
    expect(fake.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    await expect(client(fake, 'ghs_wrong').rest.issues.listForRepo({ owner: 'gisti', repo: 'aes-watch' })).rejects.toMatchObject({ status: 401 });
  });
});
