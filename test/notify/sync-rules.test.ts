import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../src/notify/github/labels.js';
import { draftIssue } from '../../src/notify/issue-body.js';
import { syncIssues } from '../../src/notify/github/sync.js';
import { issueIntents } from '../../src/notify/intents.js';
import { issueBodyWithMarker, parseCommentMarker, parseIssueMarker } from '../../src/notify/marker.js';
import type { FakeGitHub } from '../support/fake-github.js';
import { fakeGitHub, since, syncer, trackerFor } from './github-harness.js';
import { okEntry, sourceReport, staleEntry } from './entry-reports.js';

/**
 * Which issue stands for a guide entry when several carry its marker, and the
 * comments that make each write idempotent: what an editor would see go wrong
 * on the repository if these rules broke.
 */
const changed = (street: string) => staleEntry({ sources: [sourceReport({ diffFromBaseline: `-Rue Daniel Huet\n+${street}\n` })] });
const draftOf = (entry = staleEntry()) => draftIssue(entry, 'stale', { reportUrl: null }, 'en');
const labelNames = (issue: { labels: { name: string }[] }) => issue.labels.map((l) => l.name).sort();
/** The issue as an earlier run of the bot left it. */
function seed(fake: FakeGitHub, state: 'open' | 'closed', reason: 'completed' | 'not_planned' | 'duplicate' | null = null): number {
  const draft = draftOf();
  const number = fake.seedIssue({ title: draft.title, body: issueBodyWithMarker(draft), labels: labelsFor(draft.identity, draft.departmentCode) });
  const issue = fake.issues.find((i) => i.number === number)!;
  issue.state = state;
  issue.state_reason = reason;
  return number;
}
const markersOn = (fake: FakeGitHub, issue: number) =>
  fake.comments.filter((c) => c.issue_number === issue).map((c) => parseCommentMarker(c.body));
const touched = (writes: { path: string }[]) => [...new Set(writes.map((w) => Number(/\/issues\/(\d+)/.exec(w.path)?.[1])))].filter(Boolean);

describe('the issue that stands for an entry', () => {
  it('is the open one, even when an older one was closed', async () => {
    const fake = await fakeGitHub();
    seed(fake, 'closed', 'completed');
    seed(fake, 'open');
    const run = since(fake);
    expect(await syncer(fake)([staleEntry()])).toMatchObject({ unchanged: 1, reopened: 0, duplicatesClosed: 0, closed: 0 });
    expect(run.writes()).toEqual([]);
  });

  it('is, when all are closed, the oldest not closed as a duplicate: that one is reopened', async () => {
    const fake = await fakeGitHub();
    seed(fake, 'closed', 'duplicate');
    seed(fake, 'closed', 'completed');
    const run = since(fake);
    expect(await syncer(fake)([changed('Rue Saint-Laurent')])).toMatchObject({ reopened: 1, created: 0, duplicatesClosed: 0 });
    expect(fake.issues.map((i) => [i.number, i.state, i.state_reason])).toEqual([
      [1, 'closed', 'duplicate'],
      [2, 'open', 'reopened'],
    ]);
    expect(touched(run.writes())).toEqual([2]);
    expect(markersOn(fake, 2).map((m) => m?.event)).toEqual(['reopen']);
    expect(fake.comments.at(-1)?.body).toMatch(/^aes-watch: reopened because this guide entry is stale again/);
  });

  it('closes the younger of two open issues as a duplicate, counted and marked as such', async () => {
    const fake = await fakeGitHub();
    seed(fake, 'open');
    seed(fake, 'open');
    expect(await syncer(fake)([staleEntry()])).toMatchObject({ duplicatesClosed: 1, unchanged: 1 });
    expect(fake.issues.map((i) => [i.number, i.state, i.state_reason])).toEqual([
      [1, 'open', null],
      [2, 'closed', 'duplicate'],
    ]);
    expect(markersOn(fake, 2)).toEqual([{ event: 'duplicate', digest: draftOf().digest }]);
    // Closed duplicates are left alone afterwards.
    const rerun = since(fake);
    await syncer(fake)([staleEntry()]);
    expect(rerun.writes()).toEqual([]);
  });
});

