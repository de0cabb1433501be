import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunReport } from '../../src/report/schema.js';
import { GUIDE_CACHE_FILE } from '../../src/snapshot/guide-cache.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvados, workspace, type Workspace } from './fixture-run.js';

/**
 * The parsed-guide cache, through the built CLI (only the bundle knows the
 * guide reader's fingerprint): a night reads the guide from the cache when
 * its bytes and the reader are the same, and parses it afresh otherwise.
 */
const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const PAGE = '/Demarches/Etrangers/Admission-exceptionnelle';
const OTHER = '/Demarches/Etrangers/Autre-page';

interface CachedFile {
  reader: string;
  sha256: string;
  guides: Record<string, { sha256: string; entries: { sources: { url: string }[] }[] }>;
}

async function check(ws: Workspace): Promise<{ code: number | null; stderr: string; report: RunReport }> {
  const args = [CLI, 'check', '--guide', ws.guide, '--snapshots', ws.snapshots, '--reports', ws.reports, '--per-host-delay', '0', '--retries', '0', '--timeout', '5000'];
  const child = spawn(process.execPath, args, { cwd: ws.dir, env: { ...process.env, AES_WATCH_LOG: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stderr, report: RunReport.parse(JSON.parse(await readFile(join(ws.reports, 'latest.json'), 'utf8'))) };
}

describe('the parsed-guide cache (built CLI)', () => {
  let site: FixtureSite;
  let ws: Workspace;
  const cachePath = () => join(ws.snapshots, GUIDE_CACHE_FILE);
  const readCache = async () => JSON.parse(await readFile(cachePath(), 'utf8')) as CachedFile;
  const cited = (report: RunReport) => report.entries[0]?.sources.map((source) => source.url);

  beforeAll(async () => {
    site = await startSite({}, '127.0.13.7');
    const page = { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) };
    site.set(PAGE, page);
    site.set(OTHER, page);
  });
  afterAll(() => site.close());
  beforeEach(async () => {
    ws = await workspace();
    await ws.writeGuide([calvados(site.url(PAGE), postalGuideText())]);
  });
  afterEach(() => rm(ws.dir, { recursive: true, force: true }));

  it('keeps the parse of the guide bytes, reads it on the next night, and parses an edited guide afresh', async () => {
    const first = await check(ws);
    expect(first.code).toBe(0);
    const stored = await readCache();
    const sha256 = createHash('sha256').update(await readFile(ws.guide)).digest('hex');
    expect(stored.guides[ws.guide]?.sha256).toBe(sha256);
    expect(stored.guides[ws.guide]?.entries[0]?.sources[0]?.url).toBe(site.url(PAGE));

    // An edited cache file no longer matches its checksum: the guide is parsed again.
    stored.guides[ws.guide]!.entries[0]!.sources[0]!.url = site.url(OTHER);
    await writeFile(cachePath(), JSON.stringify(stored));
    const edited = await check(ws);
    expect(edited.code).toBe(0);
    expect(cited(edited.report)).toEqual([site.url(PAGE)]);

    // The cached parse is what the next night checks: a planted one, with its checksum, shows through.
    stored.sha256 = createHash('sha256').update(JSON.stringify(stored.guides)).digest('hex');
    await writeFile(cachePath(), JSON.stringify(stored));
    const second = await check(ws);
    expect(second.code).toBe(0);
    expect(cited(second.report)).toEqual([site.url(OTHER)]);

    // An edited guide has other bytes: it is parsed again, and the cache follows it.
    await writeFile(ws.guide, (await readFile(ws.guide, 'utf8')) + '\n');
    const third = await check(ws);
    expect(cited(third.report)).toEqual([site.url(PAGE)]);
    expect((await readCache()).guides[ws.guide]?.sha256).not.toBe(sha256);
  });

  it('ignores a cache made by other reader code, or a damaged one, and rebuilds it', async () => {
    await check(ws);
    const stored = await readCache();
    stored.guides[ws.guide]!.entries[0]!.sources[0]!.url = site.url(OTHER);
    await writeFile(cachePath(), JSON.stringify({ ...stored, reader: 'an older aes-watch' }));
    const other = await check(ws);
    expect(other.code).toBe(0);
    expect(cited(other.report)).toEqual([site.url(PAGE)]);
    expect((await readCache()).reader).toBe(stored.reader);

    await writeFile(cachePath(), '{"reader": "' + stored.reader + '", "guides": {"x": 1');
    const damaged = await check(ws);
    expect(damaged.code).toBe(0);
    expect(damaged.report.entries.map((entry) => entry.status)).toEqual(['ok']);
    expect((await readCache()).guides[ws.guide]?.entries[0]?.sources[0]?.url).toBe(site.url(PAGE));
  });

  it('writes nothing on a night whose guide is unchanged', async () => {
    await check(ws);
    const before = await readFile(cachePath(), 'utf8');
    const mtime = statSync(cachePath()).mtimeMs;
    await check(ws);
    expect(await readFile(cachePath(), 'utf8')).toBe(before);
    expect(statSync(cachePath()).mtimeMs).toBe(mtime);
  });
});
