/** Names a failed request by the most specific error code undici reports. */

export interface NetworkFailure {
  code: string;
  message: string;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | null {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : null;
}

/**
 * undici wraps the socket error: `TypeError('fetch failed')` with `cause`
 * carrying `code` (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET...), sometimes as
 * an AggregateError over several addresses. Walk down to the first code.
 */
export function describeNetworkError(error: unknown): NetworkFailure {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let deepestMessage = error instanceof Error ? error.message : String(error);
  while (queue.length > 0) {
    const current = asErrorLike(queue.shift());
    if (!current || seen.has(current)) continue;
    seen.add(current);
    if (typeof current.message === 'string' && current.message !== '') deepestMessage = current.message;
    if (typeof current.code === 'string' && current.code !== '') {
      return { code: current.code, message: deepestMessage };
    }
    if (current.cause !== undefined) queue.push(current.cause);
    if (Array.isArray(current.errors)) queue.push(...current.errors);
  }
  return { code: 'UNKNOWN', message: deepestMessage };
}
