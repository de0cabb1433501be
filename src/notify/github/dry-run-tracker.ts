import { writeLine } from '../../shared/io.js';
import type { Tracker } from './tracker.js';

/**
 * Dry run: writes are printed (method, path, short summary), never made.
 * With a token, the read-only GETs still run so the plan is the real one;
 * without a token nothing is called and the tracker is assumed empty.
 */
export function createDryRunTracker(
  reads: Tracker | null,
  repoPath: string,
  out: NodeJS.WritableStream,
): Tracker {
  const print = (line: string) => writeLine(out, `dry run: ${line}`);
  const issues = `/repos/${repoPath}/issues`;
  const short = (text: string) => JSON.stringify(text.length > 120 ? `${text.slice(0, 119)}…` : text);
  const firstLine = (text: string) => text.split('\n')[0] ?? '';
  let nextNumber = 1_000_000;
  return {
    async listIssues() {
      if (reads) return reads.listIssues();
      print(`GET ${issues}?state=all&labels=aes-watch&per_page=100 (skipped: no GITHUB_TOKEN, assuming no issues yet)`);
      return [];
    },
    listComments: async (issue) => (reads ? reads.listComments(issue) : []),
    listLabels: async () => (reads ? reads.listLabels() : []),
    async createLabel(label) {
      print(`POST /repos/${repoPath}/labels: create label ${short(label.name)}`);
    },
    async createIssue(issue) {
      print(`POST ${issues}: create ${short(issue.title)} labels ${issue.labels.join(', ')}`);
      return nextNumber++;
    },
    async updateIssue(issue, update) {
      const parts = [
        update.state ? `state ${update.state}${update.stateReason ? ` (${update.stateReason})` : ''}` : null,
        update.title !== undefined ? `title ${short(update.title)}` : null,
        update.body !== undefined ? 'body' : null,
      ].filter(Boolean);
      print(`PATCH ${issues}/${issue}: ${parts.join(', ')}`);
    },
    async addLabels(issue, labels) {
      print(`POST ${issues}/${issue}/labels: add ${labels.join(', ')}`);
    },
    async comment(issue, body) {
      print(`POST ${issues}/${issue}/comments: ${short(firstLine(body))}`);
    },
  };
}
