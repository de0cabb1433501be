import { createTwoFilesPatch } from 'diff';
import { guideFactsOf } from '../compare/verdict.js';
import type { Fact } from '../facts/fact.js';
import { factPresent } from '../facts/match.js';
import type { GuideEntry } from '../guide/entry.js';
import { LINE_BREAK, REGION } from '../guide/lines.js';
import { parseGuide } from '../guide/parse.js';
import { factChanges } from './fact-changes.js';
import { locateSection, replaceSpan, type GuideFile } from './guide-file.js';
import { procedureText } from './procedure-text.js';
import { REVIEW, channelSentence, marker } from './review.js';
import type { Proposal } from './schema.js';
import { writeSection } from './section-writer.js';

/** What a page says, as the extractor read it. */
export interface PageReading {
  /** The URL the draft cites: the page's own address (after a move, the new one). */
  url: string;
  /** Extracted procedure, Markdown. */
  text: string;
  facts: Fact[];
}

export interface DraftInput {
  guide: GuideFile;
  /** The guide file as the entry names it. */
  file: string;
  entry: GuideEntry;
  /** Every entry parsed from the same file: where the next section starts. */
  fileEntries: GuideEntry[];
  page: PageReading;
  today: Date;
}

export interface Draft {
  proposal: Proposal;
  /** The whole guide text with the section replaced; every other character as it was. */
  guideText: string;
  /** The draft read back by the guide parser, or null when it does not parse. */
  draftEntry: GuideEntry | null;
}

const splitAnyEol = (text: string) => text.split(LINE_BREAK);

function unifiedDiff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`${file} (current)`, `${file} (proposed)`, `${before}\n`, `${after}\n`, undefined, undefined, { context: 3 });
  return patch
    .split('\n')
    .filter((line) => !/^(Index:|=+$)/.test(line))
    .join('\n');
}

/**
 * Drafts an entry's section from a page (pure): writes it, puts it in place
 * of the current one, reads the section back with the guide parser, and
 * compares the facts. A fact of the draft that the page does not state would
 * be a guess: it is listed for review.
 */
export function draftProposal(input: DraftInput): Draft {
  const { guide, entry, page } = input;
  const span = locateSection(guide.text, entry, input.fileEntries);
  const current = splitAnyEol(guide.text.slice(span.start, span.end));
  const channel = channelSentence(page.text, page.facts);
  const procedure = procedureText(page.text, page.facts, page.url);
  if (entry.sources.length > 1) procedure.paragraphs.push([marker(REVIEW.severalSources)]), procedure.needsReview.push(REVIEW.severalSources);
  const written = writeSection(current, { today: input.today, channelSentence: channel.sentence, url: page.url, procedure, pageText: page.text });
  const needsReview = [...(channel.review ? [channel.review] : []), ...written.needsReview];
  const guideText = replaceSpan(guide.text, span, written.lines.join(guide.eol));

  // The section read back on its own (every other byte of the file is untouched):
  // a whole large guide would cost a full parse per draft.
  const section = written.lines.join('\n');
  const region = REGION.test(written.lines[0]?.trim() ?? '') ? '' : `Région ${entry.region}\n`;
  const parsed = parseGuide(region + section, input.file);
  const draftEntry = parsed.entries.find((e) => e.id === entry.id) ?? null;
  for (const problem of parsed.problems) needsReview.push(`le brouillon ne se relit pas : ${problem.message}`);
  const draftFacts = draftEntry ? guideFactsOf(draftEntry) : [];
  for (const fact of draftFacts) {
    if (!factPresent(fact, page.facts, page.text)) needsReview.push(`${fact.kind} « ${fact.value} » absent de la page`);
  }
  return {
    proposal: {
      entryId: entry.id,
      guideFile: input.file,
      section,
      diff: unifiedDiff(input.file, current.join('\n'), section),
      source: page.url,
      facts: factChanges(guideFactsOf(entry), draftFacts),
      needsReview,
    },
    guideText,
    draftEntry,
  };
}
