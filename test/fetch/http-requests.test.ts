import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, makeFetcher, TEST_USER_AGENT } from './make-fetcher.js';

let s: FixtureSite;
afterEach(async () => {
  await s.close();
});

describe('HTTP fetcher: what is sent', () => {
  it('sends the User-Agent, Accept-Language: fr and an HTML Accept', async () => {
    s = await startSite({ '/Demarches/AES': { body: dsfrPage('AES') } });
    const { fetcher } = makeFetcher();
    await fetcher.fetch({ url: s.url('/Demarches/AES') });
    const headers = s.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe(TEST_USER_AGENT);
    expect(headers?.['accept-language']).toBe('fr');
    expect(headers?.accept).toMatch(/^text\/html/);
    expect(headers?.['if-none-match']).toBeUndefined();
  });

  it('never sends a #! fragment and reports the final URL without it', async () => {
    s = await startSite({ '/titre-de-sejour-a9349.html': { body: '<div id="co-marquage"></div>' } });
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/titre-de-sejour-a9349.html#!/Particuliers/page/L1055') });
    expect(s.requests.map((r) => r.path)).toEqual(['/titre-de-sejour-a9349.html']);
    expect(outcome).toMatchObject({ kind: 'fetched', finalUrl: s.url('/titre-de-sejour-a9349.html'), redirects: [] });
  });

  it('sends stored validators and maps 304 to not-modified', async () => {
    const etag = '"5f2a-61c0"';
    const lastModified = 'Tue, 25 Feb 2025 10:00:00 GMT';
    s = await startSite();
    s.set('/Demarches/AES', (req, res) => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { etag, 'last-modified': lastModified }).end(dsfrPage('AES'));
    });
    const { fetcher } = makeFetcher();

    const first = await fetcher.fetch({ url: s.url('/Demarches/AES') });
    expect(first).toMatchObject({ kind: 'fetched', validators: { etag, lastModified } });

    const second = await fetcher.fetch({ url: s.url('/Demarches/AES'), validators: { etag, lastModified } });
    expect(second).toMatchObject({ kind: 'not-modified', status: 304, validators: { etag, lastModified } });
    expect(s.requests[1]?.headers['if-none-match']).toBe(etag);
    expect(s.requests[1]?.headers['if-modified-since']).toBe(lastModified);
  });
});

describe('HTTP fetcher: charsets', () => {
  const page = (meta: string, text: string) => `<html><head>${meta}<title>Préfecture</title></head><body><p>${text}</p></body></html>`;

  it('decodes ISO-8859-1 named in the Content-Type header', async () => {
    const body = iconv.encode(page('', 'Dépôt à la préfecture de Saint-Lô'), 'latin1');
    s = await startSite({ '/Demarches-administratives/AES': { body, headers: { 'content-type': 'text/html; charset=ISO-8859-1' } } });
    const outcome = await makeFetcher().fetcher.fetch({ url: s.url('/Demarches-administratives/AES') });
    expect(outcome).toMatchObject({ kind: 'fetched', charset: 'windows-1252', contentType: 'text/html; charset=ISO-8859-1' });
    if (outcome.kind === 'fetched') expect(outcome.html).toContain('Dépôt à la préfecture de Saint-Lô');
  });

  it('decodes ISO-8859-1 named only in <meta http-equiv>', async () => {
    const meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">';
    const body = iconv.encode(page(meta, 'Récépissé délivré'), 'latin1');
    s = await startSite({ '/layout/set/print/AES': { body, headers: { 'content-type': 'text/html' } } });
    const outcome = await makeFetcher().fetcher.fetch({ url: s.url('/layout/set/print/AES') });
    expect(outcome).toMatchObject({ kind: 'fetched', charset: 'windows-1252' });
    if (outcome.kind === 'fetched') expect(outcome.html).toContain('Récépissé délivré');
  });

  it('decodes windows-1252 curly apostrophes and euro signs (0x92, 0x80)', async () => {
    const body = iconv.encode(page('<meta charset="windows-1252">', 'L’accueil ; timbre fiscal de 225 €'), 'windows-1252');
    expect(body.includes(0x92) && body.includes(0x80)).toBe(true);
    s = await startSite({ '/aes-a9349.html': { body, headers: { 'content-type': 'text/html; charset=windows-1252' } } });
    const outcome = await makeFetcher().fetcher.fetch({ url: s.url('/aes-a9349.html') });
    expect(outcome).toMatchObject({ kind: 'fetched', charset: 'windows-1252' });
    if (outcome.kind === 'fetched') expect(outcome.html).toContain('L’accueil ; timbre fiscal de 225 €');
  });

  it('lets a UTF-8 BOM win over the header and drops it from the text', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('', 'Sous-préfecture'))]);
    s = await startSite({ '/bom': { body, headers: { 'content-type': 'text/html; charset=iso-8859-1' } } });
    const outcome = await makeFetcher().fetcher.fetch({ url: s.url('/bom') });
    expect(outcome).toMatchObject({ kind: 'fetched', charset: 'utf-8' });
    if (outcome.kind === 'fetched') {
      expect(outcome.html.startsWith('<html>')).toBe(true);
      expect(outcome.html).toContain('Sous-préfecture');
    }
  });
});
