import { CHANNEL_SENTENCE, CONSULT, REPRODUCED, SUB_PREFECTURE_HEADING, UPDATED } from '../guide/lines.js';
import type { ProcedureText } from './procedure-text.js';
import { MENTIONS_SUB_PREFECTURES, REVIEW, marker } from './review.js';

/** What the draft says, block by block; the header and the sous-préfectures block come from the current section. */
export interface SectionBlocks {
  today: Date;
  channelSentence: string;
  url: string;
  procedure: ProcedureText;
  pageText: string;
}

/** "01/12/2026" in Paris, whatever the machine's time zone: the guide is French. */
export function guideDate(day: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(day);
}

const trimEnd = (lines: string[]): string[] => {
  const out = [...lines];
  while (out.length > 0 && (out[out.length - 1] ?? '').trim() === '') out.pop();
  return out;
};

/** The guide prints every line of the procedure as its own paragraph (PDF spacing) or groups lines in paragraphs. */
function spacedOut(procedure: string[]): boolean {
  const content = procedure.map((l) => l.trim());
  return content.some((l) => l !== '') && !content.some((l, i) => l !== '' && (content[i + 1] ?? '') !== '');
}

/**
 * The section again, in the guide's own format and block order: header as it
 * stands, date, channel sentence, cited URL, the reproduced procedure, and the
 * sous-préfectures block as it stands (flagged when the page talks about them).
 * `current` is the current section's lines; returns the new section's lines.
 */
export function writeSection(current: string[], blocks: SectionBlocks): { lines: string[]; needsReview: string[] } {
  const needsReview = [...blocks.procedure.needsReview];
  const firstBody = current.findIndex((l) => [UPDATED, CHANNEL_SENTENCE, CONSULT, REPRODUCED].some((re) => re.test(l.trim())));
  const header = trimEnd(current.slice(0, firstBody < 0 ? current.length : firstBody));
  const reproduced = current.findIndex((l) => REPRODUCED.test(l.trim()));
  let closing = -1;
  for (let i = current.length - 1; i > reproduced && closing < 0; i--) if (SUB_PREFECTURE_HEADING.test((current[i] ?? '').trim())) closing = i;
  const closingBlock = closing >= 0 ? current.slice(closing) : [];
  const oldProcedure = current.slice(reproduced + 1, closing >= 0 ? closing : current.length);
  const spaced = spacedOut(oldProcedure);

  const lines = [...header, ''];
  lines.push(`Dernière mise à jour : ${guideDate(blocks.today)}`, '');
  lines.push(blocks.channelSentence, '');
  lines.push(`Les modalités sont consultables ici : <${blocks.url}>`, '');
  lines.push('Les modalités sont reproduites ici :', '');
  for (const paragraph of blocks.procedure.paragraphs) {
    if (spaced) for (const line of paragraph) lines.push(line, '');
    else lines.push(...paragraph, '');
  }
  const subNote = MENTIONS_SUB_PREFECTURES.test(blocks.pageText) ? REVIEW.subPrefectures : null;
  if (subNote) needsReview.push(subNote);
  if (closingBlock.length > 0) {
    const [heading, ...rest] = closingBlock;
    lines.push(heading ?? '');
    if (subNote) lines.push(...((rest[0] ?? '').trim() === '' ? ['', marker(subNote)] : [marker(subNote)]));
    lines.push(...trimEnd(rest));
  } else if (subNote) lines.push(marker(subNote));
  return { lines: trimEnd(lines), needsReview };
}
