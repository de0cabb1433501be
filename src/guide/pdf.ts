import { layoutPdfText } from '../shared/pdf/layout.js';
import { readPdf } from '../shared/pdf/reader.js';
import type { GuideText } from './entry.js';

/**
 * GISTI publishes its guides as PDFs: their text, laid out as lines and
 * paragraphs, goes to the same parser as a text file (which then drops the
 * running header and page numbers that survive the layout).
 */
export async function readGuidePdf(bytes: Uint8Array): Promise<GuideText> {
  const read = await readPdf(bytes);
  if (read.kind === 'failed') return { kind: 'rejected', line: 1, message: `cannot read this PDF: ${read.detail}` };
  const text = layoutPdfText(read.pages);
  if (text.trim() === '') return { kind: 'rejected', line: 1, message: 'this PDF has no text layer (a scan?): no guide section found' };
  return { kind: 'text', text };
}
