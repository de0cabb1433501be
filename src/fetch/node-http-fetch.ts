import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

/** The part of a fetch `Response` the exchange reads; the global `fetch` fits it too. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

export interface FetchInit {
  method: 'GET';
  redirect: 'manual';
  headers: Record<string, string>;
  signal: AbortSignal;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

// Not `import … from 'node:http'`: an ES import of a built-in builds a facade that reads every
// export, and on Node 22+ node:http's exports include undici's WebSocket, loaded on first read:
// 50 ms before the first request, for a class aes-watch never uses.
const http = process.getBuiltinModule('node:http');
// node:https (and TLS) loads with the first https:// page, not before the first request.
let https: typeof import('node:https') | undefined;
const tls = () => (https ??= process.getBuiltinModule('node:https'));

// Keep-alive: a host's next page reuses the connection. Idle sockets do not hold the process open.
const httpAgent = new http.Agent({ keepAlive: true });
let httpsAgent: import('node:https').Agent | undefined;
// node:zlib loads with the first compressed body: a night of 304s has none.
const zlib = () => process.getBuiltinModule('node:zlib');

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? zlib().createGunzip() : encoding === 'deflate' ? zlib().createInflate() : encoding === 'br' ? zlib().createBrotliDecompress() : null;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/**
 * GET over Node's own http/https modules, shaped like `fetch` (no redirects
 * followed, compressed bodies decoded). The global `fetch` (undici) costs about
 * twice the CPU per request and a long first call; a night of hundreds of 304s
 * is mostly that overhead.
 */
export const nodeHttpFetch: FetchLike = (url, init) => send(url, init, true);

function send(url: string, init: FetchInit, mayResend: boolean): Promise<FetchResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? tls().request : http.request;
    let answered = false;
    const request = transport(
      target,
      {
        method: init.method,
        headers: { 'accept-encoding': 'gzip, deflate, br', ...init.headers },
        signal: init.signal,
        agent: target.protocol === 'https:' ? (httpsAgent ??= new (tls().Agent)({ keepAlive: true })) : httpAgent,
      },
      (response) => {
        answered = true;
        const headers = response.headers;
        // A 304 or 204 has no body by definition: no stream to build, and the socket goes back to the pool.
        const bodiless = response.statusCode === 304 || response.statusCode === 204;
        if (bodiless) response.resume();
        resolve({
          status: response.statusCode ?? 0,
          headers: {
            get: (name) => {
              const value = headers[name.toLowerCase()];
              return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
            },
          },
          body: bodiless ? null : (Readable.toWeb(decoded(response)) as ReadableStream<Uint8Array>),
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed while it sat idle fails before any answer: the request
      // never reached the server, so it goes again on a new connection (Node's documented remedy), once.
      if (mayResend && !answered && request.reusedSocket && error.code === 'ECONNRESET' && !init.signal.aborted) resolve(send(url, init, false));
      else reject(error);
    });
    request.end();
  });
}
