import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export const REPO = resolve(import.meta.dirname, '../../..');

/**
 * Node 20 cannot run our TypeScript, so a child process gets a transpiled copy
 * of the few source files it needs, laid out as in the repo (the `.js` import
 * specifiers then resolve), with `node_modules` linked for zod and friends.
 */
export async function buildForChild(sources: string[], scripts: Record<string, string>): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'aes-watch-ops-'));
  await writeFile(join(dir, 'package.json'), '{"type":"module"}\n');
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const source of sources) {
    const text = await readFile(join(REPO, source), 'utf8');
    const out = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: source,
    });
    const target = join(dir, source.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, out.outputText);
  }
  for (const [name, text] of Object.entries(scripts)) await writeFile(join(dir, name), text);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
