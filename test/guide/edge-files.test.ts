import { describe, expect, it } from 'vitest';
import { typesetA4 } from '../support/pdf.js';
import { fresh, sectionText } from './guide-text.js';

const loader = () => fresh(() => import('../../src/guide/load.js'));

describe('guide files at the edges of what the loader reads', () => {
  it('refuses as empty a file of byte-order marks only (an editor added one to a file that had one)', async () => {
    const { readGuideBytes } = await loader();
    expect(readGuideBytes(Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x0a]))).toEqual({ kind: 'rejected', line: 1, message: 'empty file: no guide text' });
  });

  it('reads a Windows-1252 guide whose words carry soft hyphens (â before one is not UTF-8)', async () => {
    // Word's optional hyphens survive a copy as U+00AD, byte AD in Windows-1252: "Châ-teau" is E2 AD 74.
    const text = 'Sous-préfectures : Châ\u00adteau-Gontier et Mayenne\n';
    const { readGuideBytes } = await loader();
    expect(readGuideBytes(Buffer.from(text, 'latin1'))).toEqual({ kind: 'text', text });
  });

  it('gives the text of a PDF guide, laid out as lines', async () => {
    const pdf = await typesetA4(sectionText(), { header: "gisti, groupe d'information et de soutien des immigré·e·s" });
    const { readGuidePdf } = await fresh(() => import('../../src/guide/pdf.js'));
    const read = await readGuidePdf(pdf);
    expect(read.kind).toBe('text');
    expect(read.kind === 'text' ? read.text.split('\n').filter(Boolean).slice(0, 3) : []).toEqual(["gisti, groupe d'information et de soutien des immigré·e·s", 'Région Normandie', 'Département du Calvados (14)']);
  });
});
