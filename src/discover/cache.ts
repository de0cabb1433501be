import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod/mini';
import '../shared/zod-english.js';
import { Discovery } from './successor.js';
import { Anchor, Validators, VisitedPage } from './visited.js';

/**
 * Each entry's last discovery, kept in the snapshot store as
 * `snapshots/<entry>/discovery.json`. A later run reuses it while the site's
 * sitemap (or home page) reads the same and it is less than 7 days old; when
 * the site changed, its unchanged pages are still not read again.
 */
export const DiscoveryCache = z.object({
  version: z.literal(1),
  /** Digest of what the search looked for (starts, facts, reference text, budget): a new question needs a new search. */
  inputs: z.string(),
  discovery: Discovery,
  anchor: z.nullable(Anchor),
  robots: z.record(z.string(), z.object({ text: z.nullable(z.string()), validators: Validators })),
  pages: z.array(VisitedPage),
});
export type DiscoveryCache = z.infer<typeof DiscoveryCache>;

/** A stored result is searched again after this long, whatever the site says. */
export const CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export const CACHE_FILE = 'discovery.json';

export type CacheRead = { kind: 'missing' } | { kind: 'found'; cache: DiscoveryCache } | { kind: 'corrupt'; movedTo: string };

export async function readDiscoveryCache(snapshotsDir: string, entryId: string, now: Date): Promise<CacheRead> {
  const path = join(snapshotsDir, entryId, CACHE_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'found', cache: DiscoveryCache.parse(JSON.parse(raw)) };
  } catch {
    // Only a cache, but never deleted silently: it stays beside, for a look.
    const movedTo = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, movedTo);
    return { kind: 'corrupt', movedTo };
  }
}

export async function writeDiscoveryCache(snapshotsDir: string, entryId: string, cache: DiscoveryCache): Promise<void> {
  await mkdir(join(snapshotsDir, entryId), { recursive: true });
  await writeFileAtomic(join(snapshotsDir, entryId, CACHE_FILE), JSON.stringify(cache, null, 2) + '\n');
}
