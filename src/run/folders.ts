import { claimFolder, type FolderClaim } from '../shared/owned-folder.js';

/** What an older aes-watch left in a snapshots folder: entry folders and the lock. */
const ENTRY_FOLDER = /^[0-9AB]{2,3}-[a-z0-9-]+$/;
const madeSnapshots = (names: string[]) => names.every((n) => ENTRY_FOLDER.test(n) || n.startsWith('.aes-watch'));

/** What an older aes-watch (and the test runner, in this repository) left in a reports folder. */
const REPORT_FILES = new Set(['latest.json', 'latest.md', 'latest.html', 'issues', 'demo', 'test-results.json']);
const madeReports = (names: string[]) => names.every((n) => REPORT_FILES.has(n));

/**
 * The check's two output folders must be new, empty or made by aes-watch;
 * returns the line that refuses one, or null when both are ours.
 */
export async function claimRunFolders(snapshotsDir: string, reportsDir: string): Promise<string | null> {
  const claims: [string, FolderClaim][] = [
    ['--snapshots', await claimFolder(snapshotsDir, { madeByUs: madeSnapshots })],
    ['--reports', await claimFolder(reportsDir, { madeByUs: madeReports })],
  ];
  for (const [flag, claim] of claims) if (claim.kind === 'refused') return `aes-watch: ${flag}: ${claim.message}`;
  return null;
}
