import { layoutPdfText } from '../shared/pdf/layout.js';
import { isPdf, readPdf } from '../shared/pdf/reader.js';
import { normaliseText } from './normalise.js';

/** Bump when a document's text changes for the same bytes: stored texts are read again. */
export const DOCUMENT_READER_VERSION = 1;

export type DocumentText =
  /** A PDF's text as Markdown paragraphs (running headers and page numbers dropped). */
  | { kind: 'text'; text: string; pages: number }
  /** DOCX, ODT and anything else that is not a PDF: compared by its bytes' hash, never parsed. */
  | { kind: 'hashed'; text: string }
  | { kind: 'extraction-failed'; detail: string };

const ZIP_FORMATS: Record<string, string> = { docx: 'DOCX', odt: 'ODT', xlsx: 'XLSX', ods: 'ODS', zip: 'ZIP' };

function formatName(bytes: Uint8Array, format: string | null): string {
  if (format && ZIP_FORMATS[format]) return ZIP_FORMATS[format] as string;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'ZIP-based (DOCX/ODT)';
  return (format ?? 'binary').toUpperCase();
}

/** What a stored hashed document says in its Markdown file: enough for git and an editor. */
const hashedNote = (name: string, bytes: Uint8Array, sha256: string) =>
  `${name} file of ${bytes.length} bytes, sha256 ${sha256}: compared by its hash, not read.\n`;

/**
 * Reads one downloaded document. A PDF goes to pdf.js in a worker with a time
 * limit, so a hostile or broken file fails only itself; other formats are hashed.
 */
export async function readDocumentText(bytes: Uint8Array, options: { format: string | null; sha256: string; timeoutMs?: number }): Promise<DocumentText> {
  if (!isPdf(bytes)) {
    if (options.format === 'pdf') return { kind: 'extraction-failed', detail: 'the link says PDF but the file is not one (no %PDF- header)' };
    return { kind: 'hashed', text: hashedNote(formatName(bytes, options.format), bytes, options.sha256) };
  }
  const read = await readPdf(bytes, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  if (read.kind === 'failed') return { kind: 'extraction-failed', detail: read.detail };
  return { kind: 'text', text: normaliseText(layoutPdfText(read.pages)), pages: read.pages.length };
}
