import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/guide/parse.js';
import { GUIDE_CACHE_FILE, openGuideCache } from '../../src/snapshot/guide-cache.js';
import { StoreTransaction } from '../../src/snapshot/staging.js';
import { guideDocument, postalGuideText } from '../support/prefecture.js';

/** The parsed-guide cache beside the snapshots, in-process: what a night keeps and what it throws away. */
const SHA = 'a'.repeat(64);
const OTHER_SHA = 'b'.repeat(64);
const parsed = parseGuide(guideDocument('Normandie', [{ code: '14', departmentPhrase: 'du Calvados', prefecture: 'Caen', url: 'https://www.calvados.gouv.fr/aes', procedure: postalGuideText() }]), 'guide.txt');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-guide-cache-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function saved(reader: string): Promise<void> {
  const cache = openGuideCache(root, reader);
  cache.put('guide.txt', SHA, parsed);
  const tx = new StoreTransaction(root);
  await cache.save(tx);
  await tx.commit();
}

describe('the parsed-guide cache', () => {
  it('gives back, on the next night, the parse of the same guide bytes by the same reader', async () => {
    await saved('reader-1');
    expect(await readFile(join(root, GUIDE_CACHE_FILE), 'utf8')).toMatch(/\}\n$/);
    const next = openGuideCache(root, 'reader-1');
    expect(next.get('guide.txt', SHA)).toEqual({ entries: parsed.entries, problems: parsed.problems });
  });

  it('has nothing for edited guide bytes, another guide file, or another reader', async () => {
    await saved('reader-1');
    expect(openGuideCache(root, 'reader-1').get('guide.txt', OTHER_SHA)).toBeNull();
    expect(openGuideCache(root, 'reader-1').get('other.txt', SHA)).toBeNull();
    expect(openGuideCache(root, 'reader-2').get('guide.txt', SHA)).toBeNull();
  });

  it('ignores a damaged or foreign cache file', async () => {
    await mkdir(dirname(join(root, GUIDE_CACHE_FILE)), { recursive: true });
    for (const content of ['{ not json', 'null', JSON.stringify({ reader: 'reader-1', guides: { 'guide.txt': { sha256: 'short', entries: [], problems: [] } } })]) {
      await writeFile(join(root, GUIDE_CACHE_FILE), content);
      expect(openGuideCache(root, 'reader-1').get('guide.txt', 'short')).toBeNull();
    }
  });

  it('ignores a cache file edited since it was written: its entries are not checked one by one', async () => {
    await saved('reader-1');
    const path = join(root, GUIDE_CACHE_FILE);
    const written = await readFile(path, 'utf8');
    await writeFile(path, written.replace('"prefecture":"Caen"', '"prefecture":"Rouen"'));
    expect(await readFile(path, 'utf8')).not.toBe(written);
    expect(openGuideCache(root, 'reader-1').get('guide.txt', SHA)).toBeNull();
    await writeFile(path, written);
    expect(openGuideCache(root, 'reader-1').get('guide.txt', SHA)?.entries[0]?.prefecture).toBe('Caen');
  });

  it('keeps a guide whose file is named like an object property', async () => {
    const cache = openGuideCache(root, 'reader-1');
    cache.put('__proto__', SHA, parsed);
    const tx = new StoreTransaction(root);
    await cache.save(tx);
    await tx.commit();
    expect(openGuideCache(root, 'reader-1').get('__proto__', SHA)?.entries).toHaveLength(1);
  });

  it('writes nothing on a night that parsed nothing afresh', async () => {
    await saved('reader-1');
    const before = await readFile(join(root, GUIDE_CACHE_FILE), 'utf8');
    const quiet = openGuideCache(root, 'reader-1');
    expect(quiet.get('guide.txt', SHA)).not.toBeNull();
    const tx = new StoreTransaction(root);
    await quiet.save(tx);
    expect(tx.isEmpty).toBe(true);
    expect(await readFile(join(root, GUIDE_CACHE_FILE), 'utf8')).toBe(before);
  });

  it('keeps the other guides when one is parsed afresh', async () => {
    await saved('reader-1');
    const cache = openGuideCache(root, 'reader-1');
    cache.put('other.txt', OTHER_SHA, { entries: [], problems: [{ file: 'other.txt', line: 1, message: 'empty', scope: 'file' }] });
    const tx = new StoreTransaction(root);
    await cache.save(tx);
    await tx.commit();
    const next = openGuideCache(root, 'reader-1');
    expect(next.get('guide.txt', SHA)?.entries).toHaveLength(1);
    expect(next.get('other.txt', OTHER_SHA)?.problems).toEqual([{ file: 'other.txt', line: 1, message: 'empty', scope: 'file' }]);
  });
});
