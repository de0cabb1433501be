import type { FetchLike, FetchResponse } from './node-http-fetch.js';
import type { Validators } from './outcome.js';
import { describeNetworkError } from './network-error.js';
import { discardBody, readCappedBody } from './read-body.js';

/** What one request/response round trip gave, before redirects and retries are decided. */
export type Exchange =
  | { kind: 'answer'; status: number; headers: FetchResponse['headers']; body: Buffer | null }
  | { kind: 'network-error'; code: string; message: string }
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  | { kind: 'too-large' };

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
    const declared = Number(headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxBodyBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'too-large' };
    }
    const read = await readCappedBody(response.body, options.maxBodyBytes);
    if (read.kind === 'too-large') return read;
    return { kind: 'answer', status, headers, body: read.bytes };
  } catch (error) {
    if (timedOut) return { kind: 'timeout' };
    if (callerSignal?.aborted) return { kind: 'aborted' };
    return { kind: 'network-error', ...describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
