import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createHttpFetcher } from '../fetch/http.js';
import { createPoliteScheduler } from '../fetch/host-queue.js';
import type { FetchMode, Fetcher } from '../fetch/outcome.js';
import { withPoliteness } from '../fetch/polite-fetcher.js';
import { loadGuides } from '../guide/load.js';
import { parseGuide } from '../guide/parse.js';
import { formatProblem } from '../guide/table.js';
import { acquireRunLock, lockPathFor } from '../schedule/lock.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { EntrySettings } from '../shared/config.js';
import { EXIT } from '../shared/exit-codes.js';
import { writeLine, type CliIO } from '../shared/io.js';
import { silentLogger } from '../shared/log.js';
import { createFileSnapshotStore } from '../snapshot/store.js';
import { selectEntries } from '../sources/select.js';
import { sourcesOf, sourceKey, type Source } from '../sources/source.js';
import { draftProposal } from './draft.js';
import { decodeGuideFile } from './guide-file.js';
import { pageFromSnapshot, pageFromUrl, readLatestReport, type PageLookup } from './page-source.js';
import type { Proposal } from './schema.js';
import { marker } from './review.js';
import { writeGuide } from './write.js';

export interface ProposeRequest {
  cwd: string;
  guides: string[];
  /** Entry ids or département codes. */
  names: string[];
  snapshotsDir: string;
  reportsDir: string;
  /** `--source`: draft from this page instead of the latest snapshot. */
  source: string | null;
  json: boolean;
  write: boolean;
  force: boolean;
  perHostDelayMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  retries: number;
  userAgent: string;
  defaultFetch: FetchMode;
  entries: Record<string, EntrySettings>;
}

/** Seams for tests; production uses the defaults. */
export interface ProposeSeams {
  clock?: Clock;
}

function fetchers(request: ProposeRequest, io: CliIO, clock: Clock) {
  const scheduler = createPoliteScheduler({ perHostDelayMs: request.perHostDelayMs, clock });
  const http = withPoliteness(createHttpFetcher({ userAgent: request.userAgent, timeoutMs: request.timeoutMs, maxBodyBytes: request.maxBodyBytes, retries: request.retries, clock, log: silentLogger }), scheduler);
  let browser: Promise<Fetcher> | null = null;
  const lazyBrowser: Fetcher = {
    fetch: async (fetchRequest) => {
      browser ??= import('../fetch/browser.js').then(({ createBrowserFetcher }) =>
        withPoliteness(createBrowserFetcher({ timeoutMs: request.timeoutMs, userAgent: request.userAgent, env: io.env, log: silentLogger }), scheduler),
      );
      return (await browser).fetch(fetchRequest);
    },
  };
  return { http, browser: () => lazyBrowser, close: async () => void (browser && (await (await browser).close?.())) };
}

/**
 * `aes-watch propose`: drafts each named entry's section from its page, prints
 * the diff (or the JSON proposal), and with `--write` puts the draft in the guide.
 */
export async function runPropose(request: ProposeRequest, io: CliIO, seams: ProposeSeams = {}): Promise<number> {
  const clock = seams.clock ?? systemClock;
  const fail = (message: string, code: number = EXIT.usage) => (writeLine(io.stderr, `aes-watch: propose: ${message}`), code);
  const guides = await loadGuides(request.guides, request.cwd);
  for (const problem of guides.problems) writeLine(io.stderr, formatProblem(problem));
  if (guides.problems.length > 0) return EXIT.usage;
  const selection = selectEntries(guides.entries, request.names);
  if (selection.kind === 'unknown') return fail(`no guide entry matches ${selection.names.map((n) => `"${n}"`).join(', ')}`);
  if (request.source !== null && selection.entries.length !== 1) return fail('--source names one page: give exactly one entry');
  if (request.source !== null && !/^https?:\/\/[^\s]+$/i.test(request.source)) return fail(`--source: expected an http(s) URL, got "${request.source}"`);

  const snapshotsDir = resolve(request.cwd, request.snapshotsDir);
  const lock = request.write ? await acquireRunLock(lockPathFor(snapshotsDir), { wait: false, clock, command: 'aes-watch propose --write' }) : null;
  if (lock?.kind === 'held') return fail(`a check (pid ${lock.owner.pid}, started ${lock.owner.startedAt}) holds ${request.snapshotsDir}; the guide was not written, try again when it ends`, EXIT.locked);
  const net = fetchers(request, io, clock);
  const store = createFileSnapshotStore(snapshotsDir);
  const report = request.source === null ? await readLatestReport(resolve(request.cwd, request.reportsDir)) : null;
  const proposals: Proposal[] = [];
  let exitCode: number = EXIT.ok;
  try {
    for (const selected of selection.entries) {
      const file = selected.location.file;
      const path = resolve(request.cwd, file);
      const guide = decodeGuideFile(await readFile(path));
      if (!guide) {
        exitCode = fail(`${selected.id}: ${file} is not a text guide (a PDF?); propose rewrites sections of the guide's text, e.g. data/guides/*.txt`);
        continue;
      }
      const fileEntries = parseGuide(guide.text, file).entries;
      // Read again: an earlier --write in this run may have moved the section.
      const entry = fileEntries.find((e) => e.id === selected.id) ?? selected;
      const settings = request.entries[entry.id];
      let lookup: PageLookup = { kind: 'unavailable', message: `${entry.id}: cites no page` };
      if (request.source !== null) {
        const given = request.source;
        const hash = given.indexOf('#!');
        const source: Source = { entryId: entry.id, url: given, clientRoute: hash >= 0 ? given.slice(hash) : null, mode: settings?.fetch ?? request.defaultFetch, selector: settings?.selector ?? null, waitFor: settings?.waitFor ?? null, key: sourceKey(given) };
        lookup = await pageFromUrl(source, net.http, net.browser);
      } else {
        for (const source of sourcesOf(entry, settings, request.defaultFetch, null)) {
          lookup = await pageFromSnapshot(store, source, report);
          if (lookup.kind === 'page') break;
        }
      }
      if (lookup.kind === 'unavailable') {
        exitCode = fail(`${entry.id}: ${lookup.message}`);
        continue;
      }
      const draft = draftProposal({ guide, file, entry, fileEntries, page: lookup.page, today: clock.now() });
      const { proposal } = draft;
      proposals.push(proposal);
      if (!request.json) {
        writeLine(io.stdout, proposal.diff);
        for (const item of proposal.needsReview) writeLine(io.stdout, `${entry.id}: needs review: ${marker(item)}`);
      }
      if (!request.write) continue;
      if (proposal.needsReview.length > 0 && !request.force) {
        exitCode = fail(`${entry.id}: the draft needs review (${proposal.needsReview.length} point(s)); settle them in the guide by hand, or pass --force to write it with its [À VÉRIFIER] lines`);
        continue;
      }
      const written = await writeGuide(path, guide.sha256, draft.guideText);
      if (written.kind === 'guide-changed') {
        exitCode = fail(`${entry.id}: ${file} changed while the draft was made from it; nothing written, run propose again`);
        continue;
      }
      writeLine(io.stderr, `${entry.id}: wrote the draft into ${file} (section at line ${entry.location.line}); review it, then \`aes-watch check --only ${entry.id}\` and \`aes-watch accept ${entry.id}\``);
    }
    if (request.json) writeLine(io.stdout, JSON.stringify(proposals.length === 1 ? proposals[0] : proposals, null, 2));
    return exitCode;
  } finally {
    await net.close();
    if (lock?.kind === 'acquired') await lock.release();
  }
}
