import { describe, expect, it } from 'vitest';
import { describeFailure, isGoneStatus } from '../../src/run/describe-outcome.js';

/** The one line an editor reads in the report for a page that did not answer with content. */
const url = 'https://www.calvados.gouv.fr/Demarches/AES';
const answered = { url, finalUrl: url, redirects: [], fetchedWith: 'http' as const, retryAfterSeconds: null };

describe('the line for a failed fetch', () => {
  it('names what the site answered', () => {
    expect(describeFailure({ kind: 'http-error', status: 429, ...answered })).toBe('HTTP 429: the site asked us to slow down');
    expect(describeFailure({ kind: 'http-error', status: 403, ...answered })).toBe('HTTP 403: the site refused the request (bot blocking?)');
    expect(describeFailure({ kind: 'http-error', status: 406, ...answered })).toBe('HTTP 406: the site refused the request (bot blocking?)');
    expect(describeFailure({ kind: 'http-error', status: 503, ...answered })).toBe('HTTP 503');
  });

  it('says an unresolvable host may be this machine offline or a domain gone, naming the host', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      expect(describeFailure({ kind: 'network-error', url, code, message: 'getaddrinfo failed', fetchedWith: 'http' })).toBe(
        `cannot resolve www.calvados.gouv.fr (${code}): this machine is offline, or the domain no longer exists`,
      );
    }
  });

  it('says headers that never end in words', () => {
    for (const code of ['UND_ERR_HEADERS_OVERFLOW', 'HPE_HEADER_OVERFLOW']) {
      expect(describeFailure({ kind: 'network-error', url, code, message: 'overflow', fetchedWith: 'http' })).toBe('the response headers never ended (more than 16 KiB)');
    }
  });

  it('keeps the fetcher’s own sentence for the errors it already words, and the code for the others', () => {
    for (const code of ['BODY_INCOMPLETE', 'BAD_REDIRECT', 'REDIRECT_LOOP', 'TOO_MANY_REDIRECTS', 'ECONNRESET']) {
      expect(describeFailure({ kind: 'network-error', url, code, message: `the sentence for ${code}`, fetchedWith: 'http' })).toBe(`the sentence for ${code}`);
    }
    expect(describeFailure({ kind: 'network-error', url, code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:80', fetchedWith: 'http' })).toBe(
      'network error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:80',
    );
  });

  it('says where a deadline struck', () => {
    expect(describeFailure({ kind: 'timeout', url, afterMs: 30000, fetchedWith: 'http', phase: 'headers' })).toBe('no complete headers within 30000 ms (the whole-request deadline)');
    expect(describeFailure({ kind: 'timeout', url, afterMs: 30000, fetchedWith: 'http', phase: 'body', receivedBytes: 2048 })).toBe(
      'the body was still arriving after 30000 ms (2048 bytes so far; the whole-request deadline)',
    );
    expect(describeFailure({ kind: 'timeout', url, afterMs: 30000, fetchedWith: 'http', phase: 'body' })).toBe('the body was still arriving after 30000 ms (0 bytes so far; the whole-request deadline)');
    expect(describeFailure({ kind: 'timeout', url, afterMs: 30000, fetchedWith: 'browser' })).toBe('no answer within 30000 ms');
  });

  it('gives the size cap in KiB, and says when it was passed while inflating', () => {
    expect(describeFailure({ kind: 'too-large', url, limitBytes: 5 * 1024 * 1024, fetchedWith: 'http' })).toBe('page larger than 5120 KiB');
    expect(describeFailure({ kind: 'too-large', url, limitBytes: 1536, fetchedWith: 'http', contentEncoding: null })).toBe('page larger than 2 KiB');
    expect(describeFailure({ kind: 'too-large', url, limitBytes: 5 * 1024 * 1024, fetchedWith: 'http', contentEncoding: 'gzip' })).toBe(
      'page larger than 5120 KiB once decompressed (gzip): stopped inflating at the cap',
    );
  });

  it('passes on why the browser is not there', () => {
    expect(describeFailure({ kind: 'browser-unavailable', url, message: 'Chromium is not installed: run npx playwright install chromium', fetchedWith: 'browser' })).toBe(
      'Chromium is not installed: run npx playwright install chromium',
    );
  });
});

describe('gone statuses', () => {
  it('are 404 and 410 only', () => {
    expect([400, 403, 404, 405, 410, 451, 500].filter(isGoneStatus)).toEqual([404, 410]);
  });
});
