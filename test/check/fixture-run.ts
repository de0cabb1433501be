import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunReport } from '../../src/report/schema.js';
import { aesWatch, type CliRun } from '../support/cli.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, guideDocument, postalGuideText, postalProcedure, type GuideSectionSpec } from '../support/prefecture.js';
import { tempFolder } from '../support/temp.js';

/** A working folder with a guide, snapshots and reports, and a way to run `check` on it. */
export interface Workspace {
  dir: string;
  guide: string;
  snapshots: string;
  reports: string;
  writeGuide(sections: GuideSectionSpec[]): Promise<void>;
  check(...extra: string[]): Promise<CliRun & { report: RunReport }>;
  run(...args: string[]): Promise<CliRun>;
}

export async function workspace(env: NodeJS.ProcessEnv = {}): Promise<Workspace> {
  const dir = await tempFolder('aes-check-');
  const ws: Workspace = {
    dir,
    guide: join(dir, 'guide.txt'),
    snapshots: join(dir, 'snapshots'),
    reports: join(dir, 'reports'),
    writeGuide: (sections) => writeFile(ws.guide, guideDocument('Testland', sections)),
    run: (...args) => aesWatch(args, { cwd: dir, env }),
    async check(...extra) {
      const result = await ws.run('check', '--guide', ws.guide, '--snapshots', ws.snapshots, '--reports', ws.reports, '--per-host-delay', '0', '--retries', '0', '--timeout', '2000', '--json', ...extra);
      if (result.code !== 0) throw new Error(`check exited ${result.code}: ${result.stderr}`);
      return { ...result, report: RunReport.parse(JSON.parse(result.stdout)) };
    },
  };
  return ws;
}

export const calvados = (url: string, procedure: string): GuideSectionSpec => ({
  code: '14',
  departmentPhrase: 'du Calvados',
  prefecture: 'Testville',
  url,
  procedure,
});

/**
 * The usual scene: a fixture prefecture on `host` whose page at `path` agrees
 * with a one-entry guide (Calvados-like, postal). Registers the vitest hooks.
 */
export function useCalvadosScene(host: string, path: string): { site: FixtureSite; ws: Workspace } {
  const scene = {} as { site: FixtureSite; ws: Workspace };
  beforeAll(async () => {
    scene.site = await startSite({}, host);
  });
  afterAll(() => scene.site.close());
  beforeEach(async () => {
    scene.site.set(path, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    scene.ws = await workspace();
    await scene.ws.writeGuide([calvados(scene.site.url(path), postalGuideText())]);
  });
  return scene;
}
