import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGuides, readGuideBytes } from '../../src/guide/load.js';
import { parseGuide } from '../../src/guide/parse.js';
import { formatProblem } from '../../src/guide/table.js';

const FIXTURES = new URL('../fixtures/guides/', import.meta.url).pathname;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aes-guide-'));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'blank.txt'), '\n  \n\t\n');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
  await writeFile(join(dir, 'guide.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'));
  // Latin-1 bytes: "Région" is 52 E9 67 69 6F 6E, invalid as UTF-8; on line 3.
  await writeFile(join(dir, 'latin1.txt'), Buffer.from('gisti\n\nR\xe9gion Normandie\n', 'latin1'));
  await writeFile(join(dir, 'utf16.txt'), Buffer.from('\ufeffRégion', 'utf16le'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bad input files', () => {
  it.each([
    ['empty.txt', 1, 'empty file: no guide text'],
    ['blank.txt', 1, 'empty file: no guide text'],
    ['binary.txt', 1, 'binary file, not guide text'],
    ['guide.pdf', 1, 'cannot read this PDF: the PDF is truncated: its 22 bytes end before the end-of-file marker (%%EOF)'],
    ['latin1.txt', 3, 'not valid UTF-8 (perhaps Latin-1 / Windows-1252): save the guide as UTF-8'],
    ['utf16.txt', 1, 'UTF-16 text: save the guide as UTF-8'],
  ])('%s is a problem at line %i, not a crash', async (name, line, message) => {
    const parsed = await loadGuides([name], dir);
    expect(parsed).toEqual({ entries: [], problems: [{ file: name, line, message }] });
  });

  it('reports a missing file and still parses the good ones given with it', async () => {
    const parsed = await loadGuides(['missing.txt', 'corse.txt', join(dir, 'empty.txt')], FIXTURES);
    expect(parsed.entries.map((e) => e.id)).toEqual(['2A-corse-du-sud', '2B-haute-corse']);
    expect(parsed.problems.map(formatProblem)).toEqual(['missing.txt:1: cannot read: no such file or directory', `${join(dir, 'empty.txt')}:1: empty file: no guide text`]);
  });

  it('reads every *.txt of a directory in sorted order', async () => {
    const parsed = await loadGuides(['.'], FIXTURES);
    expect(parsed.entries[0]?.location.file).toBe('corse.txt');
    expect(new Set(parsed.entries.map((e) => e.location.file))).toEqual(
      new Set(['corse.txt', 'guadeloupe.txt', 'ile-de-france.txt', 'malformed.txt', 'truncated.txt']),
    );
  });

  it('accepts (and drops) a UTF-8 byte-order mark', () => {
    expect(readGuideBytes(Buffer.from('\ufeffRégion Normandie\n', 'utf8'))).toEqual({ kind: 'text', text: 'Région Normandie\n' });
  });

  it('says there are no sections in text that is not a guide', () => {
    expect(parseGuide('Bonjour,\nceci est une lettre.\n', 'letter.txt')).toEqual({
      entries: [],
      problems: [{ file: 'letter.txt', line: 1, message: expect.stringContaining('no département sections found') }],
    });
  });
});

describe('malformed guide', () => {
  it('reports every problem at once, compiler style, and keeps the section that parses', async () => {
    const parsed = await loadGuides(['malformed.txt'], FIXTURES);
    expect(parsed.entries.map((e) => e.id)).toEqual(['35-ille-et-vilaine']);
    expect(parsed.entries[0]?.facts).toContainEqual(expect.objectContaining({ kind: 'address', postcode: '35026', cedex: '9' }));
    expect(parsed.problems.map(formatProblem)).toEqual([
      'malformed.txt:8: Finistère (29): impossible date "31/02/2023" in "Dernière mise à jour"',
      'malformed.txt:52: Morbihan (56): no "Dernière mise à jour : dd/mm/yyyy" date',
      'malformed.txt:71: Côtes-Bretonnes (99): unknown département code "99"',
      'malformed.txt:71: Côtes-Bretonnes (99): no source URL ("Les modalités sont consultables ici : <URL>")',
    ]);
  });

  it('reports a truncated guide: the missing section and the cut-off one', async () => {
    const parsed = await loadGuides(['truncated.txt'], FIXTURES);
    expect(parsed.entries.map((e) => e.id)).toEqual(['02-aisne']);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'truncated.txt:9: the contents list "Département de l\'Oise (60)" but no section for it follows (truncated guide?)',
      'truncated.txt:35: Nord (59): no "Les modalités sont reproduites ici :" text (truncated section?)',
    ]);
  });

  it('reports a section cut right after its header', () => {
    const parsed = parseGuide('Région Normandie\nDépartement du Calvados (14)\n', 'cut.txt');
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Calvados (14): no "Préfecture …" line',
      'Calvados (14): no "Dernière mise à jour : dd/mm/yyyy" date',
      `Calvados (14): no "La demande d'admission exceptionnelle se fait …" sentence`,
      'Calvados (14): no source URL ("Les modalités sont consultables ici : <URL>")',
      'Calvados (14): no "Les modalités sont reproduites ici :" text (truncated section?)',
    ]);
    expect(parsed.problems.every((p) => p.line === 2)).toBe(true);
  });

  it('reports an unreadable date, an invalid URL, conflicting prefecture names and a duplicate section', () => {
    const section = (code: string, date: string, url: string, pref2 = 'Préfecture de Caen') =>
      `Région Normandie\nDépartement du Calvados (${code})\nPréfecture de Caen\n${pref2}\nDernière mise à jour : ${date}\n` +
      `La demande d'admission exceptionnelle se fait par voie postale.\nLes modalités sont consultables ici : <${url}>\n` +
      `Les modalités sont reproduites ici :\nEnvoyez votre dossier par courrier.\n`;
    const text = [
      section('14', 'février 2023', 'https://www.calvados.gouv.fr/aes'),
      section('14', '22/02/2023', 'htp:/calvados', 'Préfecture de Bayeux'),
      section('14', '22/02/2023', 'https://www.calvados.gouv.fr/aes'),
      section('14', '23/02/2023', 'https://www.calvados.gouv.fr/aes'),
    ].join('\n');
    const parsed = parseGuide(text, 'g.txt');
    expect(parsed.entries.map((e) => [e.id, e.updated])).toEqual([['14-calvados', '2023-02-22']]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'g.txt:5: Calvados (14): unreadable date "février 2023" in "Dernière mise à jour" (expected dd/mm/yyyy)',
      'g.txt:14: Calvados (14): prefecture named both "Caen" and "Bayeux"',
      'g.txt:17: Calvados (14): invalid source URL "htp:/calvados"',
      'g.txt:32: duplicate section for 14-calvados (first at g.txt:22)',
    ]);
  });
});
