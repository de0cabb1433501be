import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspace, type Workspace } from '../check/fixture-run.js';
import { PATHS, orneSection, startCmsSite, type CmsSite } from '../support/current-cms.js';

/** `aes-watch discover <id|dept>... [--json]`: only the search, whatever the entry's state. */
let site: CmsSite;
let ws: Workspace;

beforeAll(async () => {
  site = await startCmsSite('127.0.61.40');
  ws = await workspace();
  await ws.writeGuide([orneSection(site.url(PATHS.old301)), { ...orneSection(site.url(PATHS.aes)), code: '72', departmentPhrase: 'de la Sarthe' }]);
});
afterAll(() => site.close());

const discover = (...args: string[]) => ws.run('discover', ...args, '--guide', ws.guide, '--snapshots', ws.snapshots, '--per-host-delay', '0', '--timeout', '2000');

describe('aes-watch discover', () => {
  it('prints each entry\'s likely new pages as JSON', async () => {
    const { code, stdout } = await discover('61', '--json');
    expect(code).toBe(0);
    const { entries } = JSON.parse(stdout);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: '61-orne', successorsReason: null, fromCache: false });
    expect(entries[0].successors[0]).toMatchObject({ url: site.url(PATHS.aes), via: 'sitemap' });
    expect(entries[0].successors[0].score).toBeGreaterThanOrEqual(0.7);
  });

  it('searches for an entry that is ok, without proposing its own page', async () => {
    const { code, stdout } = await discover('72-sarthe', '--json');
    expect(code).toBe(0);
    const entry = JSON.parse(stdout).entries[0];
    expect(entry.successors.map((s: { url: string }) => s.url)).not.toContain(site.url(PATHS.aes));
    expect(entry.successors.length > 0 || entry.successorsReason !== null).toBe(true);
  });

  it('says it in words without --json, and reuses its stored result the second time', async () => {
    const { code, stdout } = await discover('61-orne');
    expect(code).toBe(0);
    expect(stdout).toContain('61-orne (Orne) : résultat gardé réutilisé');
    expect(stdout).toContain(`Nouvelle page probable : Admission exceptionnelle au séjour\n    ${site.url(PATHS.aes)}`);
  });

  it('exits 2 naming an entry the guide does not have', async () => {
    const { code, stderr } = await discover('99');
    expect(code).toBe(2);
    expect(stderr).toContain('no guide entry matches "99"');
  });
});
