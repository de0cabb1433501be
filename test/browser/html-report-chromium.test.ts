import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/fetch/browser-launch.js';
import { locateBrowser } from '../../src/fetch/locate-browser.js';
import { renderHtmlReport } from '../../src/report/html.js';
import type { Lang } from '../../src/shared/lang.js';
import type { RunReport } from '../../src/report/schema.js';
import { entryReport, normandyReport, runReport, sourceReport } from './run-report-builder.js';
import { tempFolderSync } from '../support/temp.js';

const PNG_SIGNATURE = '89504e470d0a1a0a';

describe('the HTML report in real Chromium', () => {
  let browser: Browser;
  let reportsDir: string;

  beforeAll(async () => {
    const location = await locateBrowser(process.env);
    if (location.kind !== 'found') throw new Error(location.message);
    browser = await launchChromium(location);
    reportsDir = join(tempFolderSync('aes-watch-html-'), 'reports');
    mkdirSync(join(reportsDir, 'test-screenshots'), { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Writes the report as `reports/<name>.html` and opens it from disk, as an editor would. */
  async function open(report: RunReport, name: string, viewport = { width: 1280, height: 800 }, transform = (html: string) => html, lang?: Lang, bypassCSP = false): Promise<Page> {
    const file = join(reportsDir, `${name}.html`);
    writeFileSync(file, transform(renderHtmlReport(report, lang)));
    const context = await browser.newContext({ viewport, bypassCSP });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<Buffer> {
    const path = join(reportsDir, 'test-screenshots', `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(10_000);
    return readFileSync(path);
  }

  it('shows the badges, the facts table and the diff', async () => {
    const page = await open(normandyReport(), 'latest');
    try {
      await expect.poll(() => page.locator('ul.summary .badge').allTextContents()).toEqual(['à revoir', 'à jour', 'injoignable']);
      const calvados = page.locator('#entry-14-calvados');
      const missing = calvados.locator('table.facts tr.fact-missing');
      expect(await missing.isVisible()).toBe(true);
      expect(await missing.locator('td').nth(1).textContent()).toContain('14038 CAEN CEDEX 08');
      expect(await calvados.locator('table.facts tr.fact-added').isVisible()).toBe(true);
      expect(await calvados.locator('pre.diff del').first().isVisible()).toBe(true);
      expect(await calvados.locator('pre.diff ins').first().isVisible()).toBe(true);
      // Red for what the page lost, green for what it gained: the styles did apply under the CSP.
      const colours = await page.evaluate(() => {
        const bg = (selector: string) => getComputedStyle(document.querySelector(selector)!).backgroundColor;
        return { del: bg('pre.diff del'), ins: bg('pre.diff ins'), missing: bg('tr.fact-missing td'), stale: bg('.badge-stale') };
      });
      expect(colours).toEqual({
        del: 'rgb(251, 218, 218)',
        ins: 'rgb(215, 245, 223)',
        missing: 'rgb(251, 218, 218)',
        stale: 'rgb(255, 241, 214)',
      });
      // Summary links lead to the entry sections.
      await page.locator('ul.summary a', { hasText: 'Orne' }).click();
      expect(new URL(page.url()).hash).toBe('#entry-61-orne');
    } finally {
      await page.context().close();
    }
  });

  // axe-core is injected through DevTools (the report's CSP rightly forbids any script of its own).
  const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const rewritten = () =>
    entryReport({
      sources: [sourceReport({ baselineText: 'Envoyez votre dossier par courrier à la préfecture, bureau du séjour.', currentText: 'Prenez rendez-vous en ligne sur le site démarches simplifiées avant toute démarche.' })],
    });
  for (const lang of ['fr', 'en'] as const) {
    it(`has no accessibility violations under axe-core (${lang})`, async () => {
      const page = await open(runReport([...normandyReport().entries, rewritten()].map((e, i) => ({ ...e, id: `${e.id}-${i}` }))), `axe-${lang}`, undefined, undefined, lang, true);
      try {
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations).toEqual([]);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await page.locator('.side-by-side figure').count()).toBe(2);
      } finally {
        await page.context().close();
      }
    });
  }

  it('reads on a phone without horizontal scrolling, and on a laptop', async () => {
    const long = entryReport({
      id: '76-seine-maritime',
      department: { code: '76', name: 'Seine-Maritime' },
      sources: [
        sourceReport({
          url: `https://www.seine-maritime.gouv.fr/Demarches/Titres-de-sejour/${'Admission-exceptionnelle-au-sejour-'.repeat(6)}L435-1`,
          currentText: `Déposez votre demande sur https://demarche.numerique.gouv.fr/commencer/76-aes${'-'.repeat(120)}fin`,
        }),
      ],
    });
    const report = runReport([...normandyReport().entries, long]);
    const phone = await open(report, 'phone', { width: 390, height: 844 });
    const desktop = await open(report, 'desktop', { width: 1280, height: 800 });
    try {
      const overflow = await phone.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(overflow.innerWidth).toBe(390);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
      const phonePng = await screenshot(phone, 'report-phone-390x844');
      const desktopPng = await screenshot(desktop, 'report-desktop-1280x800');
      expect(phonePng.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
      expect(desktopPng.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
      // PNG IHDR: width at bytes 16..19.
      expect(phonePng.readUInt32BE(16)).toBe(390);
      expect(desktopPng.readUInt32BE(16)).toBe(1280);
      expect(await desktop.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await phone.context().close();
      await desktop.context().close();
    }
  });

  it('prints: the diff wraps instead of scrolling', async () => {
    const page = await open(normandyReport(), 'print');
    try {
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('pre.diff')!).overflowX)).toBe('visible');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.context().close();
    }
  });

  const hostile = () =>
    runReport([
      entryReport({
        prefecture: '<script>window.__pwned=1</script>',
        reasons: [{ code: 'content-changed', detail: '<img src=x onerror="window.__pwned=1">', sourceUrl: 'javascript:window.__pwned=1' }],
        facts: { missing: [], added: [{ kind: 'url', value: '<img src=x onerror="window.__pwned=1">' }], checked: [] },
        sources: [
          sourceReport({
            url: 'javascript:window.__pwned=1',
            finalUrl: 'javascript:window.__pwned=1',
            title: '<script>window.__pwned=1</script>',
            baselineText: 'Texte <img src=x onerror="window.__pwned=1">',
            currentText: 'Texte <script>window.__pwned=1</script>',
          }),
        ],
      }),
    ]);

  // Once as written, once without the CSP meta: escaping alone must already be enough.
  for (const [label, transform] of [
    ['with its CSP', (html: string) => html],
    ['even without its CSP', (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')],
  ] as const) {
    it(`runs nothing from scraped strings (${label})`, async () => {
      const page = await open(hostile(), `xss-${label.replace(/\W+/g, '-')}`, undefined, transform);
      try {
        expect(await page.locator('script, img, a[href^="javascript"]').count()).toBe(0);
        const jsUrl = page.locator('span.url', { hasText: 'javascript:window.__pwned=1' }).first();
        await jsUrl.click();
        expect(await page.locator('section.entry h2').textContent()).toContain('<script>window.__pwned=1</script>');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      } finally {
        await page.context().close();
      }
    });
  }
});
