import type { Snapshot, SnapshotMeta } from '../../src/snapshot/schema.js';

/**
 * A stored page snapshot for tests of the store and of what reads it: a
 * procedure sentence as text, that text in `<main>` as HTML, and a meta that
 * the store accepts. Tests override only what they are about.
 */
export function pageSnapshot(text: string, meta: Partial<SnapshotMeta> = {}, html = `<main>${text}</main>`): Snapshot {
  return {
    text,
    html,
    meta: {
      url: 'http://127.0.0.1/page',
      finalUrl: 'http://127.0.0.1/page',
      httpStatus: 200,
      redirects: [],
      fetchedWith: 'http',
      capturedAt: '2026-01-01T00:00:00.000Z',
      validators: { etag: '"v1"', lastModified: null },
      charset: 'utf-8',
      contentType: 'text/html',
      title: 'Titre',
      pageUpdated: '2025-01-02',
      extractorVersion: 1,
      sha256: { text: '', html: '' },
      facts: [{ kind: 'email', value: 'pref@example.gouv.fr' }],
      hasScreenshot: false,
      ...meta,
    },
  };
}
