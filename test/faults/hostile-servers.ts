import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliCompress, createDeflate, createGzip, constants as zlib } from 'node:zlib';
import iconv from 'iconv-lite';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';

/**
 * Hostile and broken servers, one per loopback address (so the politeness
 * queue runs them side by side). Each stops sending when the client hangs up.
 */
export type HostileCase = { name: string; kind: 'http'; handle: (req: IncomingMessage, res: ServerResponse) => void } | { name: string; kind: 'raw'; handle: (socket: Socket) => void };

const GIB = 1024 ** 3;

/** Zeros, up to 1 GiB, produced only as fast as the consumer reads. */
const zeros = (total = GIB) => {
  let sent = 0;
  const block = Buffer.alloc(64 * 1024);
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      sent += block.length;
      this.push(block);
    },
  });
};

/** A response that inflates to 1 GiB, compressed on the fly (backpressure keeps it lazy). */
function bomb(encoding: 'gzip' | 'deflate' | 'br'): HostileCase {
  return {
    name: `${encoding} bomb`,
    kind: 'http',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding });
      const compress = encoding === 'gzip' ? createGzip() : encoding === 'deflate' ? createDeflate() : createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
      pipeline(zeros(), compress, res).catch(() => undefined);
    },
  };
}

const redirect = (location: string) => (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(302, { location }).end();

const okPage = () => dsfrPage({ updated: '14/01/2023', body: postalProcedure() });

/** A page whose main content is the given HTML, in the DSFR frame. */
const pageWith = (inner: string) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>AES</title></head><body><main id="main"><h1>Admission exceptionnelle au séjour</h1>${inner}</main></body></html>`;

const every = (socket: Socket, ms: number, write: () => string) => {
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(write())), ms);
  socket.on('close', () => clearInterval(timer));
};

export const FETCH_FAILURES: (HostileCase & { detail: RegExp })[] = [
  {
    name: 'body over the size cap',
    kind: 'http',
    detail: /^page larger than 5120 KiB$/,
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      pipeline(zeros(64 * 1024 * 1024), res).catch(() => undefined);
    },
  },
  { ...bomb('gzip'), detail: /^page larger than 5120 KiB once decompressed \(gzip\)/ },
  { ...bomb('deflate'), detail: /^page larger than 5120 KiB once decompressed \(deflate\)/ },
  { ...bomb('br'), detail: /^page larger than 5120 KiB once decompressed \(br\)/ },
  {
    name: 'more than 10 redirects',
    kind: 'http',
    detail: /^more than 10 redirects from http:\/\/[\d.:]+\/$/,
    handle: (req, res) => redirect(`/hop-${Number(/\d+/.exec(req.url ?? '')?.[0] ?? 0) + 1}`)(req, res),
  },
  { name: 'redirect loop', kind: 'http', detail: /^redirect loop: http:\/\/[\d.:]+\/ → http:\/\/[\d.:]+\/loop → http:\/\/[\d.:]+\/$/, handle: (req, res) => redirect(req.url === '/' ? '/loop' : '/')(req, res) },
  { name: 'redirect to file:', kind: 'http', detail: /^HTTP 302 redirect refused: not an http\(s\) URL: "file:\/\/\/etc\/passwd"$/, handle: redirect('file:///etc/passwd') },
  { name: 'redirect to data:', kind: 'http', detail: /^HTTP 302 redirect refused: not an http\(s\) URL: "data:text\/html,/, handle: redirect('data:text/html,<h1>Admission</h1>') },
  { name: 'redirect to javascript:', kind: 'http', detail: /^HTTP 302 redirect refused: not an http\(s\) URL: "javascript:/, handle: redirect('javascript:alert(1)') },
  {
    name: 'one byte a second, for ever',
    kind: 'http',
    detail: /^the body was still arriving after 5000 ms \(\d+ bytes so far; the whole-request deadline\)$/,
    handle: (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<');
      const timer = setInterval(() => res.write('a'), 1000);
      req.socket.on('close', () => clearInterval(timer));
    },
  },
  {
    name: 'headers that never end (slowly)',
    kind: 'raw',
    detail: /^no complete headers within 5000 ms \(the whole-request deadline\)$/,
    handle: (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n');
      let n = 0;
      every(socket, 100, () => `X-Filler-${(n += 1)}: still going\r\n`);
    },
  },
  {
    name: 'headers that never end (a flood)',
    kind: 'raw',
    detail: /^the response headers never ended \(more than 16 KiB\)$/,
    handle: (socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      let n = 0;
      every(socket, 5, () => `X-Filler-${(n += 1)}: ${'x'.repeat(500)}\r\n`);
    },
  },
  {
    name: 'connection reset mid-body',
    kind: 'raw',
    detail: /^the connection was reset after \d+ bytes of the body$|^the body ended after \d+ of the 100000 bytes its Content-Length announced/,
    handle: (socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 100000\r\n\r\n${okPage().slice(0, 2000)}`);
      setTimeout(() => socket.resetAndDestroy(), 50);
    },
  },
  {
    name: 'wrong Content-Length',
    kind: 'raw',
    detail: /^the body ended after 3000 of the 10000 bytes its Content-Length announced \(\w+\)$/,
    handle: (socket) => {
      socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 10000\r\nConnection: close\r\n\r\n${'a'.repeat(3000)}`);
    },
  },
];

let links = '';
for (let i = 0; i < 50_000; i++) links += `<a href="/Demarches/page-${i}">Démarche numéro ${i}</a> `;

/** Pages that must end as an extraction result: extracted, or a failed extraction that says why. */
export const EXTRACTION_CASES: (HostileCase & { expect: 'extracted' | RegExp })[] = [
  {
    name: 'unknown charset label',
    kind: 'http',
    expect: 'extracted',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=x-klingon' });
      res.end(iconv.encode(okPage().replace('<meta charset="utf-8">', ''), 'windows-1252'));
    },
  },
  { name: 'HTML nested 100,000 levels deep', kind: 'http', expect: /^unreadable: the HTML is nested about 100\d{3} levels deep, more than the 1000 aes-watch reads$/, handle: (_req, res) => void res.end(pageWith(`${'<div>'.repeat(100_000)}Déposez votre demande par courrier.${'</div>'.repeat(100_000)}`)) },
  { name: 'a 5 MB line without tags', kind: 'http', expect: /^unreadable: the page holds about 5000\d{3} characters of text, more than the 500000 aes-watch reads$/, handle: (_req, res) => void res.end(pageWith(`<p>${'Envoyez votre dossier par courrier à la préfecture. '.repeat(96_200).slice(0, 5_000_000)}</p>`)) },
  { name: 'a page with 50,000 links', kind: 'http', expect: /^unreadable: the page has 500\d\d elements, more than the 15000 aes-watch reads$/, handle: (_req, res) => void res.end(pageWith(links)) },
];

/** Starts every case on its own 127.0.12.N address; returns the URLs and a closer. */
export async function startHostile(cases: HostileCase[]): Promise<{ urls: string[]; close(): Promise<void> }> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const urls: string[] = [];
  for (const [index, hostile] of cases.entries()) {
    const server: Server =
      hostile.kind === 'http'
        ? createHttpServer((req, res) => hostile.handle(req, res))
        : createNetServer((socket) => {
            socket.on('error', () => undefined);
            socket.once('data', () => hostile.handle(socket));
          });
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    const host = `127.0.12.${index + 1}`;
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as { port: number };
    servers.push(server);
    urls.push(`http://${host}:${port}/`);
  }
  return {
    urls,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
