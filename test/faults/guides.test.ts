import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIssueMarker } from '../../src/notify/marker.js';
import { calvados, workspace, type Workspace } from '../check/fixture-run.js';
import { issueWorkspace } from '../notify/cli-workspace.js';
import { fakeGitHub } from '../notify/github-harness.js';
import { dsfrPage, guideDocument, postalGuideText, postalProcedure, type GuideSectionSpec } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';

/** Issue #10 B6: a bad section never stops the check of the good ones; an unusable file stops everything and touches nothing. */
let site: FixtureSite;
const ok = { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) };
const stale = { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure({ email: 'sejour-aes@testville.gouv.fr' }) }) };

beforeAll(async () => {
  site = await startSite({ '/calvados': ok, '/manche': stale }, '127.0.0.45');
});
afterAll(() => site.close());

const sections = (): GuideSectionSpec[] => [
  calvados(site.url('/calvados'), postalGuideText()),
  { ...calvados(site.url('/manche'), postalGuideText()), code: '50', departmentPhrase: 'de la Manche' },
];
/** The Orne section says "31/02/2023": an impossible date, so that section alone is bad. */
const withBadSection = () =>
  guideDocument('Normandie', [...sections(), { ...calvados(site.url('/orne'), postalGuideText()), code: '61', departmentPhrase: "de l'Orne", updated: '31/02/2023' }]);

const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = found.filter((f) => f.isFile() && !f.name.startsWith('.aes-watch.lock'));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [join(f.parentPath, f.name), createHash('sha256').update(await readFile(join(f.parentPath, f.name))).digest('hex')])));
}

describe('a bad section', () => {
  it('check checks every valid entry, writes the reports, updates the issues, lists the bad section with file and line, and exits 2', async () => {
    const github = await fakeGitHub();
    const ws = await issueWorkspace(github);
    const text = withBadSection();
    await writeFile(join(ws.dir, 'guide.txt'), text);
    const run = await ws.check();
    expect(run.code, run.stderr).toBe(2);
    const line = lineOf(text, 'Dernière mise à jour : 31/02/2023');
    const where = `${join(ws.dir, 'guide.txt')}:${line}: Orne (61): impossible date "31/02/2023" in "Dernière mise à jour"`;
    expect(run.stderr).toContain(where);
    const report = await ws.latest();
    expect(report.entries.map((e) => [e.id, e.status])).toEqual([
      ['14-calvados', 'ok'],
      ['50-manche', 'stale'],
    ]);
    expect(report.warnings).toEqual([`${where} (this section was not checked)`]);
    expect(await readFile(join(ws.reports, 'latest.md'), 'utf8')).toContain(where);
    expect(github.issues.map((i) => parseIssueMarker(i.body)?.entry)).toEqual(['50-manche']);
  });
});

describe('encodings', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });

  async function entriesOf(name: string, bytes: Buffer) {
    await writeFile(join(ws.dir, name), bytes);
    const run = await ws.run('guide', name, '--json');
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { entries: { location: { file: string } }[]; problems: unknown[] };
    expect(json.problems).toEqual([]);
    return json.entries.map((e) => ({ ...e, location: { ...e.location, file: 'guide' } }));
  }

  it('a UTF-8 BOM, CRLF line ends or a Latin-1 file parse exactly like the clean file', async () => {
    const clean = guideDocument('Normandie', sections());
    expect(clean).toMatch(/[éèà·]/);
    const expected = await entriesOf('clean.txt', Buffer.from(clean, 'utf8'));
    expect(expected).toHaveLength(2);
    expect(await entriesOf('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean, 'utf8')]))).toEqual(expected);
    expect(await entriesOf('crlf.txt', Buffer.from(clean.replace(/\n/g, '\r\n'), 'utf8'))).toEqual(expected);
    expect(await entriesOf('latin1.txt', iconv.encode(clean, 'latin1'))).toEqual(expected);
    expect(await entriesOf('cp1252-crlf.txt', iconv.encode(clean.replace(/\n/g, '\r\n'), 'win1252'))).toEqual(expected);
  });
});

describe('a whole file unusable: exit 2, every problem listed with file and line, no snapshot touched', () => {
  let ws: Workspace;
  let before: Record<string, string>;
  beforeEach(async () => {
    ws = await workspace();
    await writeFile(ws.guide, guideDocument('Normandie', sections()));
    const first = await ws.run('check', '--guide', ws.guide, '--snapshots', ws.snapshots, '--reports', ws.reports, '--per-host-delay', '0', '--retries', '0');
    expect(first.code, first.stderr).toBe(0);
    before = await fingerprint(ws.dir);
    expect(Object.keys(before).some((f) => f.endsWith('current.json'))).toBe(true);
  });

  const clean = () => guideDocument('Normandie', sections());
  const CASES: [string, () => Buffer, RegExp[]][] = [
    ['NUL bytes', () => Buffer.from(clean().replace('Bureau du séjour', 'Bureau\0 du séjour'), 'utf8'), [/^bad\.txt:\d+: NUL byte: the file is damaged or not guide text$/]],
    ['a binary file', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)), [/^bad\.txt:1: binary file, not guide text$/]],
    ['an empty file', () => Buffer.alloc(0), [/^bad\.txt:1: empty file: no guide text$/]],
    ['a 20 MB file', () => Buffer.from(clean().repeat(Math.ceil((20 * 1024 * 1024) / clean().length)), 'utf8'), [/^bad\.txt:1: 2\d\.\d MB: a guide document is at most 10 MB/]],
    [
      'two sections for the same département',
      () => Buffer.from(guideDocument('Normandie', [...sections(), { ...sections()[0]!, url: site.url('/calvados-bis') }]), 'utf8'),
      // Twice in bad.txt, and both départements already in the good guide given with it.
      [
        /^bad\.txt:\d+: duplicate section for 14-calvados \(first at bad\.txt:\d+\)$/,
        /^bad\.txt:\d+: duplicate section for 14-calvados \(first at .*guide\.txt:\d+\)$/,
        /^bad\.txt:\d+: duplicate section for 50-manche \(first at .*guide\.txt:\d+\)$/,
      ],
    ],
  ];

  it.each(CASES)('%s', async (_name, bytes, expected) => {
    await writeFile(join(ws.dir, 'bad.txt'), bytes());
    const requests = site.requests.length;
    const run = await ws.run('check', '--guide', ws.guide, '--guide', 'bad.txt', '--snapshots', ws.snapshots, '--reports', ws.reports, '--per-host-delay', '0', '--retries', '0');
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(lines[i]).toMatch(re));
    if (_name === 'NUL bytes') expect(lines[0]).toContain(`bad.txt:${lineOf(clean(), 'Bureau du séjour')}:`);
    expect(site.requests.length).toBe(requests);
    expect(await fingerprint(ws.dir)).toEqual({ ...before, [join(ws.dir, 'bad.txt')]: expect.any(String) });
  });
});
