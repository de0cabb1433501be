/** When a failed attempt is worth repeating, and how long to wait first. */

/** Statuses that say "try again later"; 404/410/403 and other 4xx are final. */
export function isTransientStatus(status: number): boolean {
  if (status === 408 || status === 425 || status === 429) return true;
  // 501 and 505 describe the server's abilities, which a retry will not change.
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/**
 * Network failures worth a second try. ENOTFOUND is the resolver's definite
 * "no such name" (EAI_AGAIN is its "try again"), so retrying it only delays
 * the verdict.
 */
export function isTransientNetworkError(code: string): boolean {
  return code !== 'ENOTFOUND';
}

/** Statuses whose Retry-After header the server means for us. */
export function honoursRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}

/** Retry-After as whole seconds from `now` (delay-seconds or an HTTP date), or null if absent/invalid. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** Exponential backoff: base, 2×base, 4×base... for retry 0, 1, 2... */
export function backoffDelayMs(retryIndex: number, baseMs: number): number {
  return baseMs * 2 ** retryIndex;
}
