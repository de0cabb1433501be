import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GuideEntry } from '../../src/guide/entry.js';
import { loadGuides } from '../../src/guide/load.js';
import { createHttpFetcher } from '../../src/fetch/http.js';
import type { Fetcher } from '../../src/fetch/outcome.js';
import type { EntryDeps } from '../../src/run/check-entry.js';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/shared/log.js';
import { createFileSnapshotStore, type SnapshotStore } from '../../src/snapshot/store.js';
import { sourcesOf, type Source } from '../../src/sources/source.js';
import type { FetchMode } from '../../src/fetch/outcome.js';
import { recordingClock } from '../support/fake-clock.js';
import { guideDocument, postalGuideText, type GuideSectionSpec } from '../support/prefecture.js';
import type { FixtureSite } from '../support/site.js';
import { tempFolder } from '../support/temp.js';

/**
 * The run stage driven in-process, without the CLI around it: a guide entry
 * parsed from a guide document citing a local fixture site, the real HTTP
 * fetcher, and a file snapshot store in a temporary folder. One check of an
 * entry takes milliseconds, so mutation testing of src/run can afford it.
 */
export interface RunScene {
  /** The snapshots folder. */
  dir: string;
  store: SnapshotStore;
  /** Warnings the run gave (corrupt snapshots, odd charsets...). */
  warnings: string[];
  /** The run's log lines (JSON, info and above). */
  logged: string[];
  /** URLs the "browser" was asked for (and the selector it was told to wait for). */
  browserAsked: string[];
  entry: GuideEntry;
  sources: Source[];
  deps(overrides?: Partial<EntryDeps>): EntryDeps;
  /** The entry's state.json, parsed; null when none. */
  state(): Promise<unknown>;
}

export const calvadosSection = (url: string, more: string[] = [], procedure = postalGuideText()): GuideSectionSpec => ({
  code: '14',
  departmentPhrase: 'du Calvados',
  prefecture: 'Testville',
  url,
  moreUrls: more,
  procedure,
});

export async function runScene(site: FixtureSite, section: GuideSectionSpec, options: { mode?: FetchMode; selector?: string; waitFor?: string } = {}): Promise<RunScene> {
  const dir = await tempFolder('aes-run-');
  const guide = join(dir, 'guide.txt');
  await writeFile(guide, guideDocument('Testland', [section]));
  const parsed = await loadGuides([guide], dir);
  const entry = parsed.entries[0];
  if (!entry || parsed.problems.length > 0) throw new Error(`the fixture guide did not parse: ${JSON.stringify(parsed.problems)}`);
  const snapshots = join(dir, 'snapshots');
  const clock = recordingClock(new Date('2025-03-10T09:00:00Z'), true);
  const store = createFileSnapshotStore(snapshots, () => clock.now());
  const http = createHttpFetcher({ userAgent: 'aes-watch-test', timeoutMs: 2000, maxBodyBytes: 2 * 1024 * 1024, retries: 0, clock });
  const warnings: string[] = [];
  const logged: string[] = [];
  const log = createLogger({ level: 'info', pretty: false, destination: new Writable({ write: (chunk: Buffer, _encoding, done) => (logged.push(chunk.toString()), done()) }) });
  const browserAsked: string[] = [];
  // The browser seam: a "browser" that renders what the site sends (the HTTP fetcher's answer, as a browser's).
  const browser: Fetcher = {
    fetch: async (request) => {
      browserAsked.push(request.waitFor ? `${request.url} (waits for ${request.waitFor})` : request.url);
      const outcome = await http.fetch({ ...request, url: request.url.split('#')[0] ?? request.url });
      return outcome.kind === 'fetched' ? { ...outcome, fetchedWith: 'browser', validators: { etag: null, lastModified: null }, screenshot: new Uint8Array([137, 80, 78, 71]) } : { ...outcome, fetchedWith: 'browser' };
    },
  };
  const settings = { fetch: options.mode, selector: options.selector, waitFor: options.waitFor };
  const sources = sourcesOf(entry, settings, 'http', null);
  return {
    dir: snapshots,
    store,
    warnings,
    logged,
    browserAsked,
    entry,
    sources,
    deps: (overrides = {}) => ({
      http,
      browser: () => browser,
      store,
      clock,
      log,
      warn: (message) => warnings.push(message),
      unreachableAfter: 3,
      ...overrides,
    }),
    state: async () => {
      try {
        return JSON.parse(await readFile(join(snapshots, entry.id, 'state.json'), 'utf8'));
      } catch {
        return null;
      }
    },
  };
}
