import type { Successor } from '../discover/successor.js';
import type { Labels } from './labels.js';
import type { EntryReport } from './schema.js';

/** "0.92" as the language prints it. */
export function formatScore(score: number, l: Pick<Labels, 'lang'>): string {
  const fixed = score.toFixed(2);
  return l.lang === 'fr' ? fixed.replace('.', ',') : fixed;
}

/**
 * One successor's evidence in words, shared by the Markdown report, the HTML
 * report, the issue body and `aes-watch discover` (each escapes it its own
 * way): the score, how it was reached, the guide facts and AES words it states.
 */
export function successorEvidence(successor: Successor, l: Labels): string[] {
  const s = l.successor;
  const parts = [`${s.score} ${formatScore(successor.score, l)}`, s.via[successor.via]];
  if (successor.pageUpdated) parts.push(`${s.updated} ${successor.pageUpdated.split('-').reverse().join('/')}`);
  if (successor.matchedFacts.length > 0) parts.push(`${s.facts}${l.colon}${successor.matchedFacts.map((f) => f.value).join(' ; ')}`);
  if (successor.matchedWords.length > 0) parts.push(`${s.words}${l.colon}${successor.matchedWords.join(', ')}`);
  parts.push(`${s.closeness} ${formatScore(successor.closeness, l)}`);
  return parts;
}

/** The line for an entry whose search found nothing; null when no search ran. */
export function noSuccessorLine(entry: Pick<EntryReport, 'successors' | 'successorsReason'>, l: Labels): string | null {
  if (entry.successors.length > 0 || entry.successorsReason === null) return null;
  return `${l.successor.noNewPage} ${l.successor.reasons[entry.successorsReason.code]} (${entry.successorsReason.detail})`;
}

/** Markdown lines for an entry's successors (or why there are none); `escape` keeps scraped text inert. */
export function successorsMarkdown(entry: EntryReport, escape: (text: string) => string, l: Labels): string[] {
  const s = l.successor;
  const none = noSuccessorLine(entry, l);
  if (entry.successors.length === 0 && none === null) return [];
  const lines = [`**${s.heading}**`, ''];
  for (const successor of entry.successors) {
    lines.push(`- ${s.likelyNewPage} ${escape(successor.title ?? s.untitled)}, <${successor.url}> (${escape(successorEvidence(successor, l).join(' ; '))})`);
  }
  if (none !== null) lines.push(`- ${escape(none)}`);
  return [...lines, ''];
}
