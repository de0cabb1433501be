import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideEntry } from '../../src/guide/entry.js';
import { aesWatch } from '../support/cli.js';
import { typesetA4 } from '../support/pdf.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HEADER = "gisti, groupe d'information et de soutien des immigré·e·s";
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aes-guide-pdf-'));
  const text = await readFile(join(ROOT, 'data/guides/normandie.txt'), 'utf8');
  await writeFile(join(dir, 'normandie.pdf'), await typesetA4(text, { header: HEADER, pageBreakAt: HEADER, title: 'Normandie' }));
  await writeFile(join(dir, 'lettre.pdf'), await typesetA4('Bonjour,\n\nCeci est une lettre sans section de guide.\n', { header: HEADER }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const withoutLocation = ({ location: _location, ...entry }: GuideEntry) => entry;

async function entriesOf(file: string, cwd: string): Promise<GuideEntry[]> {
  const run = await aesWatch(['guide', file, '--json'], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { entries: GuideEntry[] }).entries;
}

describe('aes-watch guide <file.pdf>', () => {
  it('reads the Normandy guide typeset as A4 pages with a running header into the same four entries as the text file', async () => {
    const fromText = await entriesOf('data/guides/normandie.txt', ROOT);
    const fromPdf = await entriesOf(join(dir, 'normandie.pdf'), dir);
    expect(fromPdf.map((e) => e.id)).toEqual(['14-calvados', '50-manche', '61-orne', '76-seine-maritime']);
    expect(fromPdf.map(withoutLocation)).toEqual(fromText.map(withoutLocation));
  });

  it('check --guide takes the PDF too and checks its four entries', async () => {
    const run = await aesWatch(['check', '--guide', 'normandie.pdf', '--snapshots', 'snapshots', '--reports', 'reports', '--retries', '0', '--per-host-delay', '0', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { guides: string[]; entries: { id: string; sources: { url: string }[] }[] };
    expect(report.guides).toEqual(['normandie.pdf']);
    expect(report.entries.map((e) => [e.id, e.sources[0]?.url])).toEqual(
      (await entriesOf('data/guides/normandie.txt', ROOT)).map((e) => [e.id, e.sources[0]?.url]),
    );
  });

  it('exits 2 naming a PDF that holds no guide section', async () => {
    const run = await aesWatch(['guide', 'lettre.pdf'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^lettre\.pdf:1: no département sections found/);
  });
});
