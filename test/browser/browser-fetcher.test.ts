import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserFetcher, type BrowserFetcher } from '../../src/fetch/browser.js';
import type { FetchOutcome } from '../../src/fetch/outcome.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { CLIENT_ROUTE, fixture, jsRenderedRoutes, RENDERED_TEXT, SHELL_PATH } from './fixtures.js';

const USER_AGENT = 'aes-watch-test/1.0 (+https://example.invalid)';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function expectFetched(outcome: FetchOutcome): Extract<FetchOutcome, { kind: 'fetched' }> {
  if (outcome.kind !== 'fetched') throw new Error(`expected fetched, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Two hosts that each hold their answer until the other has been asked too: only two pages open at once satisfy both. */
async function hostsWaitingForEachOther(): Promise<{ manche: FixtureSite; eure: FixtureSite }> {
  const waiting: (() => void)[] = [];
  const barrier = (body: string) => (_req: unknown, res: ServerResponse) => {
    waiting.push(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
    if (waiting.length === 2) for (const answer of waiting) answer();
  };
  const manche = await startSite({ '/aes': barrier('<main>Manche : par courriel</main>') }, '127.0.0.5');
  const eure = await startSite({ '/aes': barrier('<main>Eure : par courrier</main>') }, '127.0.0.6');
  return { manche, eure };
}

describe('browser fetcher in real Chromium', () => {
  let calvados: FixtureSite;
  let orne: FixtureSite;
  let fetcher: BrowserFetcher;

  beforeAll(async () => {
    calvados = await startSite(jsRenderedRoutes(), '127.0.0.1');
    orne = await startSite(
      {
        '/Demarches/Sejour/Admission-exceptionnelle': { body: fixture('dsfr-demarche.html') },
        '/dsfr/dsfr.min.css': { body: 'body{margin:0}', headers: { 'content-type': 'text/css' } },
        '/ancienne-page-a9349.html': { status: 301, headers: { location: '/index.php/transfert' } },
        '/index.php/transfert': { status: 302, headers: { location: '/Demarches/Sejour/Admission-exceptionnelle' } },
        '/retire.html': { status: 410, body: '<h1>Cette page n’existe plus</h1>' },
        '/surcharge.html': { status: 503, headers: { 'retry-after': '120' }, body: '<p>Service indisponible</p>' },
        '/pose-cookie.html': { body: '<main>cookie posé</main>', headers: { 'set-cookie': 'session=abc123; Path=/' } },
        '/lit-cookie.html': (req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<main>cookie:[${req.headers.cookie ?? ''}]</main>`);
        },
        // Never answers: the fetch must end on its own timeout.
        '/muet.html': () => undefined,
        '/suivi.js': () => undefined,
        '/interminable.html': { body: '<main style="height:12000px">Liste des pièces, très longue</main>' },
        // A bot check: a script verifies, sets a cookie and reloads; only then does the procedure appear.
        '/controle.html': (req, res) => {
          const passed = (req.headers.cookie ?? '').includes('controle=ok');
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
            passed
              ? '<main><p id="procedure">Dépôt par courrier à la préfecture de l’Orne</p></main>'
              : '<p>Vérification de votre navigateur…</p><script>fetch("/verifier").then(function () { document.cookie = "controle=ok; path=/"; location.reload(); });</script>',
          );
        },
        // Held a moment, so the reload lands while the fetcher is already watching the first document.
        '/verifier': (_req, res) => void setTimeout(() => res.writeHead(204).end(), 200),
        '/avec-traceur.html': {
          body: '<!DOCTYPE html><html lang="fr"><head><script async src="/suivi.js"></script></head><body><main><h1>Admission exceptionnelle</h1><p>Écrivez à pref-aes@orne.gouv.fr</p></main></body></html>',
        },
      },
      '127.0.0.2',
    );
    fetcher = createBrowserFetcher({ timeoutMs: 10_000, userAgent: USER_AGENT, env: process.env });
  });

  afterAll(async () => {
    await fetcher?.close();
    await calvados?.close();
    await orne?.close();
  });

  it('reads the procedure a `#!` route renders from a JSON endpoint, which a raw HTTP fetch never sees', async () => {
    const cited = calvados.url(SHELL_PATH) + CLIENT_ROUTE;

    const raw = await (await globalThis.fetch(cited)).text();
    expect(raw).toContain('Chargement de la fiche');
    expect(raw).not.toContain(RENDERED_TEXT);

    const outcome = expectFetched(await fetcher.fetch({ url: cited }));
    expect(outcome.html).toContain(RENDERED_TEXT);
    expect(outcome.html).toContain('76036 ROUEN CEDEX');
    expect(outcome.html).not.toContain('Chargement de la fiche');
    expect(outcome).toMatchObject({
      status: 200,
      finalUrl: cited,
      redirects: [],
      fetchedWith: 'browser',
      charset: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      validators: { etag: null, lastModified: null },
    });
    expect(calvados.requests.map((r) => r.path)).toContain('/api/comarquage/Particuliers/L1055.json');
  });

  it('keeps a PNG screenshot of the rendered page', async () => {
    const outcome = expectFetched(await fetcher.fetch({ url: calvados.url(SHELL_PATH) + CLIENT_ROUTE }));
    const png = outcome.screenshot;
    expect(png).toBeInstanceOf(Uint8Array);
    expect([...(png ?? new Uint8Array()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png!.byteLength).toBeGreaterThan(2_000);
  });

  it('cuts the screenshot of an endless page to a reasonable height', async () => {
    const outcome = expectFetched(await fetcher.fetch({ url: orne.url('/interminable.html') }));
    const png = Buffer.from(outcome.screenshot!);
    // PNG IHDR: width at byte 16, height at byte 20.
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(8000);
  });

  it('waits for the `waitFor` selector before reading', async () => {
    const outcome = expectFetched(
      await fetcher.fetch({ url: calvados.url(SHELL_PATH) + CLIENT_ROUTE, waitFor: '#comarquage address' }),
    );
    expect(outcome.html).toMatch(/<address>[^<]*Préfecture de la Seine-Maritime/);
  });

  it('keeps waiting for the `waitFor` selector across a bot check that reloads the page', async () => {
    const outcome = expectFetched(await fetcher.fetch({ url: orne.url('/controle.html'), waitFor: '#procedure' }));
    expect(outcome.html).toContain('Dépôt par courrier à la préfecture de l’Orne');
    expect(outcome.html).not.toContain('Vérification de votre navigateur');
  });

  it('sends a descriptive User-Agent and Accept-Language: fr, and blocks images, fonts and media', async () => {
    const before = orne.requests.length;
    expectFetched(await fetcher.fetch({ url: orne.url('/Demarches/Sejour/Admission-exceptionnelle') }));
    const seen = orne.requests.slice(before);
    const page = seen.find((r) => r.path === '/Demarches/Sejour/Admission-exceptionnelle');
    expect(page?.headers['user-agent']).toBe(USER_AGENT);
    expect(page?.headers['accept-language']).toBe('fr');
    const paths = seen.map((r) => r.path);
    expect(paths).toContain('/dsfr/dsfr.min.css');
    expect(paths.filter((p) => /\.(png|jpg|woff2|mp4)$/.test(p))).toEqual([]);
  });

  it('records the redirect chain, cited URL first, and the final URL', async () => {
    const outcome = expectFetched(await fetcher.fetch({ url: orne.url('/ancienne-page-a9349.html') }));
    expect(outcome.redirects).toEqual([
      { url: orne.url('/ancienne-page-a9349.html'), status: 301 },
      { url: orne.url('/index.php/transfert'), status: 302 },
    ]);
    expect(outcome.finalUrl).toBe(orne.url('/Demarches/Sejour/Admission-exceptionnelle'));
    expect(outcome.html).toContain('Admission exceptionnelle au séjour');
  });

  it('reports 4xx/5xx as http-error, with Retry-After', async () => {
    expect(await fetcher.fetch({ url: orne.url('/retire.html') })).toMatchObject({
      kind: 'http-error',
      status: 410,
      retryAfterSeconds: null,
      finalUrl: orne.url('/retire.html'),
      fetchedWith: 'browser',
    });
    expect(await fetcher.fetch({ url: orne.url('/surcharge.html') })).toMatchObject({
      kind: 'http-error',
      status: 503,
      retryAfterSeconds: 120,
    });
  });

  it('gives each page a fresh context: cookies never carry over', async () => {
    expectFetched(await fetcher.fetch({ url: orne.url('/pose-cookie.html') }));
    const second = expectFetched(await fetcher.fetch({ url: orne.url('/lit-cookie.html') }));
    expect(second.html).toContain('cookie:[]');
  });

  it.each([
    { what: 'a page that never answers', path: '/muet.html', waitFor: undefined },
    { what: 'a `waitFor` selector that never appears', path: '/interminable.html', waitFor: '#procedure' },
  ])('ends $what with a timeout', async ({ path, waitFor }) => {
    const quick = createBrowserFetcher({ timeoutMs: 400, userAgent: USER_AGENT, env: process.env });
    try {
      expect(await quick.fetch({ url: orne.url(path), waitFor })).toEqual({
        kind: 'timeout',
        url: orne.url(path),
        afterMs: 400,
        fetchedWith: 'browser',
      });
    } finally {
      await quick.close();
    }
  });

  it('reads a page whose tracker script never loads instead of timing out', async () => {
    const patient = createBrowserFetcher({ timeoutMs: 10_000, settleMaxMs: 300, userAgent: USER_AGENT, env: process.env });
    try {
      const started = Date.now();
      const outcome = expectFetched(await patient.fetch({ url: orne.url('/avec-traceur.html') }));
      expect(outcome.html).toContain('pref-aes@orne.gouv.fr');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await patient.close();
    }
  });

  it('reports a refused connection as network-error with Chromium’s code', async () => {
    const gone = await startSite({}, '127.0.0.3');
    const url = gone.url('/page.html');
    await gone.close();
    const outcome = await fetcher.fetch({ url });
    expect(outcome).toMatchObject({ kind: 'network-error', url, code: 'ERR_CONNECTION_REFUSED', fetchedWith: 'browser' });
  });

  it('reports an aborted fetch as network-error ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await fetcher.fetch({ url: orne.url('/retire.html'), signal: controller.signal })).toMatchObject({
      kind: 'network-error',
      code: 'ABORTED',
    });
  });

  it('launches one browser for many concurrent first fetches, as parallel pages', async () => {
    const shared = createBrowserFetcher({ timeoutMs: 10_000, userAgent: USER_AGENT, env: process.env });
    expect(shared.launches()).toBe(0);
    try {
      const urls = [
        calvados.url(SHELL_PATH) + CLIENT_ROUTE,
        orne.url('/Demarches/Sejour/Admission-exceptionnelle'),
        orne.url('/retire.html'),
        calvados.url(SHELL_PATH) + CLIENT_ROUTE,
      ];
      const outcomes = await Promise.all(urls.map((url) => shared.fetch({ url })));
      expect(outcomes.map((o) => o.kind)).toEqual(['fetched', 'fetched', 'http-error', 'fetched']);
      expect(shared.launches()).toBe(1);
    } finally {
      await shared.close();
    }
    expect(await shared.fetch({ url: orne.url('/retire.html') })).toMatchObject({ kind: 'browser-unavailable' });
    expect(shared.launches()).toBe(1);
  });

  it('runs concurrent fetches as parallel pages: two pages on two hosts are both open at once', async () => {
    const { manche, eure } = await hostsWaitingForEachOther();
    const parallel = createBrowserFetcher({ timeoutMs: 5_000, userAgent: USER_AGENT, env: process.env });
    try {
      const [a, b] = await Promise.all([parallel.fetch({ url: manche.url('/aes') }), parallel.fetch({ url: eure.url('/aes') })]);
      expect(expectFetched(a!).html).toContain('Manche : par courriel');
      expect(expectFetched(b!).html).toContain('Eure : par courrier');
      expect(parallel.launches()).toBe(1);
    } finally {
      await parallel.close();
      await manche.close();
      await eure.close();
    }
  });

  it('opens no more pages at once than `maxPages`: past it, a page waits for a free one', async () => {
    const { manche, eure } = await hostsWaitingForEachOther();
    const single = createBrowserFetcher({ timeoutMs: 600, maxPages: 1, userAgent: USER_AGENT, env: process.env });
    try {
      const [first, second] = await Promise.all([single.fetch({ url: manche.url('/aes') }), single.fetch({ url: eure.url('/aes') })]);
      // The first page timed out alone; only then did the second open, and the held first answer let it through.
      expect(first).toMatchObject({ kind: 'timeout', url: manche.url('/aes') });
      expect(expectFetched(second!).html).toContain('Eure : par courrier');
    } finally {
      await single.close();
      await manche.close();
      await eure.close();
    }
  });

  it('answers the fetches still waiting for a page once the run closes the browser', async () => {
    const closing = createBrowserFetcher({ timeoutMs: 10_000, maxPages: 1, userAgent: USER_AGENT, env: process.env });
    const pending = [closing.fetch({ url: orne.url('/muet.html') }), closing.fetch({ url: orne.url('/retire.html') })];
    await closing.close();
    for (const outcome of await Promise.all(pending)) {
      expect(outcome).toMatchObject({ kind: 'browser-unavailable', message: 'the browser fetcher was already closed' });
    }
  });

  it('never launches when nothing is fetched, and closing it is harmless', async () => {
    const idle = createBrowserFetcher({ timeoutMs: 1_000, userAgent: USER_AGENT, env: process.env });
    await idle.close();
    expect(idle.launches()).toBe(0);
  });
});
