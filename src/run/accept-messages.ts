import type { SourceDecision } from './accept.js';

/** One line per source `accept` did not take, saying what to do instead. */
export function describeDecision(entryId: string, decision: Exclude<SourceDecision, { kind: 'accepted' }>, folder: string): string {
  switch (decision.kind) {
    case 'refused-gone':
      return `not accepted ${entryId}: ${decision.url} is gone (404/410, or sends to the home page). Cite the page that replaced it in the guide (npx aes-watch discover ${entryId}), or pass --force`;
    case 'refused-failing':
      return `not accepted ${entryId}: the last fetch of ${decision.url} failed, so its snapshot may be out of date. Run npx aes-watch check --only ${entryId} first, or pass --force`;
    case 'not-cited':
      return `skipped ${entryId}: ${decision.url ?? decision.key} is no longer cited by the guide (its folder ${folder}/${entryId}/${decision.key} can be deleted)`;
    case 'no-snapshot':
      return `nothing to accept for ${entryId}: ${decision.url} has no snapshot in ${folder}/ yet (run npx aes-watch check --only ${entryId})`;
  }
}
