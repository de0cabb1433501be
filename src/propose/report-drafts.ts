import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { GuideEntry } from '../guide/entry.js';
import { parseGuide } from '../guide/parse.js';
import type { EntrySettings } from '../shared/config.js';
import type { SnapshotStore } from '../snapshot/store.js';
import { sourcesOf } from '../sources/source.js';
import { draftProposal } from './draft.js';
import { decodeGuideFile, type GuideFile } from './guide-file.js';
import { pageFromSnapshot } from './page-source.js';
import type { Proposal } from './schema.js';

/** What drafting reads of an entry's report: its verdict, and which cited page was read this run. */
export interface CheckedEntry {
  id: string;
  status: string;
  sources: { url: string; currentText: string | null }[];
}

export interface ReportDraftsContext {
  cwd: string;
  store: SnapshotStore;
  settings: Record<string, EntrySettings>;
  today: Date;
  warn: (message: string) => void;
}

/**
 * Drafts of the guide section for each stale entry whose page was read this
 * run, for the HTML report and the issue body. A draft that cannot be made
 * (a PDF guide, a page gone) is left out; it never fails the check.
 */
export async function draftsForReport(reports: CheckedEntry[], entries: GuideEntry[], context: ReportDraftsContext): Promise<Map<string, Proposal>> {
  const drafts = new Map<string, Proposal>();
  // One read and parse per guide file, however many of its entries are stale.
  const files = new Map<string, Promise<{ guide: GuideFile; entries: GuideEntry[] } | null>>();
  const fileOf = (file: string) => {
    if (!files.has(file)) {
      files.set(
        file,
        readFile(resolve(context.cwd, file)).then((bytes) => {
          const guide = decodeGuideFile(bytes);
          return guide ? { guide, entries: parseGuide(guide.text, file).entries } : null; // a PDF guide: nothing to rewrite
        }),
      );
    }
    return files.get(file)!;
  };
  for (const report of reports) {
    if (report.status !== 'stale') continue;
    const entry = entries.find((e) => e.id === report.id);
    const read = report.sources.find((s) => s.currentText !== null);
    if (!entry || !read) continue;
    try {
      const source = sourcesOf(entry, context.settings[entry.id], 'auto', null).find((s) => s.url === read.url);
      if (!source) continue;
      const lookup = await pageFromSnapshot(context.store, source, null);
      if (lookup.kind !== 'page') continue;
      const file = await fileOf(entry.location.file);
      const current = file?.entries.find((e) => e.id === entry.id);
      if (!file || !current) continue;
      drafts.set(entry.id, draftProposal({ guide: file.guide, file: entry.location.file, entry: current, fileEntries: file.entries, page: lookup.page, today: context.today }).proposal);
    } catch (error) {
      context.warn(`no draft for ${entry.id}: ${(error as Error).message}`);
    }
  }
  return drafts;
}
