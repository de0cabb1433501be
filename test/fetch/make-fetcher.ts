import { createHttpFetcher, type HttpFetcherOptions } from '../../src/fetch/http.js';
import { recordingClock, type RecordingClock } from '../support/fake-clock.js';

export const TEST_USER_AGENT = 'aes-watch-test/0.1 (+https://example.org/aes-watch)';

/** An HTTP fetcher with test defaults and a recording clock for its backoff waits. */
export function makeFetcher(overrides: Partial<HttpFetcherOptions> = {}) {
  const clock: RecordingClock = recordingClock();
  const fetcher = createHttpFetcher({
    userAgent: TEST_USER_AGENT,
    timeoutMs: 5_000,
    maxBodyBytes: 1024 * 1024,
    retries: 2,
    clock,
    ...overrides,
  });
  return { fetcher, clock: (overrides.clock as RecordingClock | undefined) ?? clock };
}

/** A minimal DSFR-shaped prefecture page, invented content. */
export function dsfrPage(title: string, body = '<p>Déposez votre demande par voie postale.</p>'): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title} - Les services de l'État</title></head>
<body><header class="fr-header"></header><main id="contenu"><div class="fr-container">
<h1>${title}</h1><p class="fr-text--sm">Mis à jour le 12/02/2025</p>${body}</div></main>
<footer class="fr-footer"></footer></body></html>`;
}
