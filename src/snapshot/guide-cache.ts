import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GuideCache } from '../guide/cache.js';
import type { ParsedGuide } from '../guide/entry.js';
import { sha256 } from '../shared/hash.js';
import type { StoreTransaction } from './staging.js';

/** Beside the snapshots, so the nightly job's commit carries it from one night to the next. */
export const GUIDE_CACHE_FILE = join('.aes-watch-cache', 'guides.json');

interface CachedGuide extends ParsedGuide {
  /** Of the guide document's bytes. */
  sha256: string;
}

/**
 * `guides` is what this very reader parsed (and GuideEntry validated) from
 * guides whose bytes are known; `sha256` is the checksum of `guides` as written.
 * A file that matches both is these very bytes, so it is used without
 * re-validating every entry: that took longer than the rest of a quiet night's start.
 */
interface CacheFile {
  reader: string;
  sha256: string;
  guides: Record<string, CachedGuide>;
}

export interface StoredGuideCache extends GuideCache {
  /** Stages the cache file in the run's transaction when a guide was parsed afresh. */
  save(transaction: StoreTransaction): Promise<void>;
}

const checksum = (guides: CacheFile['guides']) => sha256(JSON.stringify(guides));

/** Anything unreadable, damaged, edited or from other reader code is ignored: the guide is parsed again. */
function readCache(path: string, reader: string): CacheFile['guides'] {
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile> | null;
    if (file?.reader === reader && file.sha256 === checksum(file.guides ?? {})) return Object.assign(Object.create(null), file.guides);
  } catch {
    // No cache yet, or a damaged one: it is derived data, rebuilt from the guide.
  }
  // No prototype: a guide file may be named anything, even "__proto__".
  return Object.create(null);
}

export function openGuideCache(snapshotsDir: string, reader: string): StoredGuideCache {
  const guides = readCache(join(snapshotsDir, GUIDE_CACHE_FILE), reader);
  let changed = false;
  return {
    get: (file, sha) => {
      const hit = guides[file];
      return hit && hit.sha256 === sha ? { entries: hit.entries, problems: hit.problems } : null;
    },
    put: (file: string, sha: string, parsed: ParsedGuide) => {
      guides[file] = { sha256: sha, entries: parsed.entries, problems: parsed.problems };
      changed = true;
    },
    save: async (transaction) => {
      if (changed) await transaction.put(GUIDE_CACHE_FILE, JSON.stringify({ reader, sha256: checksum(guides), guides } satisfies CacheFile) + '\n');
    },
  };
}
