import { createHash } from 'node:crypto';
import type { GuideEntry } from '../guide/entry.js';
import type { FetchMode } from '../fetch/outcome.js';
import type { EntrySettings } from '../shared/config.js';

/** One page to watch: a URL cited by a guide entry, with how to fetch and read it. */
export interface Source {
  entryId: string;
  /** As cited in the guide. */
  url: string;
  /** The `#!/...` client-side route, when the cited URL has one: only a browser sees that content. */
  clientRoute: string | null;
  mode: FetchMode;
  selector: string | null;
  waitFor: string | null;
  /** Folder name of this source's snapshot under `snapshots/<entryId>/`. */
  key: string;
}

/** The snapshot folder of a cited URL: readable host plus a short hash of the exact URL. */
export function sourceKey(url: string): string {
  let host = 'source';
  try {
    host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '_') || host;
  } catch {
    // An unparseable URL still gets a stable key from its hash.
  }
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 8);
  return `${host}-${hash}`;
}

/** The guide says which pages; configuration (data) and the command line say how. */
export function sourcesOf(entry: GuideEntry, settings: EntrySettings | undefined, defaultMode: FetchMode, forcedMode: FetchMode | null): Source[] {
  return entry.sources.map((cited) => ({
    entryId: entry.id,
    url: cited.url,
    clientRoute: cited.clientRoute,
    mode: forcedMode ?? settings?.fetch ?? defaultMode,
    selector: settings?.selector ?? null,
    waitFor: settings?.waitFor ?? null,
    key: sourceKey(cited.url),
  }));
}
