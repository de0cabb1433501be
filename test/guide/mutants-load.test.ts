import { createHash } from 'node:crypto';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { GUIDE_CACHE_FILE, openGuideCache } from '../../src/snapshot/guide-cache.js';
import { typesetA4 } from '../support/pdf.js';
import { tempFolder } from '../support/temp.js';
import { fresh, sectionText, itEach } from './guide-text.js';

const loader = () => fresh(() => import('../../src/guide/load.js'));
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('bytes that are not guide text', () => {
  itEach([
    ['a JPEG photo of the guide', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00]), 'binary file, not guide text'],
    ['UTF-16 (big-endian, with its mark)', Buffer.from('\ufeffRégion Normandie', 'utf16le').swap16(), 'UTF-16 text: save the guide as UTF-8'],
    ['UTF-16 without a mark', Buffer.from('Région Normandie', 'utf16le'), 'binary file, not guide text'],
    ['control bytes without a NUL', bytes('Région', [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]), 'binary file, not guide text'],
    ['a byte-order mark and nothing else', bytes([0xef, 0xbb, 0xbf]), 'empty file: no guide text'],
  ])('refuses %s', async (_, input, message) => {
    const { readGuideBytes } = await loader();
    expect(readGuideBytes(input)).toEqual({ kind: 'rejected', line: 1, message });
  });

  itEach([
    ['short CRLF lines', 'Bayeux\r\nLisieux\r\nVire\r\n'],
    ['short CR lines', 'Bayeux\rLisieux\rVire\r'],
    ['form feeds between pages', 'Page 1\fPage 2\fPage 3\f'],
    ['tabs', 'Bayeux\tLisieux\tVire\t'],
    ['a DOS end-of-file mark', 'Guide du Calvados. \x1a'],
  ])('reads text with %s', async (_, text) => {
    const { readGuideBytes } = await loader();
    expect(readGuideBytes(Buffer.from(text, 'utf8'))).toEqual({ kind: 'text', text });
  });

  it('refuses a NUL byte in text, on its line', async () => {
    const { readGuideBytes } = await loader();
    expect(readGuideBytes(bytes('Région Normandie\nDépartement du Calvados (14)\nPré', [0], 'fecture de Caen\n'))).toEqual({
      kind: 'rejected',
      line: 3,
      message: 'NUL byte: the file is damaged or not guide text',
    });
    expect(readGuideBytes(bytes([0], 'Région Normandie\nDépartement du Calvados (14)\n')).kind).toBe('rejected');
  });
});

