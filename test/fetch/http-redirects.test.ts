import { afterEach, describe, expect, it } from 'vitest';
import { REDIRECT_LOOP_CODE, TOO_MANY_REDIRECTS_CODE } from '../../src/fetch/http.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { dsfrPage, makeFetcher } from './make-fetcher.js';

const sites: FixtureSite[] = [];
async function site(...args: Parameters<typeof startSite>): Promise<FixtureSite> {
  const started = await startSite(...args);
  sites.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(sites.splice(0).map((s) => s.close()));
});

describe('HTTP fetcher: redirects', () => {
  it('records a 301 → 302 → 200 chain, cited URL first', async () => {
    const s = await site();
    s.set('/Demarches-administratives/Etrangers/AES', { status: 301, headers: { location: s.url('/Demarches/Etrangers') } });
    s.set('/Demarches/Etrangers', { status: 302, headers: { location: s.url('/Demarches/Etrangers/Admission-exceptionnelle') } });
    s.set('/Demarches/Etrangers/Admission-exceptionnelle', { body: dsfrPage('Admission exceptionnelle au séjour') });
    const { fetcher } = makeFetcher();

    const outcome = await fetcher.fetch({ url: s.url('/Demarches-administratives/Etrangers/AES') });

    expect(outcome.kind).toBe('fetched');
    if (outcome.kind !== 'fetched') return;
    expect(outcome.redirects).toEqual([
      { url: s.url('/Demarches-administratives/Etrangers/AES'), status: 301 },
      { url: s.url('/Demarches/Etrangers'), status: 302 },
    ]);
    expect(outcome.finalUrl).toBe(s.url('/Demarches/Etrangers/Admission-exceptionnelle'));
    expect(outcome.html).toContain('<h1>Admission exceptionnelle au séjour</h1>');
    expect(outcome.fetchedWith).toBe('http');
  });

  it('resolves relative Location headers against the current URL', async () => {
    const s = await site();
    s.set('/Demarches-administratives/Etrangers/old', { status: 308, headers: { location: '../../Demarches/Sejour?x=1' } });
    s.set('/Demarches/Sejour?x=1', { status: 307, headers: { location: 'Sejour-AES' } });
    s.set('/Demarches/Sejour-AES', { body: dsfrPage('Séjour') });
    const { fetcher } = makeFetcher();

    const outcome = await fetcher.fetch({ url: s.url('/Demarches-administratives/Etrangers/old') });

    expect(outcome.kind).toBe('fetched');
    if (outcome.kind !== 'fetched') return;
    expect(outcome.redirects.map((hop) => hop.status)).toEqual([308, 307]);
    expect(outcome.redirects[1]?.url).toBe(s.url('/Demarches/Sejour?x=1'));
    expect(outcome.finalUrl).toBe(s.url('/Demarches/Sejour-AES'));
  });

  it('follows a redirect to another host', async () => {
    const oldSite = await site({}, '127.0.0.2');
    const newSite = await site({ '/Demarches/AES': { body: dsfrPage('AES') } }, '127.0.0.3');
    oldSite.set('/aes-a9349.html', { status: 301, headers: { location: newSite.url('/Demarches/AES#top') } });
    const { fetcher } = makeFetcher();

    const outcome = await fetcher.fetch({ url: oldSite.url('/aes-a9349.html') });

    expect(outcome.kind).toBe('fetched');
    if (outcome.kind !== 'fetched') return;
    expect(outcome.finalUrl).toBe(newSite.url('/Demarches/AES'));
    expect(newSite.requests.map((r) => r.path)).toEqual(['/Demarches/AES']);
  });

  it('stops a redirect loop at the first repeated URL', async () => {
    const s = await site();
    s.set('/a', { status: 302, headers: { location: '/b' } });
    s.set('/b', { status: 302, headers: { location: '/a' } });
    const { fetcher, clock } = makeFetcher();

    const outcome = await fetcher.fetch({ url: s.url('/a') });

    expect(outcome).toMatchObject({ kind: 'network-error', code: REDIRECT_LOOP_CODE, message: `redirect loop: ${s.url('/a')} → ${s.url('/b')} → ${s.url('/a')}` });
    expect(s.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
  });

  it('gives up after 10 redirects', async () => {
    const s = await site();
    for (let i = 0; i < 20; i++) s.set(`/r${i}`, { status: 302, headers: { location: `/r${i + 1}` } });
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/r0') });
    expect(outcome).toMatchObject({ kind: 'network-error', code: TOO_MANY_REDIRECTS_CODE });
    expect(s.requests).toHaveLength(11);
  });

  it('treats a 3xx without Location as an HTTP error', async () => {
    const s = await site({ '/moved': { status: 302 } });
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/moved') });
    expect(outcome).toMatchObject({ kind: 'http-error', status: 302, redirects: [] });
  });

  it('reports a redirect to a non-http URL as BAD_REDIRECT', async () => {
    const s = await site({ '/mail': { status: 301, headers: { location: 'mailto:pref@calvados.gouv.fr' } } });
    const { fetcher } = makeFetcher();
    const outcome = await fetcher.fetch({ url: s.url('/mail') });
    expect(outcome).toMatchObject({ kind: 'network-error', code: 'BAD_REDIRECT', url: s.url('/mail') });
  });
});
