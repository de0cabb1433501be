import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIssueMarker } from '../../src/notify/marker.js';
import { issueWorkspace, type IssueWorkspace } from '../notify/cli-workspace.js';
import { fakeGitHub, since } from '../notify/github-harness.js';
import type { Fault, FakeGitHub } from '../support/fake-github.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';

/**
 * Issue #10 B5: whatever GitHub does, the night's reports and snapshots are
 * written, the run exits 3 with one log line that says what to fix, and the
 * next run (GitHub fixed) leaves exactly one issue.
 */
const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';
const REPO = 'gisti/aes-watch';
const ALWAYS = Number.POSITIVE_INFINITY;

interface FaultCase {
  /** What breaks: a fault of the fake, or a wrong setting. */
  fault?: Fault;
  env?: NodeJS.ProcessEnv;
  fix: string | RegExp;
}

const CASES: Record<string, FaultCase> = {
  '401 (bad token)': { env: { GITHUB_TOKEN: 'ghs_notTheRightToken0123456789abcdef' }, fix: 'GitHub rejected the token: set GITHUB_TOKEN to a valid token' },
  '403 "Resource not accessible by integration"': {
    fault: { method: 'POST', path: /^\/repos\/gisti\/aes-watch\/(issues|labels)$/, status: 403, message: 'Resource not accessible by integration', times: ALWAYS },
    fix: `the token may not write issues on ${REPO}: give the workflow job "permissions: issues: write"`,
  },
  '404 (wrong repository)': { env: { GITHUB_REPOSITORY: 'gisti/no-such-repo' }, fix: 'repository gisti/no-such-repo not found, or the token cannot see it: check GITHUB_REPOSITORY' },
  '410 (issues disabled)': {
    fault: { method: '*', path: /\/issues/, status: 410, message: 'Issues are disabled for this repo', times: ALWAYS },
    fix: `issues are disabled on ${REPO}: enable them in Settings → General → Features`,
  },
  '422 when creating a label': {
    fault: { method: 'POST', path: /^\/repos\/gisti\/aes-watch\/labels$/, status: 422, message: 'Validation Failed' },
    fix: /GitHub refused to create the label "[^"]+" on gisti\/aes-watch: create it by hand in Issues → Labels/,
  },
  '5xx on every call': { fault: { method: '*', path: /./, status: 502, message: 'Bad Gateway', times: ALWAYS }, fix: 'GitHub is failing, even after retries: nothing to fix here' },
  'an issue created whose response was lost': {
    fault: { method: 'POST', path: /^\/repos\/gisti\/aes-watch\/issues$/, status: 0, afterApplying: true, dropConnection: true },
    fix: 'the connection to GitHub failed before an answer came back',
  },
};

let site: FixtureSite;
let github: FakeGitHub;
let ws: IssueWorkspace;

beforeAll(async () => {
  // Stale: the page gives another email than the guide.
  site = await startSite({ [PAGE]: { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email: 'sejour-aes@testville.gouv.fr' }) }) } }, '127.0.0.42');
});
afterAll(() => site.close());
beforeEach(async () => {
  github = await fakeGitHub();
  ws = await issueWorkspace(github);
  await ws.writeGuide([{ code: '14', departmentPhrase: 'du Calvados', prefecture: 'Testville', url: site.url(PAGE), procedure: postalGuideText() }]);
});

const notUpdated = (stderr: string) => stderr.split('\n').filter((l) => l.includes('GitHub issues not updated'));
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('"level":50'));

async function files(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found.filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name).slice(dir.length + 1)).sort();
}

describe('GitHub faults during check --issues github', () => {
  it.each(Object.entries(CASES))('%s: reports and snapshots written, exit 3, one line saying what to fix, no duplicate next run', async (_name, c) => {
    if (c.fault) github.fail(c.fault);
    const broken = await ws.checkWith(c.env ?? {});
    expect(broken.code, broken.stderr).toBe(3);
    const lines = notUpdated(broken.stderr);
    expect(lines, broken.stderr).toHaveLength(1);
    expect(errorLines(broken.stderr)).toEqual(lines);
    const said = (JSON.parse(lines[0]!) as { msg: string }).msg;
    if (typeof c.fix === 'string') expect(said).toContain(c.fix);
    else expect(said).toMatch(c.fix);
    expect(lines[0]).not.toContain(github.token);
    // The night's work is kept: reports and snapshots.
    expect((await ws.latest()).entries[0]?.status).toBe('stale');
    for (const name of ['latest.json', 'latest.md', 'latest.html']) expect((await stat(join(ws.reports, name))).size).toBeGreaterThan(0);
    expect(await files(join(ws.dir, 'snapshots'))).toEqual(expect.arrayContaining([expect.stringMatching(/^14-calvados\/[^/]+\/current\.json$/)]));

    github.heal();
    const repaired = await ws.check();
    expect(repaired.code, repaired.stderr).toBe(0);
    const again = since(github);
    expect((await ws.check()).code).toBe(0);
    expect(again.writes()).toEqual([]);
    expect(github.issues.map((i) => parseIssueMarker(i.body)?.entry)).toEqual(['14-calvados']);
  });
});
