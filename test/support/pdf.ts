import { PDFDocument, PDFHexString, PDFName, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * PDFs for the tests, written with pdf-lib: A4 pages, Helvetica, greedy
 * wrapping that hyphenates long words like a typesetter, a running header and
 * "n / N" page numbers. Content is the test's own.
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = { left: 56, right: 56, top: 72, bottom: 64 };

export interface TypesetOptions {
  /** Printed at the top of every page. */
  header?: string;
  /** Font size of the body. Default 11. */
  size?: number;
  /** Lines equal to this start a new page and are not printed (the header takes their place). */
  pageBreakAt?: string;
  title?: string;
}

/** A word of six letters or more, perhaps followed by punctuation. */
const HYPHENABLE = /^\p{L}{6,}[,.;:)]?$/u;

/** Splits a word that does not fit: a letters-only word is hyphenated, anything else (a URL) cut where the line ends. */
function splitWord(word: string, room: number, font: PDFFont, size: number): [string, string] | null {
  const letters = HYPHENABLE.test(word);
  for (let cut = word.length - (letters ? 3 : 1); cut >= (letters ? 3 : 1); cut--) {
    const head = letters ? `${word.slice(0, cut)}-` : word.slice(0, cut);
    if (font.widthOfTextAtSize(head, size) <= room) return [head, word.slice(cut)];
  }
  return null;
}

function wrap(text: string, width: number, font: PDFFont, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/ +/);
  while (words.length > 0) {
    const word = words.shift() as string;
    const candidate = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    const room = width - font.widthOfTextAtSize(line === '' ? '' : `${line} `, size);
    const tooWide = font.widthOfTextAtSize(word, size) > width;
    const long = tooWide || HYPHENABLE.test(word);
    const split = long ? splitWord(word, room, font, size) : null;
    if (split) {
      lines.push(line === '' ? split[0] : `${line} ${split[0]}`);
      words.unshift(split[1]);
      line = '';
    } else {
      lines.push(line);
      line = '';
      words.unshift(word);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export async function typesetA4(text: string, options: TypesetOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (options.title) doc.setTitle(options.title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = options.size ?? 11;
  const leading = size * 1.2;
  const width = A4[0] - MARGIN.left - MARGIN.right;
  const pages: PDFPage[] = [];
  let page: PDFPage | null = null;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN.top;
  };
  newPage();
  for (const raw of text.split('\n')) {
    const source = raw.trim();
    if (options.pageBreakAt && source === options.pageBreakAt) {
      if (y < A4[1] - MARGIN.top) newPage();
      continue;
    }
    if (source === '') {
      y -= leading;
      continue;
    }
    for (const line of wrap(source, width, font, size)) {
      if (y < MARGIN.bottom) newPage();
      (page as unknown as PDFPage).drawText(line, { x: MARGIN.left, y, size, font });
      y -= leading;
    }
  }
  pages.forEach((p, index) => {
    if (options.header) p.drawText(options.header, { x: MARGIN.left, y: A4[1] - 30, size: 8, font });
    const number = `${index + 1} / ${pages.length}`;
    p.drawText(number, { x: A4[0] - MARGIN.right - font.widthOfTextAtSize(number, 8), y: 26, size: 8, font });
  });
  return doc.save({ useObjectStreams: false });
}

/** A PDF whose trailer says it is encrypted with a user password nobody gave us. */
export async function encryptedPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await typesetA4(text));
  const context = doc.context;
  const filled = (byte: string) => PDFHexString.of(byte.repeat(32));
  const encrypt = context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, O: filled('4f'), U: filled('55'), P: -44 });
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([filled('0a'), filled('0a')]);
  return doc.save({ useObjectStreams: false });
}

/** The first part of a PDF, as a download cut short leaves it. */
export const truncatedPdf = (bytes: Uint8Array, keep = 0.6): Uint8Array => bytes.slice(0, Math.floor(bytes.length * keep));
