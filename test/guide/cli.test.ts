import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIO } from '../../src/shared/io.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const io: CliIO = { stdout, stderr, cwd: ROOT, env: {} };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('aes-watch guide', () => {
  it('prints the seed as JSON and exits 0', async () => {
    const result = await run(['guide', 'data/guides/normandie.txt', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as { entries: { id: string; prefecture: string }[]; problems: unknown[] };
    expect(json.entries.map((e) => [e.id, e.prefecture])).toEqual([
      ['14-calvados', 'Caen'],
      ['50-manche', 'Saint-Lô'],
      ['61-orne', 'Alençon'],
      ['76-seine-maritime', 'Rouen'],
    ]);
    expect(json.problems).toEqual([]);
  });

  it('prints a readable table for people', async () => {
    const result = await run(['guide', 'data/guides']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+PREFECTURE\s+UPDATED\s+CHANNELS/);
    expect(lines[1]).toMatch(/^14-calvados\s+Caen\s+2023-02-22\s+postal\s+none \(3\)\s+1\s+1 address, 1 channel$/);
    expect(lines[4]).toMatch(/^76-seine-maritime\s+Rouen\s+2023-02-22\s+postal\+online/);
    expect(result.stdout).toContain('#!/Particuliers/page/L1055, a client-side route');
  });

  it('exits 2 on a malformed guide, lists every problem on stderr and still prints the good section', async () => {
    const result = await run(['guide', 'test/fixtures/guides/malformed.txt', '--json']);
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { entries: { id: string }[]; problems: unknown[] };
    expect(json.entries.map((e) => e.id)).toEqual(['35-ille-et-vilaine']);
    expect(json.problems).toHaveLength(4);
    expect(result.stderr.trim().split('\n')).toEqual([
      'test/fixtures/guides/malformed.txt:8: Finistère (29): impossible date "31/02/2023" in "Dernière mise à jour"',
      'test/fixtures/guides/malformed.txt:52: Morbihan (56): no "Dernière mise à jour : dd/mm/yyyy" date',
      'test/fixtures/guides/malformed.txt:71: Côtes-Bretonnes (99): unknown département code "99"',
      'test/fixtures/guides/malformed.txt:71: Côtes-Bretonnes (99): no source URL ("Les modalités sont consultables ici : <URL>")',
    ]);
  });

  it('exits 2 with a one-line error for a file that does not exist', async () => {
    const result = await run(['guide', 'no/such/guide.txt']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('no/such/guide.txt:1: cannot read: no such file or directory\n');
  });
});
