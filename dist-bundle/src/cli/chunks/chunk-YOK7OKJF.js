import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));

// src/shared/exit-codes.ts
var EXIT = {
  /** The run completed, whatever the verdicts. */
  ok: 0,
  /** `--fail-on` matched a verdict. */
  failOn: 1,
  /** Bad usage or bad input (flags, guide, config). */
  usage: 2,
  /** The check completed, but a reporter failed: GitHub could not be updated, or a report file not written. */
  notifyFailed: 3,
  /** Another run holds the lock and `--wait` was not given. */
  locked: 4,
  /** A bug: an error nobody anticipated. The stack is printed; please report it. */
  internal: 70
};

export {
  EXIT
};
//# sourceMappingURL=chunk-YOK7OKJF.js.map
