import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequestFromConfig, CONFIG_FILE, loadConfig } from '../../src/run/request.js';
import { DEFAULT_CONFIG } from '../../src/shared/config.js';
import { UsageError } from '../../src/shared/io.js';
import { tempFolder } from '../support/temp.js';

/** aes-watch.config.json and the flags merged into one check request. */
async function withConfig(text: string | null, name = CONFIG_FILE) {
  const dir = await tempFolder('aes-run-config-');
  if (text !== null) await writeFile(join(dir, name), text);
  return dir;
}

describe('the configuration file', () => {
  it('is optional: the defaults', async () => {
    expect(await loadConfig(await withConfig(null))).toEqual(DEFAULT_CONFIG);
  });

  it('is read from the folder, or from the path given', async () => {
    const dir = await withConfig('{"snapshotsDir": "etat", "retries": 0}');
    expect(await loadConfig(dir)).toMatchObject({ snapshotsDir: 'etat', retries: 0, reportsDir: 'reports' });
    await writeFile(join(dir, 'other.json'), '{"reportsDir": "out"}');
    expect(await loadConfig(dir, 'other.json')).toMatchObject({ snapshotsDir: 'snapshots', reportsDir: 'out' });
  });

  it('named but missing is a usage error naming it', async () => {
    const dir = await withConfig(null);
    const error = await loadConfig(dir, 'mine.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`^${join(dir, 'mine.json')}: cannot read configuration \\(ENOENT: .+\\)$`));
  });

  it('unreadable is a usage error, even as the default file', async () => {
    const dir = await withConfig(null);
    await mkdir(join(dir, CONFIG_FILE));
    await expect(loadConfig(dir)).rejects.toThrow(new RegExp(`^${join(dir, CONFIG_FILE)}: cannot read configuration \\(EISDIR`));
  });

  it('not JSON is a usage error naming it', async () => {
    const dir = await withConfig('{ "retries": ');
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`^${join(dir, CONFIG_FILE)}: not valid JSON \\(.+\\)$`));
  });

  it('with a bad value is a usage error naming the field', async () => {
    const dir = await withConfig('{ "discovery": { "maxPages": 0 } }');
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`^${join(dir, CONFIG_FILE)}: discovery\\.maxPages: .+$`));
    await writeFile(join(dir, CONFIG_FILE), '[1]');
    await expect(loadConfig(dir)).rejects.toThrow(new RegExp(`^${join(dir, CONFIG_FILE)}: \\(root\\): .+$`));
  });
});

describe('a check request', () => {
  it('takes the configuration, then the flags that were given', async () => {
    const dir = await withConfig(JSON.stringify({ guides: ['g.txt'], perHostDelayMs: 5, entries: { '14-calvados': { fetch: 'browser' } }, lang: 'en' }));
    const request = await checkRequestFromConfig(dir, { retries: 7, json: true, only: undefined, dryRun: undefined });
    expect(request).toEqual({
      cwd: dir,
      guides: ['g.txt'],
      only: [],
      snapshotsDir: 'snapshots',
      reportsDir: 'reports',
      json: true,
      perHostDelayMs: 5,
      concurrency: DEFAULT_CONFIG.concurrency,
      timeoutMs: DEFAULT_CONFIG.timeoutMs,
      maxBodyBytes: DEFAULT_CONFIG.maxBodyBytes,
      documentTimeoutMs: DEFAULT_CONFIG.documentTimeoutMs,
      retries: 7,
      userAgent: DEFAULT_CONFIG.userAgent,
      defaultFetch: 'auto',
      forcedFetch: null,
      failOn: [],
      issues: 'none',
      dryRun: false,
      unreachableAfter: DEFAULT_CONFIG.unreachableAfter,
      entries: { '14-calvados': { fetch: 'browser' } },
      wait: false,
      discovery: DEFAULT_CONFIG.discovery,
      lang: 'en',
    });
  });
});

describe('a check request without flags (as `schedule` makes it)', () => {
  it('is the configuration with every flag off: text output, every entry, a real run', async () => {
    const dir = await withConfig(JSON.stringify({ guides: ['g.txt'] }));
    const request = await checkRequestFromConfig(dir);
    expect(request).toMatchObject({ guides: ['g.txt'], json: false, only: [], dryRun: false, wait: false, forcedFetch: null, failOn: [] });
  });
});
