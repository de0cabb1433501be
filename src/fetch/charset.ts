import { lazyRequire } from '../shared/lazy-require.js';

const sniffer = lazyRequire<typeof import('encoding-sniffer')>('encoding-sniffer');
const iconvLite = lazyRequire<typeof import('iconv-lite')>('iconv-lite');

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name, lower-cased (an `iso-8859-1` label decodes as `windows-1252`). */
  charset: string;
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
  let encoding = sniffer().getEncoding(buffer, {
    ...(label ? { transportLayerEncodingLabel: label } : {}),
    defaultEncoding: 'utf-8',
  });
  // A WHATWG name iconv-lite lacks is too rare to matter; UTF-8 is the safest reading.
  if (!iconv.encodingExists(encoding)) encoding = 'utf-8';
  return { text: iconv.decode(buffer, encoding), charset: encoding.toLowerCase() };
}
