import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../src/notify/github/labels.js';
import { draftIssue } from '../../src/notify/issue-body.js';
import { commentMarkerLine, issueBodyWithMarker, parseCommentMarker, parseIssueMarker } from '../../src/notify/marker.js';
import type { Tracker } from '../../src/notify/github/tracker.js';
import { syncIssues } from '../../src/notify/github/sync.js';
import { issueIntents } from '../../src/notify/intents.js';
import { fakeGitHub, since, syncer, trackerFor } from './github-harness.js';
import { okEntry, sourceReport, staleEntry, unreachableEntry } from './entry-reports.js';

const changedAgain = () => staleEntry({ sources: [sourceReport({ diffFromBaseline: '-Rue Daniel Huet\n+Boulevard du Général Vanier\n' })] });
const labelNames = (issue: { labels: { name: string }[] }) => issue.labels.map((l) => l.name).sort();

describe('syncIssues against the fake GitHub', () => {
  it('opens one issue with marker and labels, creating the missing labels', async () => {
    const fake = await fakeGitHub();
    const summary = await syncer(fake)([staleEntry()]);
    expect(summary).toMatchObject({ created: 1, closed: 0 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/gisti/aes-watch/issues',
      'GET /repos/gisti/aes-watch/labels',
      'POST /repos/gisti/aes-watch/labels',
      'POST /repos/gisti/aes-watch/labels',
      'POST /repos/gisti/aes-watch/labels',
      'POST /repos/gisti/aes-watch/issues',
    ]);
    expect(fake.requests[0]?.query).toEqual({ state: 'all', labels: 'aes-watch', per_page: '100' });
    const [issue] = fake.issues;
    expect(issue?.title).toBe('Calvados (14): guide entry of 22/02/2023 is stale (facts missing, content changed)');
    expect(labelNames(issue!)).toEqual(['aes-watch', 'dept:14', 'stale']);
    expect(parseIssueMarker(issue?.body)).toMatchObject({ entry: '14-calvados', kind: 'stale', guide: '2023-02-22' });
    expect(fake.labels.find((l) => l.name === 'stale')?.color).toBe('d93f0b');
  });

  it('makes no write call at all on an identical rerun', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    const rerun = since(fake);
    expect(await sync([staleEntry()])).toMatchObject({ unchanged: 1 });
    expect(rerun.calls()).toEqual(['GET /repos/gisti/aes-watch/issues']);
  });

  it('comments once and updates the body when the digest changes, keeping what people added', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    fake.person.label(1, 'urgent');
    fake.person.assign(1, 'editor');
    // A person's comment that carries our marker (quoted, or forged) must not stand in for the bot's.
    const next = draftIssue(changedAgain(), 'stale', { reportUrl: null }, 'en').digest;
    fake.person.comment(1, `I will look at it.\n\n${commentMarkerLine({ event: 'update', digest: next })}`);
    const change = since(fake);
    expect(await sync([changedAgain()])).toMatchObject({ updated: 1 });
    expect(change.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/gisti/aes-watch/issues/1/comments',
      'PATCH /repos/gisti/aes-watch/issues/1',
    ]);
    const patch = change.writes()[1]?.body as Record<string, unknown>;
    expect(Object.keys(patch).sort()).toEqual(['body', 'title']);
    const issue = fake.issues[0]!;
    expect(issue.body).toContain('+Boulevard du Général Vanier');
    expect(labelNames(issue)).toEqual(['aes-watch', 'dept:14', 'stale', 'urgent']);
    expect(issue.assignees).toEqual([{ login: 'editor' }]);
    expect(fake.comments.map((c) => c.user.login)).toEqual(['editor', 'github-actions[bot]']);
    expect(fake.comments[0]?.body).toContain('I will look at it.');
    expect(parseCommentMarker(fake.comments[1]?.body)).toEqual({ event: 'update', digest: next });
    expect(parseIssueMarker(issue.body)?.digest).toBe(next);
    const again = since(fake);
    await sync([changedAgain()]);
    expect(again.writes()).toEqual([]);
  });

  it('closes when ok, reopens when stale again, and stays quiet in between', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    expect(await sync([okEntry()])).toMatchObject({ closed: 1 });
    expect(fake.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(fake.comments.at(-1)?.body).toMatch(/matches its sources again/);
    const quiet = since(fake);
    await sync([okEntry()]);
    expect(quiet.writes()).toEqual([]);
    expect(await sync([staleEntry()])).toMatchObject({ reopened: 1, created: 0 });
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(fake.comments.at(-1)?.body).toMatch(/stale again/);
  });

  it('leaves an issue a person closed as not planned until the digest changes', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    fake.person.close(1, 'not_planned');
    const respected = since(fake);
    expect(await sync([staleEntry()])).toMatchObject({ unchanged: 1, reopened: 0 });
    expect(respected.writes()).toEqual([]);
    expect(fake.issues[0]?.state).toBe('closed');
    expect(await sync([changedAgain()])).toMatchObject({ reopened: 1 });
    expect(fake.issues[0]).toMatchObject({ state: 'open' });
    expect(fake.comments.at(-1)?.body).toMatch(/closed as not planned/);
  });

  it('repairs a crash between create and record without a duplicate', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    fake.fail({ method: 'POST', path: /\/issues$/, status: 502, afterApplying: true });
    await expect(sync([staleEntry()])).rejects.toMatchObject({ status: 502 });
    expect(fake.requests.filter((r) => r.operationId === 'issues/create')).toHaveLength(1);
    expect(await sync([staleEntry()])).toMatchObject({ created: 0, unchanged: 1 });
    expect(fake.issues).toHaveLength(1);
  });

  it('does not repeat a comment when the crash came after it', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    fake.fail({ method: 'PATCH', path: /\/issues\/1$/, status: 422, message: 'Validation Failed' });
    await expect(sync([changedAgain()])).rejects.toMatchObject({ status: 422 });
    await sync([changedAgain()]);
    expect(fake.comments).toHaveLength(1);
    expect(fake.issues[0]?.body).toContain('Boulevard du Général Vanier');
  });

  it('ends overlapping runs with one open issue, closing a duplicate as such', async () => {
    const fake = await fakeGitHub();
    // Hold the first run between "listed, no issue yet" and "issue created" until
    // the second has listed too: both then create, as two overlapping nights would.
    let secondListed!: () => void;
    const gate = new Promise<void>((resolve) => (secondListed = resolve));
    const first = trackerFor(fake);
    const held = { ...first, createIssue: async (issue: Parameters<Tracker['createIssue']>[0]) => (await gate, first.createIssue(issue)) };
    const second = trackerFor(fake);
    const listing = { ...second, listIssues: async () => second.listIssues().finally(() => secondListed()) };
    const intents = () => issueIntents(staleEntry(), 3, { reportUrl: null });
    await Promise.all([syncIssues(intents(), held), syncIssues(intents(), listing)]);
    expect(fake.issues.map((i) => i.state)).toEqual(['open', 'open']);
    await syncer(fake)([staleEntry()]);
    const open = fake.issues.filter((i) => i.state === 'open');
    expect(open.map((i) => i.number)).toEqual([1]);
    for (const other of fake.issues.slice(1)) expect(other).toMatchObject({ state: 'closed', state_reason: 'duplicate' });
    expect(fake.comments.filter((c) => c.body.includes('duplicate of #1'))).toHaveLength(fake.issues.length - 1);
  });

  it('opens a new issue for a new guide date and closes the superseded one', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake);
    await sync([staleEntry()]);
    await sync([staleEntry({ guideUpdated: '2025-03-01' })]);
    expect(fake.issues.map((i) => [i.number, i.state])).toEqual([[1, 'closed'], [2, 'open']]);
    expect(fake.issues[1]?.title).toContain('guide entry of 01/03/2025');
    expect(fake.comments.at(-1)?.body).toMatch(/superseded by #2/);
  });

  it('opens one unreachable issue after three failed nights and closes it on recovery', async () => {
    const fake = await fakeGitHub();
    const sync = syncer(fake, 3);
    await sync([unreachableEntry(1)]);
    await sync([unreachableEntry(2)]);
    expect(fake.requests).toEqual([]);
    await sync([unreachableEntry(3)]);
    await sync([unreachableEntry(4, { reasons: [{ code: 'fetch-failed', detail: 'timeout', sourceUrl: null }] })]);
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]?.title).toBe('Calvados (14): guide entry of 22/02/2023 is unreachable (fetch failed)');
    expect(labelNames(fake.issues[0]!)).toEqual(['aes-watch', 'dept:14', 'unreachable']);
    expect(fake.comments).toEqual([]);
    await sync([staleEntry()]);
    expect(fake.issues.map((i) => [i.title.includes('unreachable'), i.state])).toEqual([[true, 'closed'], [false, 'open']]);
  });

  it('finds existing issues with one paginated listing, whatever the number of entries', async () => {
    const fake = await fakeGitHub();
    const entries = Array.from({ length: 150 }, (_, i) =>
      staleEntry({ id: `${10 + (i % 80)}-e${i}`, department: { code: String(10 + (i % 80)), name: `D${i}` } }),
    );
    for (const entry of entries) {
      const draft = draftIssue(entry, 'stale', { reportUrl: null }, 'en');
      fake.seedIssue({ title: draft.title, body: issueBodyWithMarker(draft), labels: labelsFor(draft.identity, draft.departmentCode) });
    }
    fake.person.openPullRequest('Update guide', ['aes-watch']);
    const rerun = since(fake);
    expect(await syncer(fake)(entries)).toMatchObject({ unchanged: 150, created: 0 });
    expect(rerun.calls()).toEqual(['GET /repos/gisti/aes-watch/issues', 'GET /repos/gisti/aes-watch/issues']);
    expect(rerun.all().map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
  });
});
