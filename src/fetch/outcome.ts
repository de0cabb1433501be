/** What a fetcher is asked for and what it answers. Every outcome is a value, never a thrown error. */

export type FetchMode = 'http' | 'browser' | 'auto';
export type FetchedWith = 'http' | 'browser';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchRequest {
  /** The URL to request; a `#!` fragment is kept here and stripped by the HTTP fetcher. */
  url: string;
  /** Stored validators for a conditional request. */
  validators?: Validators | null;
  /** Wait for this selector before reading (browser only). */
  waitFor?: string | null;
  signal?: AbortSignal;
  /** A larger (or smaller) body cap than the fetcher's default, e.g. for linked documents. */
  maxBodyBytes?: number;
  /** A file, not a page: keep the bytes (`body`) and do not decode them as text (`html` is empty). */
  binary?: boolean;
}

export interface Hop {
  url: string;
  status: number;
}

interface Answered {
  /** The redirect chain, cited URL first, excluding the final URL. */
  redirects: Hop[];
  finalUrl: string;
  fetchedWith: FetchedWith;
}

export type FetchOutcome =
  | (Answered & {
      kind: 'fetched';
      status: number;
      html: string;
      /** The charset the body was decoded from (e.g. "windows-1252"). */
      charset: string;
      /** A charset label the page declared that no browser knows; the body was read as `charset` instead. */
      unknownCharsetLabel?: string | null;
      contentType: string | null;
      validators: Validators;
      /** PNG of the rendered page (browser only). */
      screenshot: Uint8Array | null;
      /** The body as received (HTTP only): documents are stored and read as bytes. */
      body?: Uint8Array;
    })
  | (Answered & { kind: 'not-modified'; status: 304; validators: Validators })
  | (Answered & { kind: 'http-error'; status: number; retryAfterSeconds: number | null })
  | { kind: 'network-error'; url: string; code: string; message: string; fetchedWith: FetchedWith }
  | {
      kind: 'timeout';
      url: string;
      afterMs: number;
      fetchedWith: FetchedWith;
      /** Where the deadline struck: no complete headers yet, or the body still arriving (`receivedBytes`). */
      phase?: 'headers' | 'body';
      receivedBytes?: number;
    }
  | {
      kind: 'too-large';
      url: string;
      limitBytes: number;
      fetchedWith: FetchedWith;
      /** Set when the cap was passed while inflating a compressed body (gzip, deflate, br). */
      contentEncoding?: string | null;
    }
  | { kind: 'browser-unavailable'; url: string; message: string; fetchedWith: 'browser' };

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchOutcome>;
  close?(): Promise<void>;
}
