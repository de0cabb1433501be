import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Global setup: the test run gets a temp folder of its own (TMPDIR, which the
 * workers and the CLI processes they start inherit), and fails if a test, or
 * the product under test, leaves anything in it. Tests make their folders with
 * test/support/temp.ts, which removes them.
 */
export default function tempGuard(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'aes-watch-tests-'));
  // Others may pass through, as through /tmp: a test runs the CLI as another user on a folder in here.
  chmodSync(root, 0o711);
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    if (left.length > 0) {
      const shown = left.slice(0, 20).join(', ') + (left.length > 20 ? `, … (${left.length - 20} more)` : '');
      // Vitest only logs an error thrown here: the exit code is what fails CI.
      process.exitCode = 1;
      throw new Error(`the tests left ${left.length} temporary file(s) or folder(s) behind in ${root}: ${shown}`);
    }
  };
}
