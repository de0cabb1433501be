import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunReport } from '../../src/report/schema.js';
import { aesWatch, type CliRun } from '../support/cli.js';
import type { FakeGitHub } from '../support/fake-github.js';
import { guideDocument, type GuideSectionSpec } from '../support/prefecture.js';
import { tempFolder } from '../support/temp.js';

/** A working folder for `aes-watch check --issues github` against a fixture site and the fake GitHub. */
export interface IssueWorkspace {
  dir: string;
  reports: string;
  env: NodeJS.ProcessEnv;
  writeGuide(sections: GuideSectionSpec[]): Promise<void>;
  check(...extra: string[]): Promise<CliRun>;
  /** The same check with some environment variables changed for this run only. */
  checkWith(env: NodeJS.ProcessEnv, ...extra: string[]): Promise<CliRun>;
  latest(): Promise<RunReport>;
  /** Every file under the reports folder, concatenated: to look for leaks. */
  allReportText(): Promise<string>;
}

export async function issueWorkspace(fake: FakeGitHub, env: NodeJS.ProcessEnv = {}): Promise<IssueWorkspace> {
  const dir = await tempFolder('aes-issues-');
  const guide = join(dir, 'guide.txt');
  const reports = join(dir, 'reports');
  const fullEnv: NodeJS.ProcessEnv = {
    GITHUB_TOKEN: fake.token,
    GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`,
    GITHUB_API_URL: fake.apiUrl,
    AES_WATCH_GITHUB_PACE_MS: '0',
    ...env,
  };
  const checkWith = (env: NodeJS.ProcessEnv, ...extra: string[]) =>
    aesWatch(
      ['check', '--guide', guide, '--snapshots', join(dir, 'snapshots'), '--reports', reports, '--per-host-delay', '0', '--retries', '0', '--timeout', '2000', '--issues', 'github', '--lang', 'en', ...extra],
      { cwd: dir, env: { ...fullEnv, ...env } },
    );
  return {
    dir,
    reports,
    env: fullEnv,
    writeGuide: (sections) => writeFile(guide, guideDocument('Testland', sections)),
    check: (...extra) => checkWith({}, ...extra),
    checkWith,
    latest: async () => RunReport.parse(JSON.parse(await readFile(join(reports, 'latest.json'), 'utf8'))),
    async allReportText() {
      const files = await readdir(reports, { recursive: true, withFileTypes: true });
      const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')));
      return texts.join('\n');
    },
  };
}
