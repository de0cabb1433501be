import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/extraction.js';
import type { FetchOutcome } from '../../src/fetch/outcome.js';
import { storedExtraction } from '../../src/run/reuse.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import type { Source } from '../../src/sources/source.js';
import { sha256 } from '../../src/shared/hash.js';
import { pageSnapshot } from '../support/page-snapshot.js';

const URL_ = 'http://127.0.14.1/Demarches/AES';
const HTML = '<html><body><h1>Admission exceptionnelle au séjour</h1><p>Envoyez votre dossier par courrier.</p></body></html>';
const source: Source = { entryId: '14-calvados', url: URL_, clientRoute: null, mode: 'auto', selector: null, waitFor: null, key: 'k' };
const stored: Snapshot = pageSnapshot(
  '# Admission exceptionnelle au séjour\n\nEnvoyez votre dossier par courrier.',
  { url: URL_, finalUrl: URL_, capturedAt: '2025-01-01T00:00:00.000Z', validators: { etag: null, lastModified: null }, title: 'Admission exceptionnelle au séjour', pageUpdated: '2023-01-14', extractorVersion: EXTRACTOR_VERSION, sha256: { text: 't', html: sha256(HTML) }, facts: [] },
  HTML,
);
const fetched = (o: Partial<Extract<FetchOutcome, { kind: 'fetched' }>> = {}): Extract<FetchOutcome, { kind: 'fetched' }> => ({
  kind: 'fetched',
  status: 200,
  html: HTML,
  finalUrl: URL_,
  redirects: [],
  fetchedWith: 'http',
  charset: 'utf-8',
  contentType: 'text/html',
  validators: { etag: null, lastModified: null },
  screenshot: null,
  ...o,
});

describe('reusing the stored extraction of an unchanged page', () => {
  it('gives back the stored text, title, date and facts for the very same body', () => {
    expect(storedExtraction(stored, source, fetched())).toEqual({
      kind: 'extracted',
      title: stored.meta.title,
      pageUpdated: '2023-01-14',
      text: stored.text,
      facts: [],
      extractorVersion: EXTRACTOR_VERSION,
    });
  });

  it.each([
    ['no stored snapshot', null, source, fetched()],
    ['another body', stored, source, fetched({ html: HTML.replace('courrier', 'internet') })],
    ['another final address', stored, source, fetched({ finalUrl: `${URL_}-2` })],
    ['a browser fetch', stored, source, fetched({ fetchedWith: 'browser' })],
    ['another selector', stored, { ...source, selector: 'main .fr-col-8' }, fetched()],
    ['an older extractor', { ...stored, meta: { ...stored.meta, extractorVersion: EXTRACTOR_VERSION - 1 } }, source, fetched()],
  ] as const)('parses again after %s', (_, snapshot, src, outcome) => {
    expect(storedExtraction(snapshot, src, outcome)).toBeNull();
  });

  it('reuses under the same configured selector', () => {
    const withSelector = { ...stored, meta: { ...stored.meta, selector: 'main' } };
    expect(storedExtraction(withSelector, { ...source, selector: 'main' }, fetched())).not.toBeNull();
    expect(storedExtraction(withSelector, source, fetched())).toBeNull();
  });
});
