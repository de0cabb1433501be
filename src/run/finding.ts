import { isDeepStrictEqual } from 'node:util';
import type { SnapshotText } from '../snapshot/schema.js';

/**
 * What a snapshot says about the page, as opposed to how it was fetched. Two
 * snapshots with the same finding are the same to an editor: HTTP 200 or 304,
 * plain HTTP or the browser, retries, validators and capture time do not count.
 */
function findingOf(snapshot: SnapshotText) {
  const { meta } = snapshot;
  return { text: snapshot.text, finalUrl: meta.finalUrl, redirects: meta.redirects, title: meta.title, pageUpdated: meta.pageUpdated, facts: meta.facts };
}

export const sameFinding = (a: SnapshotText, b: SnapshotText): boolean => isDeepStrictEqual(findingOf(a), findingOf(b));
