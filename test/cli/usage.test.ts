import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
import { runReportJsonSchema } from '../../src/report/json-schema.js';
import { useCalvadosScene } from '../check/fixture-run.js';

const PAGE = '/Demarches/AES';
const scene = useCalvadosScene('127.0.0.4', PAGE);

const checkArgs = () => ['check', '--guide', scene.ws.guide, '--snapshots', scene.ws.snapshots, '--reports', scene.ws.reports, '--per-host-delay', '0'];

describe('command line contract', () => {
  it('lists the commands in --help', async () => {
    const { code, stdout } = await scene.ws.run('--help');
    expect(code).toBe(0);
    for (const command of ['check', 'guide', 'accept', 'report', 'schema', 'schedule', 'discover', 'propose']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  // The build keeps the program's help as text (src/cli/kept-help.ts): it must not depend on the terminal.
  it.each([[['--help']], [['check', '--help']]])('gives %j at 80 columns, on a terminal of 200 as on a pipe', async (args) => {
    const piped = await scene.ws.run(...args);
    const stdout = process.stdout as { isTTY?: boolean; columns?: number };
    const was = { isTTY: stdout.isTTY, columns: stdout.columns };
    Object.assign(stdout, { isTTY: true, columns: 200 });
    try {
      const wide = await scene.ws.run(...args);
      expect(wide.stdout).toBe(piped.stdout);
    } finally {
      Object.assign(stdout, was);
    }
    const lines = piped.stdout.split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(lines.some((line) => line.length > 70)).toBe(true); // wrapped near the width, not far short of it
  });

  // A command named first is registered alone (start-up time): its help must be the one the whole program gives.
  it.each(['check', 'propose', 'schedule'])('gives the same help for "%s --help" as for "help %s"', async (command) => {
    const alone = await scene.ws.run(command, '--help');
    const asked = await scene.ws.run('help', command);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain(`Usage: aes-watch ${command} [options]`);
    expect(alone.stdout).toBe(asked.stdout);
  });

  it.each([
    [['check', '--frobnicate'], /unknown option '--frobnicate'/],
    [['check', '--concurrency', '0'], /--concurrency.*expected a whole number >= 1, got "0"/],
    [['check', '--fail-on', 'sometimes'], /expected one of stale, unreachable, got "sometimes"/],
    [['check', '--fetch', 'carrier-pigeon'], /expected one of http, browser, auto/],
    [['report', '--format', 'pdf'], /expected one of html, md, json/],
    [['nonsense'], /unknown command 'nonsense'/],
    [['chekc'], /unknown command 'chekc'\n\(Did you mean check\?\)/],
  ])('rejects %j with exit 2', async (args, message) => {
    const { code, stderr } = await scene.ws.run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('names a missing guide file', async () => {
    const { code, stderr } = await scene.ws.run('check', '--guide', join(scene.ws.dir, 'absent.txt'));
    expect(code).toBe(2);
    expect(stderr).toContain('absent.txt');
  });

  it('rejects --only that matches no entry, naming it', async () => {
    const { code, stderr } = await scene.ws.run(...checkArgs(), '--only', '14,76');
    expect(code).toBe(2);
    expect(stderr).toBe('aes-watch: --only: no guide entry matches "76"; the guide\'s entries are: 14-calvados (an id or its département code)\n');
  });

  it('names a broken configuration file and its problem', async () => {
    await writeFile(join(scene.ws.dir, 'aes-watch.config.json'), '{"perHostDelayMs": -5}');
    const { code, stderr } = await scene.ws.run(...checkArgs());
    expect(code).toBe(2);
    expect(stderr).toMatch(/aes-watch\.config\.json: perHostDelayMs: .*>=0/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 0 whatever the verdicts, and 1 with --fail-on matching one', async () => {
    scene.site.set(PAGE, { status: 404 });
    expect((await scene.ws.run(...checkArgs())).code).toBe(0);
    expect((await scene.ws.run(...checkArgs(), '--fail-on', 'unreachable')).code).toBe(0);
    expect((await scene.ws.run(...checkArgs(), '--fail-on', 'stale')).code).toBe(1);
  });

  it('--only takes département codes and ids, comma-separated or repeated', async () => {
    const first = await scene.ws.run(...checkArgs(), '--only', '14', '--json');
    const second = await scene.ws.run(...checkArgs(), '--only', '14-calvados,14', '--json');
    expect(JSON.parse(first.stdout).entries.map((e: { id: string }) => e.id)).toEqual(['14-calvados']);
    expect(JSON.parse(second.stdout).entries.map((e: { id: string }) => e.id)).toEqual(['14-calvados']);
  });

  it('exits 4 with a clear message while another live run holds the lock', async () => {
    // Another live process on this host owns the lock.
    const owner = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await mkdir(scene.ws.snapshots, { recursive: true });
      const startedAt = new Date().toISOString();
      await writeFile(join(scene.ws.snapshots, '.aes-watch.lock'), JSON.stringify({ pid: owner.pid, startedAt, command: 'aes-watch schedule', host: hostname() }));
      const { code, stderr } = await scene.ws.run(...checkArgs());
      expect(code).toBe(4);
      expect(stderr).toContain(`another run (pid ${owner.pid}, started ${startedAt}, "aes-watch schedule")`);
    } finally {
      owner.kill();
    }
  });

  it('report renders the stored run again in each format without fetching', async () => {
    await scene.ws.run(...checkArgs());
    const requests = scene.site.requests.length;
    const md = await scene.ws.run('report', '--reports', scene.ws.reports, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(await readFile(join(scene.ws.reports, 'latest.md'), 'utf8'));
    const json = await scene.ws.run('report', '--reports', scene.ws.reports, '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(await readFile(join(scene.ws.reports, 'latest.json'), 'utf8')));
    const html = await scene.ws.run('report', '--reports', scene.ws.reports, '--format', 'html');
    expect(html.stdout).toBe(await readFile(join(scene.ws.reports, 'latest.html'), 'utf8'));
    expect(scene.site.requests.length).toBe(requests);
  });

  it('report names a missing or corrupt latest.json', async () => {
    const missing = await scene.ws.run('report', '--reports', scene.ws.reports);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/latest\.json: no report yet; run npx aes-watch check first/);
    await mkdir(scene.ws.reports, { recursive: true });
    await writeFile(join(scene.ws.reports, 'latest.json'), '{"entries": 3}');
    const corrupt = await scene.ws.run('report', '--reports', scene.ws.reports);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/latest\.json: not an aes-watch report/);
  });

  it('publishes the JSON Schema of the report, kept in sync with the zod schema', async () => {
    const { stdout } = await scene.ws.run('schema');
    expect(JSON.parse(stdout)).toEqual(runReportJsonSchema());
    const published = JSON.parse(await readFile(new URL('../../schema/run-report.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(runReportJsonSchema());
  });

  it('writes a JSON report that validates against the published schema and keeps the contract fields', async () => {
    await scene.ws.run(...checkArgs());
    const report = JSON.parse(await readFile(join(scene.ws.reports, 'latest.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(runReportJsonSchema());
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, summary: { ok: 'one' } })).toBe(false);
    expect(Object.keys(report.entries[0])).toEqual(
      expect.arrayContaining(['id', 'department', 'guideUpdated', 'status', 'reasons', 'changedSinceLastRun', 'sources', 'facts']),
    );
    expect(Object.keys(report.entries[0].sources[0])).toEqual(expect.arrayContaining(['url', 'finalUrl', 'httpStatus', 'fetchedWith', 'pageUpdated']));
  });
});
