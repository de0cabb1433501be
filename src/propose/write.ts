import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { encodeGuideFile, sha256 } from './guide-file.js';

export type WriteOutcome = { kind: 'written' } | { kind: 'guide-changed' };

/**
 * Writes the new guide text atomically, unless the file changed since the
 * draft was made from it (same hash, or no write): an editor's edit is never
 * overwritten by a draft of the text before it.
 */
export async function writeGuide(path: string, expectedSha256: string, text: string): Promise<WriteOutcome> {
  const now = sha256(await readFile(path));
  if (now !== expectedSha256) return { kind: 'guide-changed' };
  await writeFileAtomic(path, encodeGuideFile(text));
  return { kind: 'written' };
}