describe('superseded and resolved issues', () => {
  it('closes the open issue of an older guide date as superseded, counted and marked', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    const summary = await sync([staleEntry({ guideUpdated: '2025-03-01' })]);
    expect(summary).toMatchObject({ created: 1, closed: 1 });
    expect(fake.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(markersOn(fake, 1).map((m) => m?.event)).toEqual(['superseded']);
  });

  it('leaves a closed issue of an older guide date closed and silent', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    await sync([okEntry()]);
    const run = since(fake);
    expect(await sync([staleEntry({ guideUpdated: '2025-03-01' })])).toMatchObject({ created: 1, closed: 0 });
    expect(touched(run.writes())).toEqual([]);
    expect(markersOn(fake, 1).map((m) => m?.event)).toEqual(['close']);
  });

  it('closes with a comment even right after an update with the same digest', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    await sync([changed('Rue Saint-Laurent')]);
    expect(await sync([okEntry()])).toMatchObject({ closed: 1 });
    expect(markersOn(fake, 1).map((m) => m?.event)).toEqual(['update', 'close']);
    expect(fake.comments.at(-1)?.body).toMatch(/matches its sources again/);
  });
});

describe('update comments', () => {
  it('comment on every further change, saying there is something new', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    await sync([changed('Rue Saint-Laurent')]);
    await sync([changed('Boulevard du Général Vanier')]);
    expect(markersOn(fake, 1)).toEqual([
      { event: 'update', digest: draftOf(changed('Rue Saint-Laurent')).digest },
      { event: 'update', digest: draftOf(changed('Boulevard du Général Vanier')).digest },
    ]);
    for (const comment of fake.comments) expect(comment.body).toMatch(/^aes-watch: there is something new to review/);
  });

  it('are not repeated after a crash when the bot account also posted a plain comment', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    fake.fail({ method: 'PATCH', path: /\/issues\/1$/, status: 422, message: 'Validation Failed' });
    await expect(sync([changed('Rue Saint-Laurent')])).rejects.toMatchObject({ status: 422 });
    // Another workflow of the repository comments with the same bot account.
    await trackerFor(fake).comment(1, 'Deployment of the guide site finished.');
    await sync([changed('Rue Saint-Laurent')]);
    expect(markersOn(fake, 1).filter(Boolean)).toHaveLength(1);
    expect(fake.issues[0]?.body).toContain('Rue Saint-Laurent');
  });

  it('are not repeated after a crash on an issue whose author GitHub no longer reports', async () => {
    const fake = await fakeGitHub();
    await syncer(fake)([staleEntry()]);
    // A deleted account: the listing gives no author, so every comment's marker counts.
    const tracker = trackerFor(fake);
    const authorless = { ...tracker, listIssues: async () => (await tracker.listIssues()).map((i) => ({ ...i, author: null })) };
    const sync = () => syncIssues(issueIntents(changed('Rue Saint-Laurent'), 3, { reportUrl: null }, 'en'), authorless);
    fake.fail({ method: 'PATCH', path: /\/issues\/1$/, status: 422, message: 'Validation Failed' });
    await expect(sync()).rejects.toMatchObject({ status: 422 });
    await sync();
    expect(markersOn(fake, 1).filter(Boolean)).toHaveLength(1);
    expect(fake.issues[0]?.body).toContain('Rue Saint-Laurent');
  });

  it('put back a label a person removed, and only then call the labels API', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    fake.issues[0]!.labels = fake.issues[0]!.labels.filter((l) => l.name !== 'dept:14');
    const run = since(fake);
    await sync([changed('Rue Saint-Laurent')]);
    expect(labelNames(fake.issues[0]!)).toEqual(['aes-watch', 'dept:14', 'stale']);
    expect(run.writes().filter((w) => w.path.endsWith('/issues/1/labels')).map((w) => w.body)).toEqual([{ labels: ['dept:14'] }]);
  });
});

describe('issues that are not ours', () => {
  it('are left alone even under the aes-watch label', async () => {
    const fake = await fakeGitHub();
    fake.seedIssue({ title: 'Question about the Calvados entry', body: 'Is the Caen address still right?', labels: ['aes-watch', 'dept:14'] });
    expect(parseIssueMarker(fake.issues[0]?.body)).toBeNull();
    expect(await syncer(fake)([staleEntry()])).toMatchObject({ created: 1 });
    expect(fake.issues.map((i) => [i.number, i.state])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    expect(fake.issues[0]?.body).toBe('Is the Caen address still right?');
  });
});
