import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under `root` (lock excluded) with the hash of its bytes: two equal trees are byte-identical. */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const item of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!item.isFile() || item.name === '.aes-watch.lock') continue;
    const path = join(item.parentPath, item.name);
    tree[relative(root, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => a.localeCompare(b)));
}
