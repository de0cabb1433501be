// The built extraction worker, except that a page holding CRASH_MARK makes its
// thread exit, as a crash in the parser would, and that no worker starts once
// $AES_TEST_WORKER_CANNOT_START is set (test/extract/pool.test.ts).
import extract from '../../dist/bundle/extract-worker.js';

if (process.env.AES_TEST_WORKER_CANNOT_START) throw new Error('this worker cannot start any more');

export const CRASH_MARK = '<!-- crash the extraction worker -->';

export default function crashOnMark(task) {
  if (task.html.includes(CRASH_MARK)) process.exit(70);
  return extract(task);
}
