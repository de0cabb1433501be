/** Exit codes are a contract with scripts and CI: never renumber. */
export const EXIT = {
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
  /** The snapshot or report folder cannot be written (disk full, read-only, no permission); snapshots left as they were. */
  cannotWrite: 5,
  /** A bug: an error nobody anticipated. The stack is printed; please report it. */
  internal: 70,
} as const;
