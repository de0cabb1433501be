import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Reporter } from '../report/reporter.js';
import { reportUrlFromEnv } from './github/settings.js';
import { issueIntents } from './intents.js';
import type { IssueKind } from './issue-draft.js';
import { issueBodyWithMarker } from './marker.js';

const SAFE_ID = /^[0-9AB]{2,3}-[a-z0-9-]+$/;

export function draftFileName(entryId: string, kind: IssueKind): string {
  return kind === 'stale' ? `${entryId}.md` : `${entryId}.unreachable.md`;
}


/**
 * Writes `<reportsDir>/issues/<id>.md` (and `<id>.unreachable.md`): the exact
 * title and body each issue would carry, so an editor can review them before
 * GitHub is configured. Drafts of entries that no longer need an issue are
 * removed; entries not in this run are left alone.
 */
export function createDraftsReporter(): Reporter {
  return {
    name: 'issue-drafts',
    async onRunEnd(report, context) {
      const dir = join(context.reportsDir, 'issues');
      const links = { reportUrl: reportUrlFromEnv(context.env) };
      let written = 0;
      let removed = 0;
      // One listing instead of a failed read per entry: on a quiet night no entry has a draft.
      const present = new Set(await readdir(dir).catch(() => [] as string[]));
      const readDraft = (name: string) => (present.has(name) ? readFile(join(dir, name), 'utf8').catch(() => null) : null);
      for (const entry of report.entries) {
        if (!SAFE_ID.test(entry.id)) {
          context.log.warn(`issue drafts: skipped entry with an unexpected id ${JSON.stringify(entry.id)}`);
          continue;
        }
        for (const intent of issueIntents(entry, context.unreachableAfter, links, context.lang)) {
          const kind = intent.action === 'open' ? intent.draft.identity.kind : intent.identity.kind;
          const name = draftFileName(entry.id, kind);
          const path = join(dir, name);
          if (intent.action === 'open') {
            const content = `# ${intent.draft.title}\n\n${issueBodyWithMarker(intent.draft)}\n`;
            if ((await readDraft(name)) === content) continue;
            await mkdir(dir, { recursive: true });
            await writeFileAtomic(path, content);
            written += 1;
          } else if (intent.action === 'resolve' && present.has(name)) {
            await rm(path, { force: true });
            removed += 1;
          }
        }
      }
      return { kind: 'done', summary: `issue drafts: ${written} written, ${removed} removed in ${dir}` };
    },
  };
}
