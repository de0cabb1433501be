import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunReport, type EntryReport } from '../../src/report/schema.js';
import { workspace, type Workspace } from '../check/fixture-run.js';
import { postalGuideText, type GuideSectionSpec } from '../support/prefecture.js';
import { EXTRACTION_CASES, FETCH_FAILURES, startHostile } from './hostile-servers.js';

/**
 * Issue #10 B4: hostile and broken servers end as `unreachable` with a
 * specific `fetch-failed` detail, or as an extraction result, never a crash
 * or a hang. One real run of the built CLI over all of them at once, in a
 * child process whose peak memory is measured.
 */
const MAIN = resolve('dist/src/cli/main.js');
const DEPARTMENTS: [string, string][] = [
  ['01', "de l'Ain"], ['02', "de l'Aisne"], ['03', "de l'Allier"], ['05', 'des Hautes-Alpes'], ['06', 'des Alpes-Maritimes'],
  ['07', "de l'Ardèche"], ['08', 'des Ardennes'], ['09', "de l'Ariège"], ['10', "de l'Aube"], ['11', "de l'Aude"],
  ['12', "de l'Aveyron"], ['13', 'des Bouches-du-Rhône'], ['15', 'du Cantal'], ['16', 'de la Charente'], ['17', 'de la Charente-Maritime'],
  ['18', 'du Cher'], ['19', 'de la Corrèze'], ['21', "de la Côte-d'Or"], ['22', "des Côtes-d'Armor"], ['23', 'de la Creuse'],
];
const CASES = [...FETCH_FAILURES, ...EXTRACTION_CASES];

let hostile: Awaited<ReturnType<typeof startHostile>>;
let ws: Workspace;
let run: { code: number | null; report: RunReport; peakRssMb: number; stderr: string };
const entryFor = (name: string): EntryReport => run.report.entries[CASES.findIndex((c) => c.name === name)]!;

/** The CLI as a user runs it, plus one line with the process's peak RSS at exit (printed by a preload). */
function cliWithPeakRss(argv: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const peakAtExit = `process.on('exit', () => process.stderr.write('PEAK_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'));`;
  const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(peakAtExit)}`, MAIN, ...argv], { cwd, env: { ...process.env, AES_WATCH_LOG: 'error', CI: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

beforeAll(async () => {
  hostile = await startHostile(CASES);
  ws = await workspace();
  const sections: GuideSectionSpec[] = CASES.map((_, i) => ({ code: DEPARTMENTS[i]![0], departmentPhrase: DEPARTMENTS[i]![1], prefecture: 'Testville', url: hostile.urls[i]!, procedure: postalGuideText() }));
  await ws.writeGuide(sections);
  const argv = ['check', '--guide', ws.guide, '--snapshots', ws.snapshots, '--reports', ws.reports, '--per-host-delay', '0', '--retries', '0', '--timeout', '5000', '--fetch', 'http', '--json'];
  const result = await cliWithPeakRss(argv, ws.dir);
  const peak = /PEAK_RSS_KB (\d+)/.exec(result.stderr);
  run = { code: result.code, report: RunReport.parse(JSON.parse(result.stdout)), peakRssMb: Number(peak?.[1]) / 1024, stderr: result.stderr };
}, 120_000);
afterAll(() => hostile.close());

describe('hostile and broken servers', () => {
  it('the run completes, exit 0, under 200 MB, with a verdict for every entry', () => {
    expect(run.code).toBe(0);
    expect(run.report.entries).toHaveLength(CASES.length);
    expect(run.peakRssMb).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeLessThan(200);
  });

  it.each(FETCH_FAILURES.map((c) => [c.name, c.detail] as const))('%s: unreachable, fetch-failed, and says exactly what went wrong', (name, detail) => {
    const entry = entryFor(name);
    expect(entry.status).toBe('unreachable');
    expect(entry.reasons).toHaveLength(1);
    expect(entry.reasons[0]!.code).toBe('fetch-failed');
    expect(entry.reasons[0]!.detail).toMatch(detail);
  });

  it.each(EXTRACTION_CASES.map((c) => [c.name, c.expect] as const))('%s: ends as an extraction result', (name, expected) => {
    const entry = entryFor(name);
    expect(entry.sources[0]!.outcome).toBe('fetched');
    if (expected === 'extracted') {
      expect(entry.reasons.map((r) => r.code)).not.toContain('extraction-failed');
      expect(entry.status).not.toBe('unreachable');
    } else {
      expect(entry.reasons).toEqual([expect.objectContaining({ code: 'extraction-failed', detail: expect.stringMatching(expected) })]);
    }
  });

  it('an unknown charset is read as windows-1252, as a browser would, and the report says so', () => {
    const entry = entryFor('unknown charset label');
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(run.report.warnings).toContainEqual(expect.stringMatching(/^23-creuse|declares the unknown charset "x-klingon"; read as windows-1252, as a browser would$/));
    expect(entry.sources[0]!.currentText).toContain('Préfecture de Testville');
  });
});
