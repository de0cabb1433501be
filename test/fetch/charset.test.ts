import { getEncoding } from 'encoding-sniffer/sniffer';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody } from '../../src/fetch/charset.js';
import { seeded } from '../support/seeded.js';

const latin1 = (s: string) => iconv.encode(s, 'latin1');

describe('charsetFromContentType', () => {
  it('reads plain and quoted parameters', () => {
    expect(charsetFromContentType('text/html; charset=ISO-8859-1')).toBe('ISO-8859-1');
    expect(charsetFromContentType('text/html;charset="windows-1252"')).toBe('windows-1252');
  });
  it('is null without a charset', () => {
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});

describe('decodeBody', () => {
  it('prefers the BOM over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Préfecture</p>')]);
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1')).toEqual({ text: '<p>Préfecture</p>', charset: 'utf-8' });
  });
  it('prefers the header over <meta>', () => {
    const bytes = latin1('<meta charset="utf-8"><p>Sous-préfecture</p>');
    const decoded = decodeBody(bytes, 'text/html; charset=iso-8859-1');
    expect(decoded.text).toContain('Sous-préfecture');
    expect(decoded.charset).toBe('windows-1252');
  });
  it('falls back to <meta http-equiv> when the header has no charset', () => {
    const bytes = latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Dépôt</p>');
    expect(decodeBody(bytes, 'text/html').text).toContain('Dépôt');
  });
  it('ignores an unknown header label and uses <meta charset>', () => {
    const bytes = latin1('<meta charset="iso-8859-15"><p>Été</p>');
    const decoded = decodeBody(bytes, 'text/html; charset=bogus');
    expect(decoded).toEqual({ text: '<meta charset="iso-8859-15"><p>Été</p>', charset: 'iso-8859-15' });
  });
  it('defaults to UTF-8', () => {
    expect(decodeBody(Buffer.from('<p>Récépissé</p>'), null)).toEqual({ text: '<p>Récépissé</p>', charset: 'utf-8' });
  });
  // UTF-8 is decoded natively, not by iconv-lite: the same text for any bytes, broken ones included.
  it('reads broken UTF-8 as iconv-lite does: a BOM dropped, bad bytes as U+FFFD', () => {
    const random = seeded(2026);
    const byte = () => {
      const r = random();
      if (r < 0.3) return Math.floor(random() * 0x80);
      if (r < 0.5) return 0xef + Math.floor(random() * 5);
      return 0x80 + Math.floor(random() * 0x80);
    };
    let replaced = 0;
    for (let i = 0; i < 5000; i += 1) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 12) }, byte));
      if (i % 7 === 0) bytes.set([0xef, 0xbb, 0xbf].slice(0, bytes.length));
      const decoded = decodeBody(bytes, 'text/html; charset=utf-8');
      expect(decoded.charset).toBe('utf-8');
      expect(decoded.text, bytes.toString('hex')).toBe(iconv.decode(bytes, 'utf-8'));
      if (decoded.text.includes('\ufffd')) replaced += 1;
    }
    expect(replaced).toBeGreaterThan(1000);
  });
  // Pages whose header says UTF-8 skip the sniffer: the sniffer itself is the reference they must agree with.
  it('answers as the WHATWG sniffer does for every UTF-8 header label, whatever the BOM and <meta> say', () => {
    const labels = ['utf-8', 'UTF-8', 'utf8', ' Utf8 ', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8', 'utf-16', 'latin1'];
    const boms = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];
    const metas = ['', '<meta charset="iso-8859-1">', '<meta charset="x-klingon">', '<meta charset="utf-8">'];
    let utf16 = 0;
    for (const label of labels) {
      for (const bom of boms) {
        for (const meta of metas) {
          const bytes = Buffer.concat([Buffer.from(bom), Buffer.from(`${meta}<p>Récépissé</p>`)]);
          const expected = getEncoding(bytes, { transportLayerEncodingLabel: label, defaultEncoding: 'utf-8' }).toLowerCase();
          const decoded = decodeBody(bytes, `text/html; charset="${label}"`);
          expect(decoded.charset, `${label} ${bom.join(',')} ${meta}`).toBe(expected);
          expect(decoded.text).toBe(iconv.decode(bytes, expected));
          if (expected.startsWith('utf-16')) utf16 += 1;
        }
      }
    }
    expect(utf16).toBeGreaterThan(40); // the UTF-16 BOMs won over the UTF-8 labels
  });
});
