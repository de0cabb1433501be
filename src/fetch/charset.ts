import { lazyRequire } from '../shared/lazy-require.js';

// The sniffer alone: the package's main module also loads iconv-lite, which most pages never need.
const sniffer = lazyRequire<typeof import('encoding-sniffer/sniffer')>('encoding-sniffer/sniffer');
const iconvLite = lazyRequire<typeof import('iconv-lite')>('iconv-lite');
/** UTF-8 (nearly every page) is decoded natively; like iconv-lite, it drops a BOM and replaces bad bytes with U+FFFD. */
const utf8 = new TextDecoder('utf-8');

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name, lower-cased (an `iso-8859-1` label decodes as `windows-1252`). */
  charset: string;
  /** A declared label no browser knows (`charset=x-klingon`): the body was read as windows-1252, as a browser would. */
  unknownLabel?: string;
}

// The Encoding Standard's labels for UTF-8. With one of them in the header and no UTF-16 BOM, the
// sniffing algorithm answers UTF-8 before it reads anything else: nearly every page, decoded without
// loading the sniffer (whatwg-encoding and two iconv-lite copies, 10 ms).
const UTF8_LABELS = new Set(['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
const isUtf8Label = (label: string): boolean => UTF8_LABELS.has(label.trim().toLowerCase());
const hasUtf16Bom = (b: Buffer): boolean => b.length >= 2 && ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe));

const NO_BYTES = Buffer.alloc(0);
/** Whether a WHATWG encoding label is known (an unknown one gets the default back; UTF-16LE never is one for HTML). */
const isKnownLabel = (label: string): boolean =>
  /^\s*utf-?16(le)?\s*$/i.test(label) || sniffer().getEncoding(NO_BYTES, { transportLayerEncodingLabel: label, defaultEncoding: 'UTF-16LE' }) !== 'UTF-16LE';

/** The label of a `<meta charset>` or `<meta http-equiv content="…charset=…">` in the first 1024 bytes. */
function metaCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 1024).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([^"'\s;>/]+)/i.exec(head)?.[1] ?? null;
}

/** The `charset` parameter of a Content-Type header, or null. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2] ?? '').trim();
  return label === '' ? null : label;
}

/**
 * Decodes a page body following the HTML encoding-sniffing order:
 * BOM, then the Content-Type charset, then `<meta charset>` /
 * `<meta http-equiv="Content-Type">`, else UTF-8. Old eZ Publish prefecture
 * sites still serve ISO-8859-1 and windows-1252.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const label = charsetFromContentType(contentType);
  if (label !== null && isUtf8Label(label) && !hasUtf16Bom(buffer)) return { text: utf8.decode(buffer), charset: 'utf-8' };
  const declared = [label, metaCharset(buffer)].filter((l): l is string => l !== null);
  const unknownLabel = declared.find((l) => !isKnownLabel(l));
  // Browsers ignore a label they do not know and, with nothing better, read the page as windows-1252.
  const fallBack = unknownLabel !== undefined && declared.every((l) => !isKnownLabel(l));
  let encoding = sniffer().getEncoding(buffer, {
    ...(label && isKnownLabel(label) ? { transportLayerEncodingLabel: label } : {}),
    defaultEncoding: fallBack ? 'windows-1252' : 'utf-8',
  });
  if (encoding.toLowerCase() === 'utf-8') return withLabel({ text: utf8.decode(buffer), charset: 'utf-8' }, fallBack, unknownLabel);
  const iconv = iconvLite();
  // A WHATWG name iconv-lite lacks is too rare to matter; UTF-8 is the safest reading.
  if (!iconv.encodingExists(encoding)) encoding = 'utf-8';
  return withLabel({ text: iconv.decode(buffer, encoding), charset: encoding.toLowerCase() }, fallBack, unknownLabel);
}

function withLabel(decoded: DecodedBody, fallBack: boolean, unknownLabel: string | undefined): DecodedBody {
  return fallBack ? { ...decoded, unknownLabel } : decoded;
}
