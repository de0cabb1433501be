import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { GuideCache } from '../guide/cache.js';
import { GuideEntry, type ParsedGuide } from '../guide/entry.js';
import type { StoreTransaction } from './staging.js';

/** Beside the snapshots, so the nightly job's commit carries it from one night to the next. */
export const GUIDE_CACHE_FILE = join('.aes-watch-cache', 'guides.json');

const CachedGuide = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(GuideEntry),
  problems: z.array(z.object({ file: z.string(), line: z.number().int().positive(), message: z.string(), scope: z.literal('file').optional() })),
});
const CacheFile = z.object({ reader: z.string(), guides: z.record(z.string(), CachedGuide) });
type CacheFile = z.infer<typeof CacheFile>;

export interface StoredGuideCache extends GuideCache {
  /** Stages the cache file in the run's transaction when a guide was parsed afresh. */
  save(transaction: StoreTransaction): Promise<void>;
}

/** Anything unreadable, damaged or from other reader code is ignored: the guide is parsed again. */
function readCache(path: string, reader: string): CacheFile {
  try {
    const file = CacheFile.parse(JSON.parse(readFileSync(path, 'utf8')));
    if (file.reader === reader) return file;
  } catch {
    // No cache yet, or a damaged one: it is derived data, rebuilt from the guide.
  }
  return { reader, guides: {} };
}

export function openGuideCache(snapshotsDir: string, reader: string): StoredGuideCache {
  const cache = readCache(join(snapshotsDir, GUIDE_CACHE_FILE), reader);
  let changed = false;
  return {
    get: (file, sha256) => {
      const hit = cache.guides[file];
      return hit && hit.sha256 === sha256 ? { entries: hit.entries, problems: hit.problems } : null;
    },
    put: (file: string, sha256: string, parsed: ParsedGuide) => {
      cache.guides[file] = { sha256, entries: parsed.entries, problems: parsed.problems };
      changed = true;
    },
    save: async (transaction) => {
      if (changed) await transaction.put(GUIDE_CACHE_FILE, JSON.stringify(cache) + '\n');
    },
  };
}
