import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraftsReporter } from '../../src/notify/github/index.js';
import { draftIssue } from '../../src/notify/issue-body.js';
import { issueBodyWithMarker } from '../../src/notify/marker.js';
import { okEntry, staleEntry, unreachableEntry } from './entry-reports.js';
import { reporterContext, runReport } from './reporter-context.js';

const manche = (status: 'stale' | 'ok') =>
  (status === 'stale' ? staleEntry : okEntry)({ id: '50-manche', department: { code: '50', name: 'Manche' } });

describe('createDraftsReporter', () => {
  it('writes the exact title and body of each issue it would open', async () => {
    const { context } = await reporterContext({ GITHUB_REPOSITORY: 'gisti/aes-watch', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '5' });
    const outcome = await createDraftsReporter().onRunEnd(runReport([staleEntry(), unreachableEntry(3, { id: '61-orne', department: { code: '61', name: 'Orne' } })]), context);
    const dir = join(context.reportsDir, 'issues');
    expect(outcome).toEqual({ kind: 'done', summary: `issue drafts: 2 written, 0 removed in ${dir}` });
    expect((await readdir(dir)).sort()).toEqual(['14-calvados.md', '61-orne.unreachable.md']);
    const draft = draftIssue(staleEntry(), 'stale', { reportUrl: 'https://github.com/gisti/aes-watch/actions/runs/5' }, 'en');
    expect(await readFile(join(dir, '14-calvados.md'), 'utf8')).toBe(`# ${draft.title}\n\n${issueBodyWithMarker(draft)}\n`);
  });

  it('removes drafts that are no longer needed, keeps entries not in the run and those below the threshold', async () => {
    const { context } = await reporterContext({});
    const reporter = createDraftsReporter();
    await reporter.onRunEnd(runReport([staleEntry(), manche('stale'), unreachableEntry(3, { id: '61-orne' })]), context);
    const second = await reporter.onRunEnd(runReport([okEntry(), unreachableEntry(1, { id: '61-orne' })]), context);
    expect(second).toMatchObject({ summary: expect.stringMatching(/0 written, 1 removed/) });
    expect((await readdir(join(context.reportsDir, 'issues'))).sort()).toEqual(['50-manche.md', '61-orne.unreachable.md']);
  });

  it('does not rewrite an unchanged draft, and skips an id that could escape the folder', async () => {
    const { context, logs } = await reporterContext({});
    const reporter = createDraftsReporter();
    await reporter.onRunEnd(runReport([staleEntry()]), context);
    expect(await reporter.onRunEnd(runReport([staleEntry(), staleEntry({ id: '../../etc' })]), context)).toMatchObject({
      summary: expect.stringMatching(/0 written, 0 removed/),
    });
    expect(await logs()).toContain('skipped entry with an unexpected id');
  });
});
