import { afterEach, expect } from 'vitest';
import { createGitHubClient } from '../../src/notify/github/client.js';
import { createOctokitTracker } from '../../src/notify/github/octokit-tracker.js';
import type { GitHubSettings } from '../../src/notify/github/settings.js';
import { syncIssues } from '../../src/notify/github/sync.js';
import { issueIntents } from '../../src/notify/intents.js';
import type { EntryReport } from '../../src/report/schema.js';
import { silentLogger } from '../../src/shared/log.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const running: FakeGitHub[] = [];

/** Every test file using the fake gets: servers closed, and no request GitHub's OpenAPI would reject. */
afterEach(async () => {
  const fakes = running.splice(0);
  await Promise.all(fakes.map((f) => f.close()));
  for (const fake of fakes) expect(fake.violations).toEqual([]);
});

export async function fakeGitHub(options: Parameters<typeof startFakeGitHub>[0] = {}): Promise<FakeGitHub> {
  const fake = await startFakeGitHub(options);
  running.push(fake);
  return fake;
}

export function settingsFor(fake: FakeGitHub, overrides: Partial<GitHubSettings> = {}): GitHubSettings {
  return { token: fake.token, owner: fake.owner, repo: fake.repo, apiUrl: fake.apiUrl, reportUrl: null, paceMs: 0, ...overrides };
}

export function trackerFor(fake: FakeGitHub) {
  return createOctokitTracker(createGitHubClient(settingsFor(fake), silentLogger), fake.owner, fake.repo);
}

/** One notifier run over these entry reports, as the reporter does it. */
export function syncer(fake: FakeGitHub, unreachableAfter = 3) {
  const tracker = trackerFor(fake);
  return (entries: EntryReport[]) =>
    syncIssues(entries.flatMap((e) => issueIntents(e, unreachableAfter, { reportUrl: null }, 'en')), tracker);
}

/** Requests made from here on. */
export function since(fake: FakeGitHub) {
  const start = fake.requests.length;
  return {
    all: () => fake.requests.slice(start),
    writes: () => fake.requests.slice(start).filter((r) => r.method !== 'GET'),
    calls: () => fake.requests.slice(start).map((r) => `${r.method} ${r.path}`),
  };
}
