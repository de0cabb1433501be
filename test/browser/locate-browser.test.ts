import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBrowserFetcher } from '../../src/fetch/browser.js';
import { locateBrowser, type BrowserLookup } from '../../src/fetch/locate-browser.js';
import { tempFolderSync } from '../support/temp.js';

/** A lookup where nothing exists: no Playwright browser, no system path, nothing on PATH. */
const NOWHERE: BrowserLookup = {
  playwrightPath: async () => '/nonexistent/ms-playwright/chromium-0000/chrome-linux64/chrome',
  systemPaths: ['/nonexistent/usr/bin/chromium'],
  commandNames: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
};

describe('locateBrowser', () => {
  let dir: string;
  const executable = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '#!/bin/sh\nexit 0\n');
    chmodSync(path, 0o755);
    return path;
  };

  beforeEach(() => {
    dir = tempFolderSync('aes-watch-locate-');
  });

  it('prefers the AES_WATCH_CHROMIUM override over everything else', async () => {
    const override = executable('my-chromium');
    const bundled = executable('playwright-chrome');
    const location = await locateBrowser(
      { AES_WATCH_CHROMIUM: override, PATH: dir },
      { ...NOWHERE, playwrightPath: async () => bundled, systemPaths: [executable('chromium')] },
    );
    expect(location).toEqual({ kind: 'found', path: override, source: 'env' });
  });

  it('reports a bad override as missing, naming the variable, without falling back', async () => {
    const notExecutable = join(dir, 'chromium.txt');
    writeFileSync(notExecutable, 'not a program');
    for (const value of [join(dir, 'absent'), notExecutable, dir]) {
      const location = await locateBrowser({ AES_WATCH_CHROMIUM: value }, { ...NOWHERE, systemPaths: [executable('chromium')] });
      expect(location.kind).toBe('missing');
      if (location.kind === 'missing') {
        expect(location.message).toContain('AES_WATCH_CHROMIUM');
        expect(location.message).toContain(value);
      }
    }
  });

  it("uses Playwright's own browser when its file exists, then system paths, then PATH", async () => {
    const bundled = executable('playwright-chrome');
    expect(await locateBrowser({}, { ...NOWHERE, playwrightPath: async () => bundled })).toEqual({
      kind: 'found',
      path: bundled,
      source: 'playwright',
    });
    const system = executable('debian-chromium');
    expect(await locateBrowser({}, { ...NOWHERE, systemPaths: [system] })).toEqual({ kind: 'found', path: system, source: 'system' });

    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'chromium'), 'not executable');
    const chrome = join(bin, 'google-chrome');
    writeFileSync(chrome, '#!/bin/sh\n');
    chmodSync(chrome, 0o755);
    expect(await locateBrowser({ PATH: `/nonexistent:${bin}` }, NOWHERE)).toEqual({ kind: 'found', path: chrome, source: 'system' });
  });

  it('says how to install one when none is found', async () => {
    const location = await locateBrowser({ PATH: '' }, NOWHERE);
    expect(location.kind).toBe('missing');
    if (location.kind !== 'missing') return;
    expect(location.message).toContain('npx playwright install chromium');
    expect(location.message).toContain('apt-get install chromium-headless-shell');
    expect(location.message).toContain('AES_WATCH_CHROMIUM');
  });

  it('finds a real Chromium on this machine with the default lookup', async () => {
    const location = await locateBrowser(process.env);
    expect(location).toMatchObject({ kind: 'found' });
  });
});

describe('browser fetcher without a browser', () => {
  it('answers browser-unavailable with the install hint, and never launches', async () => {
    const fetcher = createBrowserFetcher({
      timeoutMs: 1_000,
      userAgent: 'aes-watch-test',
      env: { PATH: '' },
      lookup: NOWHERE,
    });
    const url = 'http://127.0.0.1:9/accueil-a9349.html#!/Particuliers/page/L1055';
    const [first, second] = await Promise.all([fetcher.fetch({ url }), fetcher.fetch({ url })]);
    for (const outcome of [first, second]) {
      expect(outcome).toMatchObject({ kind: 'browser-unavailable', url, fetchedWith: 'browser' });
      if (outcome?.kind === 'browser-unavailable') expect(outcome.message).toContain('npx playwright install chromium');
    }
    expect(fetcher.launches()).toBe(0);
    await fetcher.close();
  });

  it('answers browser-unavailable when the override points nowhere', async () => {
    const fetcher = createBrowserFetcher({
      timeoutMs: 1_000,
      userAgent: 'aes-watch-test',
      env: { AES_WATCH_CHROMIUM: '/nonexistent/chromium' },
    });
    const outcome = await fetcher.fetch({ url: 'http://127.0.0.1:9/' });
    expect(outcome).toMatchObject({ kind: 'browser-unavailable' });
    if (outcome.kind === 'browser-unavailable') expect(outcome.message).toContain('AES_WATCH_CHROMIUM=/nonexistent/chromium');
    await fetcher.close();
  });

  it('answers browser-unavailable when the executable is not a working Chromium', async () => {
    const dir = tempFolderSync('aes-watch-locate-');
    const broken = join(dir, 'chromium');
    writeFileSync(broken, '#!/bin/sh\necho "chromium: cannot open display" >&2\nexit 1\n');
    chmodSync(broken, 0o755);
    const fetcher = createBrowserFetcher({ timeoutMs: 1_000, userAgent: 'aes-watch-test', env: { AES_WATCH_CHROMIUM: broken } });
    const outcome = await fetcher.fetch({ url: 'http://127.0.0.1:9/' });
    expect(outcome).toMatchObject({ kind: 'browser-unavailable' });
    if (outcome.kind === 'browser-unavailable') expect(outcome.message).toContain(`could not start Chromium at ${broken}`);
    expect(fetcher.launches()).toBe(1);
    await fetcher.close();
  });
});
