import { lazyRequire } from '../shared/lazy-require.js';

const sniffer = lazyRequire<typeof import('encoding-sniffer')>('encoding-sniffer');
const iconvLite = lazyRequire<typeof import('iconv-lite')>('iconv-lite');

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name, lower-cased (an `iso-8859-1` label decodes as `windows-1252`). */
  charset: string;
  /** A declared label no browser knows (`charset=x-klingon`): the body was read as windows-1252, as a browser would. */
  unknownLabel?: string;
}

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
  const iconv = iconvLite();
  const declared = [label, metaCharset(buffer)].filter((l): l is string => l !== null);
  const unknownLabel = declared.find((l) => !isKnownLabel(l));
  // Browsers ignore a label they do not know and, with nothing better, read the page as windows-1252.
  const fallBack = unknownLabel !== undefined && declared.every((l) => !isKnownLabel(l));
  let encoding = sniffer().getEncoding(buffer, {
    ...(label && isKnownLabel(label) ? { transportLayerEncodingLabel: label } : {}),
    defaultEncoding: fallBack ? 'windows-1252' : 'utf-8',
  });
  // A WHATWG name iconv-lite lacks is too rare to matter; UTF-8 is the safest reading.
  if (!iconv.encodingExists(encoding)) encoding = 'utf-8';
  const decoded = { text: iconv.decode(buffer, encoding), charset: encoding.toLowerCase() };
  return fallBack ? { ...decoded, unknownLabel } : decoded;
}
