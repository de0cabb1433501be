import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sha256 } from '../shared/hash.js';
import type { GuideCache } from './cache.js';
import type { GuideEntry, GuideProblem, GuideText, ParsedGuide } from './entry.js';
import { duplicateIds, firstPerId } from './duplicates.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Refuses what is not guide text, with a reason a volunteer can act on. */
export function readGuideBytes(bytes: Uint8Array): GuideText {
  const head = bytes.subarray(0, 8192);
  if (bytes.length === 0) return { kind: 'rejected', line: 1, message: 'empty file: no guide text' };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { kind: 'rejected', line: 1, message: 'UTF-16 text: save the guide as UTF-8' };
  }
  const control = head.filter((b) => b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)).length;
  if (control > head.length / 20) return { kind: 'rejected', line: 1, message: 'binary file, not guide text' };
  // A NUL in text: a damaged file, never text a PDF extraction gives.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'rejected', line: lineAt(bytes, nul), message: 'NUL byte: the file is damaged or not guide text' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const latin1 = Buffer.from(bytes).toString('latin1');
    // Not one UTF-8 sequence in it: a Latin-1 / Windows-1252 file, read as such. Mixed: damaged, refuse.
    if (!UTF8_SEQUENCE.test(latin1)) return guideText(windows1252.decode(bytes));
    const lossy = Buffer.from(bytes).toString('utf8');
    const bad = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, Math.max(bad, 0)).split('\n').length;
    return { kind: 'rejected', line, message: 'mixes UTF-8 with another encoding (Latin-1?): save the guide as UTF-8' };
  }
  return guideText(text);
}

/**
 * Windows-1252's 0x80–0x9F: ’ “ ” … œ € and the like. Node 20's TextDecoder('windows-1252')
 * reads these bytes as invisible C1 control characters, so they are mapped here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const windows1252 = {
  decode: (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').replace(/[\x80-\x9F]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80)),
};
/**
 * A UTF-8 sequence as a French text holds one: a Latin letter or sign (U+0080–U+017F: é, «, œ),
 * a combining accent (U+0300–U+036F), typographic punctuation or € (U+2000–U+2FFF: ’, …, €),
 * a byte-order mark, or an emoji. Windows-1252 text forms other sequences by chance: "é" before
 * a no-break space and "»" (E9 A0 BB, as Word types « récépissé ») or "É" before one (C9 A0)
 * are well-formed UTF-8 for 頻 and ɠ.
 */
const UTF8_SEQUENCE = /[\xC2-\xC5\xCC\xCD][\x80-\xBF]|\xE2[\x80-\xBF]{2}|\xEF\xBB\xBF|[\xF0-\xF4][\x80-\xBF]{3}/;
const lineAt = (bytes: Uint8Array, offset: number) => bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;

function guideText(text: string): GuideText {
  if (text.replace(/^\uFEFF/, '').trim() === '') return { kind: 'rejected', line: 1, message: 'empty file: no guide text' };
  return { kind: 'text', text };
}

/** Far above any guide (a region's text is tens of kilobytes, its PDF a few megabytes). */
export const MAX_GUIDE_BYTES = 10 * 1024 * 1024;

const isPdfFile = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** The files a path names: itself, or every *.txt in it (sorted, for a stable order). */
async function guideFiles(path: string, cwd: string): Promise<{ files: string[]; problem: GuideProblem | null }> {
  const absolute = resolve(cwd, path);
  try {
    const info = await stat(absolute);
    if (!info.isDirectory()) return { files: [path], problem: null };
    const names = (await readdir(absolute)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
    if (names.length === 0) return { files: [], problem: { file: path, line: 1, message: 'no *.txt guide documents in this directory' } };
    return { files: names.map((n) => join(path, n)), problem: null };
  } catch (error) {
    return { files: [], problem: { file: path, line: 1, message: `cannot read: ${describe(error)}` } };
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads and parses guide documents. Never throws for bad input: unreadable,
 * empty, binary, damaged or oversized files become problems of the whole file
 * (`scope: 'file'`), a bad section a problem of that section, and the others still parse.
 */
export async function loadGuides(paths: string[], cwd: string, cache?: GuideCache): Promise<ParsedGuide> {
  const entries: GuideEntry[] = [];
  const problems: GuideProblem[] = [];
  for (const path of paths) {
    const { files, problem } = await guideFiles(path, cwd);
    if (problem) problems.push({ ...problem, scope: 'file' });
    for (const file of files) {
      const unusable = (line: number, message: string) => problems.push({ file, line, message, scope: 'file' });
      let bytes: Uint8Array;
      try {
        const size = (await stat(resolve(cwd, file))).size;
        if (size > MAX_GUIDE_BYTES) {
          unusable(1, `${(size / 1024 / 1024).toFixed(1)} MB: a guide document is at most ${MAX_GUIDE_BYTES / 1024 / 1024} MB (is this the right file?)`);
          continue;
        }
        bytes = await readFile(resolve(cwd, file));
      } catch (error) {
        unusable(1, `cannot read: ${describe(error)}`);
        continue;
      }
      const digest = cache ? sha256(bytes) : '';
      let parsed = cache?.get(file, digest) ?? null;
      if (!parsed) {
        // The parser (and the PDF reader) load only on a cache miss: a nightly rerun of the same guide needs neither.
        const text = isPdfFile(bytes) ? await (await import('./pdf.js')).readGuidePdf(bytes) : readGuideBytes(bytes);
        if (text.kind === 'rejected') {
          unusable(text.line, text.message);
          continue;
        }
        parsed = (await import('./parse.js')).parseGuide(text.text, file);
        cache?.put(file, digest, parsed);
      }
      entries.push(...parsed.entries);
      problems.push(...parsed.problems);
    }
  }
  // The same département in two documents is as wrong as twice in one.
  const duplicates = duplicateIds(entries).filter((p) => !problems.some((q) => q.file === p.file && q.line === p.line && q.message === p.message));
  problems.push(...duplicates);
  return { entries: firstPerId(entries), problems };
}
