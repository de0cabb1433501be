import { sha256 } from '../shared/hash.js';
import type { GuideEntry } from '../guide/entry.js';
import { LINE_BREAK, REGION, pageNoise, splitLines } from '../guide/lines.js';

/**
 * A guide document as bytes and as text, so that one section can be replaced
 * while every other byte (BOM, line ends, page headers) stays as it was.
 */
export interface GuideFile {
  /** The decoded text, BOM character included: encoding it again gives the same bytes. */
  text: string;
  /** The file's own line end, used for the lines we write. */
  eol: '\r\n' | '\n' | '\r';
  sha256: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export { sha256 };

/** The most frequent line end wins; a file without any gets "\n". */
function dominantEol(text: string): GuideFile['eol'] {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  const cr = (text.match(/\r/g)?.length ?? 0) - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

/** The guide as text, or null for a PDF or any file that is not UTF-8 text: only text guides can be rewritten. */
export function decodeGuideFile(bytes: Uint8Array): GuideFile | null {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return null;
  try {
    const text = decoder.decode(bytes);
    return { text, eol: dominantEol(text), sha256: sha256(bytes) };
  } catch {
    return null;
  }
}

export function encodeGuideFile(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** Where a section lies in the text: `[start, end)` character offsets, last line end excluded. */
export interface SectionSpan {
  start: number;
  end: number;
}

interface RawLine {
  start: number;
  end: number;
}

function rawLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  const breaks = new RegExp(LINE_BREAK.source, 'g');
  // The BOM is not part of the first line: a replaced first line keeps it.
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  for (const m of text.matchAll(breaks)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** The index of a section's first line: its "Région" line when one stands right above the header. */
function sectionStart(lines: ReturnType<typeof splitLines>, headerIndex: number): number {
  for (let i = headerIndex - 1; i >= 0; i--) {
    const text = lines[i]?.text ?? '';
    if (text === '') continue;
    return REGION.test(text) ? i : headerIndex;
  }
  return headerIndex;
}

/**
 * The span of `entry`'s section in `text`: from its "Région"/"Département" line
 * to its last line of content. Page headers, page numbers and blank lines that
 * follow it belong to the page layout, not to the section, and are left alone.
 */
export function locateSection(text: string, entry: GuideEntry, fileEntries: GuideEntry[]): SectionSpan {
  const lines = splitLines(text);
  const noise = pageNoise(lines);
  const raw = rawLines(text);
  const headerIndex = entry.location.line - 1;
  const start = sectionStart(lines, headerIndex);
  const next = fileEntries
    .map((other) => other.location.line - 1)
    .filter((index) => index > headerIndex)
    .sort((a, b) => a - b)[0];
  let last = (next === undefined ? lines.length : sectionStart(lines, next)) - 1;
  while (last > headerIndex && ((lines[last]?.text ?? '') === '' || noise.has(last))) last -= 1;
  return { start: raw[start]?.start ?? 0, end: raw[last]?.end ?? text.length };
}

export function replaceSpan(text: string, span: SectionSpan, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}
