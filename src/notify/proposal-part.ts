import type { EntryReport, SourceReport } from '../report/schema.js';
import { diffSection } from './body-parts.js';
import { codeSpan, neutraliseText } from './neutralise.js';

/**
 * The drafted guide section, as its diff against the current section, cut to
 * `budget` characters like the page diffs. Empty when there is no draft or no room.
 */
export function proposalSection(entry: EntryReport, budget: number, where: string): string[] {
  const proposal = entry.proposal;
  if (!proposal) return [];
  const head = [
    '### Proposition de section du guide',
    '',
    `Rédigée d'après la page ci-dessous. Relisez-la, puis lancez ${codeSpan(`aes-watch propose ${entry.id} --write`)} (ou ${codeSpan(`aes-watch propose ${entry.id}`)} pour la revoir).`,
    '',
    ...proposal.needsReview.map((item) => `- [ ] À vérifier : ${neutraliseText(item)}`),
    ...(proposal.needsReview.length > 0 ? [''] : []),
  ];
  const room = budget - head.join('\n').length - 1;
  if (room < 200) return [];
  const asSource: SourceReport = {
    url: proposal.source,
    finalUrl: null,
    httpStatus: null,
    fetchedWith: null,
    pageUpdated: null,
    outcome: 'fetched',
    redirects: [],
    title: null,
    diffFromBaseline: proposal.diff,
    baselineText: null,
    currentText: null,
    snapshotPath: null,
  };
  const note = (shown: number, total: number) => `_Proposition coupée : ${shown} lignes sur ${total}. La section entière est dans ${where}._`;
  return [...head, ...diffSection(asSource, room, note)];
}
