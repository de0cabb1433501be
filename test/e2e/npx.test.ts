import { cp, readdir, stat, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { VERSION } from '../../src/shared/version.js';
import { runProgram } from '../support/process.js';
import { tempFolder } from '../support/temp.js';

const REPO = resolve(import.meta.dirname, '../..');

/** Each built chunk's modification time: a build writes every one of them again. */
async function chunkTimes(bundle: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const name of (await readdir(bundle)).filter((file) => file.endsWith('.js'))) times.set(name, (await stat(join(bundle, name))).mtimeMs);
  return times;
}

/**
 * `npx aes-watch`, typed in the project's folder after `npm ci`: npx links the folder into its own
 * cache and runs the folder's `prepare` script, which builds after `npm ci` and `npm install`.
 */
it('npx aes-watch runs the CLI npm ci built, without building it again', { timeout: 120_000 }, async () => {
  const root = await tempFolder('aes-watch-npx-');
  // A clone npx has never seen, with its own npm cache: the first `npx aes-watch` of a clone. It can
  // build (sources, configuration, build scripts), and holds the build npm ci made.
  const project = join(root, 'project');
  for (const path of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts', 'src', 'bench', 'dist']) {
    await cp(join(REPO, path), join(project, path), { recursive: true, filter: (from) => !from.endsWith('code-cache') });
  }
  await symlink(join(REPO, 'node_modules'), join(project, 'node_modules'), 'dir');
  const before = await chunkTimes(join(project, 'dist/bundle'));

  const env = { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_cache: join(root, 'npm-cache'), npm_config_update_notifier: 'false' };
  const run = await runProgram('npx', ['--yes', 'aes-watch', '--version'], { cwd: project, env });

  expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  expect(await chunkTimes(join(project, 'dist/bundle'))).toEqual(before);
});
