import { describe, expect, it } from 'vitest';
import type { ExtractOptions, Extraction } from '../../src/extract/extraction.js';
import { extractWithinLimits } from '../../src/extract/guard.js';
import { extractionPool, type Extract } from '../../src/extract/pool.js';
import { FIXTURE_PAGES, readPage } from '../fixtures/pages/index.js';

/**
 * The extraction worker (src/extract/pool.ts), started from the built worker
 * script (`npm run build`), against extraction in this thread.
 */
const BUILT_WORKER = new URL('../../dist/bundle/extract-worker.js', import.meta.url);
const BROKEN_WORKERS = {
  'fails to load': new URL('../support/broken-extract-worker.mjs', import.meta.url),
  'exits while loading': new URL('../support/exiting-extract-worker.mjs', import.meta.url),
};
const CRASHING_WORKER = new URL('../support/crashing-extract-worker.mjs', import.meta.url);
const CRASH_MARK = '<!-- crash the extraction worker -->';
const OPTIONS: ExtractOptions = { selector: null, baseUrl: 'https://www.orne.gouv.fr/Demarches/Etrangers/AES' };
const PAGE = readPage('dsfr-procedure');

/** Extraction in this thread, counting the pages it reads. */
function inThisThread(): { extract: Extract; pages: () => number } {
  let pages = 0;
  return {
    extract: async (html, options) => {
      pages += 1;
      return extractWithinLimits(html, options);
    },
    pages: () => pages,
  };
}

/** A page a thousands links long: within the limits of guard.ts, and seconds to read. */
function linkFarm(links: number): string {
  const paragraphs = Array.from({ length: links }, (_, i) => `<p><a href="/documents/${i}.pdf">Formulaire ${i} (PDF, 12 Ko)</a></p>`);
  return `<!DOCTYPE html><html lang="fr"><body><main><h1>Formulaires</h1>${paragraphs.join('')}</main></body></html>`;
}

describe('the extraction worker', () => {
  it('reads every fixture page as this thread does, without reading any here', async () => {
    const local = inThisThread();
    const extract = extractionPool({ worker: BUILT_WORKER, inProcess: local.extract });
    const pages = FIXTURE_PAGES.map(readPage);
    const inWorker = await Promise.all(pages.map((html) => extract(html, OPTIONS)));
    expect(inWorker).toEqual(pages.map((html) => extractWithinLimits(html, OPTIONS)));
    expect(inWorker.map((r) => r.kind)).toContain('extracted');
    expect(local.pages()).toBe(0);
  });

  it.each(Object.entries(BROKEN_WORKERS))('whose script %s leaves the pages to this thread, read the same', async (_, worker) => {
    const local = inThisThread();
    const extract = extractionPool({ worker, inProcess: local.extract });
    const results = await Promise.all([PAGE, readPage('ezpublish-procedure')].map((html) => extract(html, OPTIONS)));
    expect(results).toEqual([extractWithinLimits(PAGE, OPTIONS), extractWithinLimits(readPage('ezpublish-procedure'), OPTIONS)]);
    expect(results[0]?.kind).toBe('extracted');
    expect(local.pages()).toBe(2);
  });

  it('that crashes on a page makes that page unreadable, and a new worker reads the next', async () => {
    const local = inThisThread();
    const extract = extractionPool({ worker: CRASHING_WORKER, inProcess: local.extract });
    const crashing = PAGE.replace('</body>', `${CRASH_MARK}</body>`);
    const results: Extraction[] = [];
    for (const html of [PAGE, crashing, PAGE]) results.push(await extract(html, OPTIONS));
    expect(results[1]).toEqual({
      kind: 'extraction-failed',
      reason: 'unreadable',
      detail: 'the page could not be read (the extraction worker stopped: worker exited with code: 70)',
    });
    expect(results[0]).toEqual(extractWithinLimits(PAGE, OPTIONS));
    expect(results[2]).toEqual(results[0]);
    expect(local.pages()).toBe(0);
  });

  it('that crashes and cannot start again leaves the next pages to this thread', async () => {
    const local = inThisThread();
    const extract = extractionPool({ worker: CRASHING_WORKER, inProcess: local.extract });
    const first = await extract(PAGE, OPTIONS);
    // A worker copies the environment when it starts: the next one sees this.
    process.env.AES_TEST_WORKER_CANNOT_START = '1';
    try {
      const crashed = await extract(PAGE.replace('</body>', `${CRASH_MARK}</body>`), OPTIONS);
      const after = await Promise.all([extract(PAGE, OPTIONS), extract(readPage('ezpublish-procedure'), OPTIONS)]);
      expect(crashed).toMatchObject({ kind: 'extraction-failed', reason: 'unreadable' });
      expect(after).toEqual([first, extractWithinLimits(readPage('ezpublish-procedure'), OPTIONS)]);
      expect(local.pages()).toBe(2);
    } finally {
      delete process.env.AES_TEST_WORKER_CANNOT_START;
    }
  });

  it('stops a page that reads past the time limit: it is unreadable, and the next page is read', { timeout: 30_000 }, async () => {
    const local = inThisThread();
    const extract = extractionPool({ worker: BUILT_WORKER, inProcess: local.extract, timeLimitMs: 1000 });
    const slow = extract(linkFarm(3000), OPTIONS);
    const next = extract(PAGE, OPTIONS);
    expect(await slow).toEqual({ kind: 'extraction-failed', reason: 'unreadable', detail: 'reading the page took more than 1 s; aes-watch stopped it' });
    expect(await next).toEqual(extractWithinLimits(PAGE, OPTIONS));
    expect(local.pages()).toBe(0);
  });
});
