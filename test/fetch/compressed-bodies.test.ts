import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, makeFetcher } from './make-fetcher.js';

let s: FixtureSite;
afterEach(async () => {
  await s.close();
});

const page = dsfrPage('Admission exceptionnelle au séjour', '<p>Envoyez votre dossier par courrier à la préfecture.</p>');

describe('HTTP fetcher: compressed bodies and kept-alive connections', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('asks for compression and decodes a %s body', async (encoding, compress) => {
    s = await startSite({ '/Demarches/AES': { body: compress(Buffer.from(page)), headers: { 'content-encoding': encoding } } });
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(s.requests[0]?.headers['accept-encoding']).toContain(encoding);
    expect(outcome).toMatchObject({ kind: 'fetched', status: 200, html: page });
  });

  it('reports a body that does not decompress as a network error', async () => {
    s = await startSite({ '/Demarches/AES': { body: 'not gzip at all', headers: { 'content-encoding': 'gzip' } } });
    const { fetcher } = makeFetcher({ retries: 0 });
    expect(await fetcher.fetch({ url: s.url('/Demarches/AES') })).toMatchObject({ kind: 'network-error' });
  });

  it('reuses one connection for a host’s successive pages', async () => {
    s = await startSite();
    const ports: (number | undefined)[] = [];
    s.set('/c', (req, res) => {
      ports.push(req.socket.remotePort);
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    const { fetcher } = makeFetcher();
    for (let i = 0; i < 3; i += 1) expect(await fetcher.fetch({ url: s.url('/c') })).toMatchObject({ kind: 'fetched' });
    expect(new Set(ports).size).toBe(1);
  });
});
