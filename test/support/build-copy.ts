import { cp, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository, whose `dist/` the e2e tests run. */
export const REPO = resolve(import.meta.dirname, '../..');

/**
 * A new temporary folder (`dir`) holding a copy of the build (`install`: its code cache left out,
 * its packages linked), for a test that changes files in the build or needs the default cache
 * folder to be its own.
 */
export async function copyBuild(prefix: string): Promise<{ dir: string; install: string }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const install = join(dir, 'install');
  await cp(join(REPO, 'dist'), join(install, 'dist'), { recursive: true, filter: (path) => !path.endsWith('code-cache') });
  await cp(join(REPO, 'package.json'), join(install, 'package.json'));
  await symlink(join(REPO, 'node_modules'), join(install, 'node_modules'), 'dir');
  return { dir, install };
}
