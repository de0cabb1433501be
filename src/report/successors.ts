import type { Successor } from '../discover/successor.js';
import { formatScore, successorLabels, type SuccessorLang } from './successor-labels.js';
import type { EntryReport } from './schema.js';

/**
 * One successor's evidence in words, shared by the Markdown report, the HTML
 * report and the issue body (each escapes it its own way): the score, how it
 * was reached, the guide facts and the AES words it states.
 */
export function successorEvidence(successor: Successor, lang: SuccessorLang = 'fr'): string[] {
  const l = successorLabels(lang);
  const parts = [`${l.score} ${formatScore(successor.score, lang)}`, l.via[successor.via]];
  if (successor.pageUpdated) parts.push(`${l.updated} ${successor.pageUpdated.split('-').reverse().join('/')}`);
  if (successor.matchedFacts.length > 0) parts.push(`${l.facts}${lang === 'fr' ? ' : ' : ': '}${successor.matchedFacts.map((f) => f.value).join(' ; ')}`);
  if (successor.matchedWords.length > 0) parts.push(`${l.words}${lang === 'fr' ? ' : ' : ': '}${successor.matchedWords.join(', ')}`);
  parts.push(`${l.closeness} ${formatScore(successor.closeness, lang)}`);
  return parts;
}

/** The line for an entry whose search found nothing; null when no search ran. */
export function noSuccessorLine(entry: Pick<EntryReport, 'successors' | 'successorsReason'>, lang: SuccessorLang = 'fr'): string | null {
  if (entry.successors.length > 0 || entry.successorsReason === null) return null;
  const l = successorLabels(lang);
  return `${l.noNewPage} ${l.reasons[entry.successorsReason.code]} (${entry.successorsReason.detail})`;
}

/** Markdown lines for an entry's successors (or why there are none); `escape` keeps scraped text inert. */
export function successorsMarkdown(entry: EntryReport, escape: (text: string) => string, lang: SuccessorLang = 'fr'): string[] {
  const l = successorLabels(lang);
  const none = noSuccessorLine(entry, lang);
  if (entry.successors.length === 0 && none === null) return [];
  const lines = [`**${l.heading}**`, ''];
  for (const successor of entry.successors) {
    lines.push(`- ${l.likelyNewPage} ${escape(successor.title ?? l.untitled)}, <${successor.url}> (${escape(successorEvidence(successor, lang).join(' ; '))})`);
  }
  if (none !== null) lines.push(`- ${escape(none)}`);
  return [...lines, ''];
}
