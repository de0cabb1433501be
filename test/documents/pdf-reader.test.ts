import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/shared/pdf/reader.js';
import { encryptedPdf, truncatedPdf, typesetA4 } from '../support/pdf.js';

const LONG = Array.from({ length: 1500 }, (_, i) => `Ligne ${i + 1} du dossier : pièces justificatives à fournir.`).join('\n');

describe('reading PDFs in a worker', () => {
  it('stops a PDF that takes longer than its limit, and the next one is read by a fresh worker', async () => {
    const slow = await readPdf(await typesetA4(LONG), { timeoutMs: 1 });
    expect(slow).toEqual({ kind: 'failed', problem: 'timeout', detail: 'reading the PDF took longer than 1 ms' });
    const next = await readPdf(await typesetA4('Dossier de demande AES'));
    expect(next.kind).toBe('read');
    if (next.kind === 'read') expect(next.pages[0]?.items.map((item) => item.text).join(' ')).toContain('Dossier de demande AES');
  });

  it('classifies truncated, encrypted and non-PDF bytes', async () => {
    const good = await typesetA4('Notice');
    expect(await readPdf(truncatedPdf(good))).toMatchObject({ kind: 'failed', problem: 'truncated' });
    expect(await readPdf(await encryptedPdf('Notice'))).toMatchObject({ kind: 'failed', problem: 'encrypted' });
    expect(await readPdf(Buffer.from('<html>Not found</html>'))).toMatchObject({ kind: 'failed', problem: 'invalid' });
  });
});
