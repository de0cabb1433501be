import type { GuideEntry, GuideProblem, ParsedGuide } from './entry.js';
import { duplicateIds, firstPerId } from './duplicates.js';
import { DEPARTMENT, PREFECTURE, REGION, pageNoise, splitLines, type Line } from './lines.js';
import { parseSection, type SectionLine } from './section.js';

interface Header {
  index: number;
  /** Where the section's lines start: its "Région" line when it has one. */
  start: number;
  region: string | null;
  code: string;
  name: string;
}

/**
 * Parses one guide document (pure, no IO). A section starts at a "Département … (NN)"
 * line followed by its "Préfecture" line, or preceded by a "Région" line and not
 * followed by another département: that tells sections from the table of
 * contents, which lists départements one after another.
 */
export function parseGuide(text: string, file: string): ParsedGuide {
  const lines = splitLines(text);
  const noise = pageNoise(lines);
  const all: SectionLine[] = lines.map((l, i) => ({ text: l.text, line: l.line, noise: noise.has(i) }));
  const content: (Line & { index: number })[] = [];
  lines.forEach((l, i) => {
    if (l.text !== '' && !noise.has(i)) content.push({ text: l.text, line: l.line, index: i });
  });
  const headers: Header[] = [];
  const contents: (Line & { code: string })[] = [];
  let region: string | null = null;
  content.forEach((line, k) => {
    const regionMatch = REGION.exec(line.text);
    if (regionMatch) region = regionMatch[1] ?? null;
    const dept = DEPARTMENT.exec(line.text);
    if (!dept) return;
    const prev = content[k - 1]?.text ?? '';
    const next = content[k + 1]?.text ?? '';
    const afterRegion = REGION.test(prev);
    const isSection = PREFECTURE.test(next) || (afterRegion && !DEPARTMENT.test(next) && !REGION.test(next));
    if (!isSection) {
      if (headers.length === 0) contents.push({ text: line.text, line: line.line, code: dept[2] ?? '' });
      return;
    }
    const start = afterRegion ? (content[k - 1]?.index ?? line.index) : line.index;
    headers.push({ index: line.index, start, region, code: dept[2] ?? '', name: dept[1] ?? '' });
  });

  const problems: GuideProblem[] = [];
  const entries: GuideEntry[] = [];
  if (headers.length === 0) {
    problems.push({ file, line: 1, message: 'no département sections found (expected "Région …", "Département de … (NN)", "Préfecture …" header lines)', scope: 'file' });
    return { entries, problems };
  }
  headers.forEach((h, n) => {
    const end = headers[n + 1]?.start ?? lines.length;
    const own = new Set([lines[h.index]?.text, lines[h.start]?.text]);
    // A header repeated after a page break is noise too.
    const body = all.slice(h.index + 1, end).map((l) => (!l.noise && l.text !== '' && own.has(l.text) ? { ...l, noise: true } : l));
    const result = parseSection({ file, region: h.region, header: lines[h.index] as Line, code: h.code, name: h.name, body });
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  });

  const parsedCodes = new Set(headers.map((h) => h.code));
  for (const listed of contents) {
    if (!parsedCodes.has(listed.code)) {
      problems.push({ file, line: listed.line, message: `the contents list "${listed.text}" but no section for it follows (truncated guide?)` });
    }
  }
  problems.push(...duplicateIds(entries));
  return { entries: firstPerId(entries), problems: problems.sort((a, b) => a.line - b.line) };
}

