import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/story.js';
import { FOLDER_MARKER } from '../../src/shared/owned-folder.js';
import { calvados, workspace } from '../check/fixture-run.js';
import { postalGuideText } from '../support/prefecture.js';
import { tempFolder } from '../support/temp.js';

/** Issue #10 B7: nothing deleted that aes-watch did not create. */
const ROOT = resolve(import.meta.dirname, '../..');

/** Every file under `dir` with the hash of its bytes. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = found.filter((f) => f.isFile());
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [join(f.parentPath, f.name).slice(dir.length), createHash('sha256').update(await readFile(join(f.parentPath, f.name))).digest('hex')])),
  );
}

/** A folder a person cares about: notes, a nested project, a dotfile, and names the demo itself would use. */
async function someonesFolder(): Promise<string> {
  const dir = await tempFolder('aes-precious-');
  await writeFile(join(dir, 'notes.txt'), 'mes notes\n');
  await writeFile(join(dir, '.env'), 'SECRET=1\n');
  await mkdir(join(dir, 'src', 'deep'), { recursive: true });
  await writeFile(join(dir, 'src', 'deep', 'main.ts'), 'export {};\n');
  await mkdir(join(dir, 'snapshots'));
  await writeFile(join(dir, 'snapshots', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
  await writeFile(join(dir, 'normandie.txt'), 'my own copy\n');
  return dir;
}

const quiet = () => new PassThrough();

describe('demo and check write only into a folder that is new, empty or their own', () => {
  it('demo given a folder holding other files refuses with a clear line and leaves every byte there', async () => {
    const dir = await someonesFolder();
    const before = await fingerprint(dir);
    await expect(runDemo(ROOT, dir, quiet())).rejects.toThrow(`refusing to write into ${dir}: it holds files aes-watch did not make (.env, normandie.txt, notes.txt, … (5 entries)); give a new or empty folder`);
    expect(await fingerprint(dir)).toEqual(before);
  });

  it('demo runs in a new folder, marks it, and runs again there', async () => {
    const dir = join(await tempFolder('aes-demo-'), 'fresh');
    await runDemo(ROOT, dir, quiet());
    expect(await readdir(dir)).toEqual(expect.arrayContaining([FOLDER_MARKER, 'normandie.txt', 'reports', 'snapshots']));
    const again = await runDemo(ROOT, dir, quiet());
    expect(again.rounds[0].report?.summary).toEqual({ ok: 4, stale: 0, unreachable: 0 });
  });

  it('check --snapshots or --reports naming someone’s folder exits 2 and leaves every byte there', async () => {
    const ws = await workspace();
    await ws.writeGuide([calvados('http://127.0.0.44:9/aes', postalGuideText())]);
    for (const flag of ['--snapshots', '--reports']) {
      const dir = await someonesFolder();
      const before = await fingerprint(dir);
      const run = await ws.run('check', '--guide', ws.guide, flag, dir, '--per-host-delay', '0', '--retries', '0');
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`aes-watch: ${flag}: refusing to write into ${dir}: it holds files aes-watch did not make (.env, normandie.txt, notes.txt, … (5 entries)); give a new or empty folder`);
      expect(await fingerprint(dir)).toEqual(before);
    }
  });
});