describe('loading guide files and folders', () => {
  it('reads the *.txt files of a folder in name order, and nothing else', async () => {
    const dir = await tempFolder('aes-guide-load-');
    await writeFile(join(dir, 'b-bretagne.txt'), sectionText({ region: ['Région Bretagne'], department: 'Département du Finistère (29)', prefecture: ['Préfecture de Quimper'] }));
    await writeFile(join(dir, 'A-NORMANDIE.TXT'), sectionText());
    await writeFile(join(dir, 'notes.md'), 'Notes de relecture\n');
    const parsed = await (await loader()).loadGuides(['.'], dir);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.location.file])).toEqual([
      ['14-calvados', 'A-NORMANDIE.TXT'],
      ['29-finistere', 'b-bretagne.txt'],
    ]);
  });

  it('reports a folder with no *.txt guide in it, for the whole file', async () => {
    const dir = await tempFolder('aes-guide-load-');
    await mkdir(join(dir, 'guides'));
    await writeFile(join(dir, 'guides', 'notes.md'), 'Notes\n');
    expect(await (await loader()).loadGuides(['guides'], dir)).toEqual({
      entries: [],
      problems: [{ file: 'guides', line: 1, message: 'no *.txt guide documents in this directory', scope: 'file' }],
    });
  });

  it('reports paths it cannot read, and reads the others', async () => {
    const dir = await tempFolder('aes-guide-load-');
    await writeFile(join(dir, 'normandie.txt'), sectionText());
    await mkdir(join(dir, 'old.txt'));
    await mkdir(join(dir, 'more'));
    await mkdir(join(dir, 'more', 'old.txt'));
    const parsed = await (await loader()).loadGuides(['missing.txt', 'normandie.txt/x.txt', 'more', 'normandie.txt'], dir);
    expect(parsed.entries.map((e) => e.id)).toEqual(['14-calvados']);
    expect(parsed.problems).toEqual([
      { file: 'missing.txt', line: 1, message: 'cannot read: no such file or directory', scope: 'file' },
      { file: 'normandie.txt/x.txt', line: 1, message: `cannot read: ENOTDIR: not a directory, stat '${resolve(dir, 'normandie.txt/x.txt')}'`, scope: 'file' },
      { file: join('more', 'old.txt'), line: 1, message: 'cannot read: EISDIR: illegal operation on a directory, read', scope: 'file' },
    ]);
  });

  it('refuses a file over 10 MB without reading it, and reads one of 10 MB', async () => {
    const dir = await tempFolder('aes-guide-load-');
    const { loadGuides, MAX_GUIDE_BYTES } = await loader();
    await writeFile(join(dir, 'big.txt'), '');
    await truncate(join(dir, 'big.txt'), MAX_GUIDE_BYTES + 200 * 1024);
    await writeFile(join(dir, 'limit.txt'), '');
    await truncate(join(dir, 'limit.txt'), MAX_GUIDE_BYTES);
    expect((await loadGuides(['big.txt', 'limit.txt'], dir)).problems).toEqual([
      { file: 'big.txt', line: 1, message: '10.2 MB: a guide document is at most 10 MB (is this the right file?)', scope: 'file' },
      { file: 'limit.txt', line: 1, message: 'binary file, not guide text', scope: 'file' },
    ]);
  });

  it('reports the same département in two files once, for the whole file, and keeps the first', async () => {
    const dir = await tempFolder('aes-guide-load-');
    await writeFile(join(dir, 'a.txt'), sectionText());
    await writeFile(join(dir, 'b.txt'), sectionText({ prefecture: ['Préfecture de Bayeux'] }));
    const { loadGuides } = await loader();
    const parsed = await loadGuides(['a.txt', 'b.txt'], dir);
    expect(parsed.entries.map((e) => [e.id, e.prefecture])).toEqual([['14-calvados', 'Caen']]);
    expect(parsed.problems).toEqual([{ file: 'b.txt', line: 2, message: 'duplicate section for 14-calvados (first at a.txt:2)', scope: 'file' }]);
    expect((await loadGuides(['missing.txt', 'a.txt', 'b.txt'], dir)).problems).toEqual([
      { file: 'missing.txt', line: 1, message: 'cannot read: no such file or directory', scope: 'file' },
      { file: 'b.txt', line: 2, message: 'duplicate section for 14-calvados (first at a.txt:2)', scope: 'file' },
    ]);
  });
});

describe('the guide cache', () => {
  it('stores a parse under the digest of the bytes, and uses it for the same bytes instead of parsing again', async () => {
    const dir = await tempFolder('aes-guide-load-');
    const text = sectionText();
    await writeFile(join(dir, 'normandie.txt'), text);
    const digest = createHash('sha256').update(text).digest('hex');
    const { loadGuides } = await loader();

    const cache = openGuideCache(join(dir, 'snapshots'), 'reader-1');
    const first = await loadGuides(['normandie.txt'], dir, cache);
    expect(cache.get('normandie.txt', digest)).toEqual(first);

    // A cache file left by an earlier run of the same reader for these very bytes is used as is.
    const earlier = { ...first, entries: first.entries.map((e) => ({ ...e, prefecture: 'Caen (parsed by an earlier run)' })) };
    await mkdir(join(dir, 'snapshots', '.aes-watch-cache'), { recursive: true });
    const guides = { 'normandie.txt': { sha256: digest, ...earlier } };
    const checksum = createHash('sha256').update(JSON.stringify(guides)).digest('hex');
    await writeFile(join(dir, 'snapshots', GUIDE_CACHE_FILE), JSON.stringify({ reader: 'reader-1', sha256: checksum, guides }));
    const cached = await loadGuides(['normandie.txt'], dir, openGuideCache(join(dir, 'snapshots'), 'reader-1'));
    expect(cached.entries.map((e) => e.prefecture)).toEqual(['Caen (parsed by an earlier run)']);
  });
});

describe('PDF guides', () => {
  it('reads the text of a PDF guide', async () => {
    const dir = await tempFolder('aes-guide-load-');
    await writeFile(join(dir, 'normandie.pdf'), await typesetA4(sectionText(), { header: "gisti, groupe d'information et de soutien des immigré·e·s" }));
    const parsed = await (await loader()).loadGuides(['normandie.pdf'], dir);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.prefecture, e.updated])).toEqual([['14-calvados', 'Caen', '2023-02-22']]);
  });

  it('refuses a PDF with no text layer', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const { readGuidePdf } = await fresh(() => import('../../src/guide/pdf.js'));
    expect(await readGuidePdf(await doc.save())).toEqual({ kind: 'rejected', line: 1, message: 'this PDF has no text layer (a scan?): no guide section found' });
  });
});
