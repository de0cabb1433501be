import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimRunFolders } from '../../src/run/folders.js';
import { FOLDER_MARKER } from '../../src/shared/owned-folder.js';
import { tempFolder } from '../support/temp.js';

/** The check writes only into snapshot and report folders that are new, empty, or made by aes-watch (older releases included). */
async function folders(snapshots: string[], reports: string[]) {
  const dir = await tempFolder('aes-run-folders-');
  const s = join(dir, 'snapshots');
  const r = join(dir, 'reports');
  await mkdir(s);
  await mkdir(r);
  for (const name of snapshots) await (name.includes('.') && !name.startsWith('.aes-watch') ? writeFile(join(s, name), 'x') : mkdir(join(s, name)));
  for (const name of reports) await writeFile(join(r, name), 'x');
  return { s, r };
}
const marked = (dir: string) => access(join(dir, FOLDER_MARKER)).then(() => true, () => false);

describe('the folders of a check', () => {
  it('new ones are made and marked', async () => {
    const dir = await tempFolder('aes-run-folders-');
    expect(await claimRunFolders(join(dir, 'snapshots'), join(dir, 'reports'))).toBeNull();
    expect(await marked(join(dir, 'snapshots'))).toBe(true);
    expect(await marked(join(dir, 'reports'))).toBe(true);
  });

  it('ones an older aes-watch filled are recognised by their names and taken', async () => {
    const { s, r } = await folders(['14-calvados', '2A-corse-du-sud', '971-guadeloupe', '.aes-watch.lock'], ['latest.json', 'latest.md', 'latest.html', 'issues', 'demo', 'test-results.json']);
    expect(await claimRunFolders(s, r)).toBeNull();
    expect(await marked(s)).toBe(true);
    expect(await marked(r)).toBe(true);
  });

  it.each([['calvados'], ['14-Calvados'], ['1-ain'], ['14-calvados.bak'], ['notes.txt']])('a snapshots folder holding "%s" is refused, named by its flag', async (name) => {
    const { s, r } = await folders(['14-calvados', name], []);
    expect(await claimRunFolders(s, r)).toBe(`aes-watch: --snapshots: refusing to write into ${s}: it holds files aes-watch did not make (${['14-calvados', name].sort().join(', ')}); give a new or empty folder`);
    expect(await marked(s)).toBe(false);
  });

  it('a reports folder holding other files is refused, named by its flag', async () => {
    const { s, r } = await folders([], ['latest.json', 'budget.ods']);
    expect(await claimRunFolders(s, r)).toBe(`aes-watch: --reports: refusing to write into ${r}: it holds files aes-watch did not make (budget.ods, latest.json); give a new or empty folder`);
  });

  it('with both refused, the snapshots folder is named first', async () => {
    const { s, r } = await folders(['notes.txt'], ['budget.ods']);
    expect(await claimRunFolders(s, r)).toMatch(/^aes-watch: --snapshots: /);
  });
});
