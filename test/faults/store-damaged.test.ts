import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calvados, workspace, type Workspace } from '../check/fixture-run.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';

/**
 * Issue #10 B2: a damaged store never stops the night. The damaged file is
 * moved aside (never deleted), named in the report's warnings, and the source
 * is read as having no usable previous snapshot.
 */
let site: FixtureSite;
beforeAll(async () => {
  site = await startSite({ '/aes': { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) } }, '127.0.10.3');
});
afterAll(() => site.close());

async function firstNight(): Promise<{ ws: Workspace; source: string; entry: string }> {
  const ws = await workspace();
  await ws.writeGuide([calvados(site.url('/aes'), postalGuideText())]);
  await ws.check();
  const entry = join(ws.snapshots, '14-calvados');
  const [key] = (await readdir(entry, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  return { ws, source: join(entry, key!), entry };
}

const GARBAGE = Buffer.from([0x00, 0xff, 0xfe, 0x1f, 0x8b, 0x08, 0x7b, 0x22, 0x00, 0x9c]);

type Damage = { file: string; damage: (path: string) => Promise<Buffer | 'folder'> };
const truncate = async (path: string) => {
  const bytes = (await readFile(path)).subarray(0, 40);
  await writeFile(path, bytes);
  return bytes;
};
const empty = async (path: string) => (await writeFile(path, ''), Buffer.alloc(0));
const garbage = async (path: string) => (await writeFile(path, GARBAGE), GARBAGE);
const folder = async (path: string) => {
  await rm(path, { force: true });
  await mkdir(path);
  await writeFile(join(path, 'kept.txt'), 'someone put this here');
  return 'folder' as const;
};

async function movedAside(dir: string, name: string): Promise<string> {
  const moved = (await readdir(dir)).filter((f) => f.startsWith(`${name}.damaged-`));
  expect(moved, `${name} moved aside once`).toHaveLength(1);
  expect(moved[0]).toMatch(/\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
  return join(dir, moved[0]!);
}

async function expectKept(path: string, before: Buffer | 'folder') {
  if (before === 'folder') expect(await readFile(join(path, 'kept.txt'), 'utf8')).toBe('someone put this here');
  else expect(await readFile(path)).toEqual(before);
}

describe('a damaged current snapshot', () => {
  const cases: [string, Damage][] = [
    ['truncated current.json', { file: 'current.json', damage: truncate }],
    ['empty current.json', { file: 'current.json', damage: empty }],
    ['garbage bytes in current.json', { file: 'current.json', damage: garbage }],
    ['garbage bytes in current.md', { file: 'current.md', damage: garbage }],
    ['a folder where current.json should be', { file: 'current.json', damage: folder }],
    ['a folder where current.html should be', { file: 'current.html', damage: folder }],
  ];
  it.each(cases)('%s: exit 0, moved aside and listed, the source read as new', async (_, { file, damage }) => {
    const { ws, source } = await firstNight();
    const before = await damage(join(source, file));
    const run = await ws.check();
    expect(run.code).toBe(0);
    const moved = await movedAside(source, file);
    await expectKept(moved, before);
    expect(run.report.warnings).toHaveLength(1);
    expect(run.report.warnings[0]).toContain(moved);
    // No usable previous snapshot: tonight's page is stored again, as on a first night.
    const entry = run.report.entries[0]!;
    expect(entry).toMatchObject({ status: 'ok', reasons: [], changedSinceLastRun: true });
    expect(JSON.parse(await readFile(join(source, 'current.json'), 'utf8'))).toMatchObject({ httpStatus: 200 });
  });
});

describe('a damaged state.json', () => {
  it.each([
    ['truncated', (p: string) => writeFile(p, '{"consecutiveFail').then(() => Buffer.from('{"consecutiveFail'))],
    ['empty', empty],
    ['garbage bytes', garbage],
    ['a folder', folder],
  ] as const)('%s: exit 0, moved aside and listed, the count starts again', async (_, damage) => {
    const { ws, entry } = await firstNight();
    const before = await damage(join(entry, 'state.json'));
    const run = await ws.check();
    expect(run.code).toBe(0);
    const moved = await movedAside(entry, 'state.json');
    await expectKept(moved, before);
    expect(run.report.warnings.join('\n')).toContain(moved);
    expect(run.report.entries[0]).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
  });
});

describe('a damaged reviewed baseline', () => {
  const cases: [string, (source: string) => Promise<string>][] = [
    ['baseline.md without its baseline.json', async (source) => (await rm(join(source, 'baseline.json')), 'baseline.md')],
    ['truncated baseline.json', async (source) => (await truncate(join(source, 'baseline.json')), 'baseline.json')],
  ];
  it.each(cases)('%s: never replaced without accept, and the entry says why', async (_, damage) => {
    const { ws, source } = await firstNight();
    const file = await damage(source);
    const before = await readFile(join(source, file));
    const run = await ws.check();
    expect(run.code).toBe(0);
    await expectKept(await movedAside(source, file), before);
    const entry = run.report.entries[0]!;
    expect(entry.status).toBe('stale');
    expect(entry.reasons).toEqual([expect.objectContaining({ code: 'baseline-damaged', detail: expect.stringMatching(/baseline snapshot was damaged .*run accept/) })]);
    // The page is fine and would make a first-run baseline: it must not, tonight or later, until an editor accepts.
    expect((await readdir(source)).filter((f) => /^baseline\.(json|md|html)$/.test(f))).toEqual([]);
    expect((await ws.check()).report.entries[0]).toMatchObject({ status: 'stale', reasons: [{ code: 'baseline-damaged' }] });
    expect((await readdir(source)).filter((f) => /^baseline\.(json|md|html)$/.test(f))).toEqual([]);

    expect((await ws.run('accept', '14', '--snapshots', ws.snapshots)).code).toBe(0);
    expect((await readdir(source)).filter((f) => /^baseline\.(json|md|html)$/.test(f)).sort()).toEqual(['baseline.html', 'baseline.json', 'baseline.md']);
    expect((await ws.check()).report.entries[0]).toMatchObject({ status: 'ok', reasons: [] });
  });
});
