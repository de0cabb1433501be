import type { FetchLike, FetchResponse } from './node-http-fetch.js';
import type { Validators } from './outcome.js';
import { describeNetworkError } from './network-error.js';
import { discardBody, readCappedBody } from './read-body.js';

/** What one request/response round trip gave, before redirects and retries are decided. */
export type Exchange =
  | { kind: 'answer'; status: number; headers: FetchResponse['headers']; body: Buffer | null }
  | { kind: 'network-error'; code: string; message: string }
  /** `phase`: still waiting for the headers, or the body was still arriving (`receivedBytes` so far). */
  | { kind: 'timeout'; phase: 'headers' | 'body'; receivedBytes: number }
  | { kind: 'aborted' }
  | { kind: 'too-large'; contentEncoding: string | null };

export interface ExchangeOptions {
  fetchImpl: FetchLike;
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function requestHeaders(userAgent: string, validators: Validators | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: ACCEPT,
    'accept-language': 'fr',
  };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** A body that broke off, said as specifically as we can: a wrong Content-Length, a reset, a bad encoding. */
function brokenBody(receivedBytes: number, declared: number, error: unknown): Exchange {
  const { code, message } = describeNetworkError(error);
  if (Number.isFinite(declared) && receivedBytes < declared) {
    return { kind: 'network-error', code: BODY_INCOMPLETE_CODE, message: `the body ended after ${receivedBytes} of the ${declared} bytes its Content-Length announced (${code})` };
  }
  if (code === 'ECONNRESET') return { kind: 'network-error', code, message: `the connection was reset after ${receivedBytes} bytes of the body` };
  return { kind: 'network-error', code, message: `the body broke off after ${receivedBytes} bytes: ${message}` };
}

export const BODY_INCOMPLETE_CODE = 'BODY_INCOMPLETE';

/**
 * One GET without following redirects. The timeout covers headers and body;
 * the caller's signal (shutdown) aborts too. Only 2xx bodies are kept.
 */
export async function exchange(
  url: string,
  validators: Validators | null | undefined,
  callerSignal: AbortSignal | undefined,
  options: ExchangeOptions,
): Promise<Exchange> {
  if (callerSignal?.aborted) return { kind: 'aborted' };
  const controller = new AbortController();
  let timedOut = false;
  // One plain timer per attempt, cleared on completion: AbortSignal.timeout/any would linger.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${options.timeoutMs} ms`));
  }, options.timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let phase: 'headers' | 'body' = 'headers';
  let receivedBytes = 0;
  try {
    const response = await options.fetchImpl(url, {
      method: 'GET',
      redirect: 'manual',
      headers: requestHeaders(options.userAgent, validators),
      signal: controller.signal,
    });
    const { status, headers } = response;
    if (status < 200 || status > 299) {
      await discardBody(response.body);
      return { kind: 'answer', status, headers, body: null };
    }
    const contentEncoding = headers.get('content-encoding');
    const declared = Number(headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxBodyBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'too-large', contentEncoding: null };
    }
    phase = 'body';
    const read = await readCappedBody(response.body, options.maxBodyBytes, (bytes) => (receivedBytes = bytes));
    // Counted after decompression: a small gzip/deflate/brotli body that inflates past the cap stops there.
    if (read.kind === 'too-large') return { kind: 'too-large', contentEncoding };
    if (read.kind === 'broken') {
      if (timedOut) return { kind: 'timeout', phase, receivedBytes };
      if (callerSignal?.aborted) return { kind: 'aborted' };
      return brokenBody(read.receivedBytes, contentEncoding ? Number.NaN : declared, read.error);
    }
    return { kind: 'answer', status, headers, body: read.bytes };
  } catch (error) {
    if (timedOut) return { kind: 'timeout', phase, receivedBytes };
    if (callerSignal?.aborted) return { kind: 'aborted' };
    return { kind: 'network-error', ...describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
