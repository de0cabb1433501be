import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type FixtureSite } from '../support/site.js';
import { aesWatch } from '../support/cli.js';
import { ROOT } from './demo-scene.js';
import { tempFolder } from '../support/temp.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const MANCHE_PAGE = await readFile(join(ROOT, 'data/demo/round-2/manche-new.html'), 'utf8');
const page = (body: string) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>AES</title></head><body><main id="main"><h1>Admission exceptionnelle au séjour</h1>${body}</main></body></html>`;
const CONTRADICTORY = page(
  `<p>Votre demande doit être envoyée uniquement par courrier à la préfecture. Les demandes se font exclusivement en ligne depuis le 1er janvier : aucun dossier papier n'est plus instruit par le bureau du séjour de la préfecture.</p>
<p>Préfecture de la Manche<br>Bureau du séjour<br>Place de la Préfecture<br>50009 SAINT-LO CEDEX</p>`,
);

/**
 * Calvados, Manche and Orne of the Normandy guide, with CRLF line ends and a BOM; or, with
 * `separatedHead`, LF line ends and the lines before the Manche section ended by U+2028.
 */
async function threeSectionGuide(dir: string, separatedHead = false): Promise<{ path: string; bytes: Buffer; head: Buffer; tail: Buffer }> {
  const seed = await readFile(join(ROOT, 'data/guides/normandie.txt'), 'utf8');
  const three = seed.slice(0, seed.lastIndexOf("gisti, groupe d'information et de soutien des immigré-e-s\n\nRégion Normandie\nDépartement de la Seine-Maritime")).replace('Département de la Seine-Maritime (76)\n\n', '');
  const mancheAt = three.indexOf('Région Normandie\nDépartement de la Manche');
  const text = separatedHead ? three.slice(0, mancheAt).replace(/\n/g, '\u2028') + three.slice(mancheAt) : three.replace(/\n/g, '\r\n');
  const eol = separatedHead ? '\n' : '\r\n';
  const bytes = Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
  const path = join(dir, 'normandie.txt');
  await writeFile(path, bytes);
  const manche = bytes.indexOf(Buffer.from(`Région Normandie${eol}Département de la Manche`, 'utf8'));
  const orne = bytes.indexOf(Buffer.from(`gisti, groupe d'information et de soutien des immigré-e-s${eol}${eol}Région Normandie${eol}Département de l'Orne`, 'utf8'));
  if (manche < 0 || orne < 0) throw new Error('fixture guide: sections not found');
  return { path, bytes, head: bytes.subarray(0, manche), tail: bytes.subarray(orne) };
}

let site: FixtureSite | null = null;
afterEach(async () => {
  await site?.close();
  site = null;
});

async function workspace(separatedHead = false) {
  const dir = await tempFolder('aes-propose-write-');
  const guide = await threeSectionGuide(dir, separatedHead);
  site = await startSite({ '/manche': { body: MANCHE_PAGE }, '/contradiction': { body: CONTRADICTORY } }, '127.0.50.1');
  const args = (...rest: string[]) => ['propose', '50', '--guide', guide.path, '--snapshots', join(dir, 'snapshots'), '--reports', join(dir, 'reports'), '--per-host-delay', '0', ...rest];
  return { dir, guide, site, args, run: (argv: string[]) => aesWatch(argv, { cwd: dir }) };
}

describe('aes-watch propose --write', () => {
  it('replaces only the middle section of a CRLF guide with a BOM: the first and last sections stay byte-identical', async () => {
    const ws = await workspace();
    const result = await ws.run(ws.args('--source', ws.site.url('/manche'), '--write'));
    expect(result.code, result.stderr).toBe(0);
    const after = await readFile(ws.guide.path);
    expect(after.subarray(0, ws.guide.head.length).equals(ws.guide.head)).toBe(true);
    expect(after.subarray(after.length - ws.guide.tail.length).equals(ws.guide.tail)).toBe(true);
    expect(after.subarray(0, 3).equals(BOM)).toBe(true);
    const middle = after.subarray(ws.guide.head.length, after.length - ws.guide.tail.length).toString('utf8');
    expect(middle).toContain(`Les modalités sont consultables ici : <${ws.site.url('/manche')}>\r\n`);
    expect(middle.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // the file's own line ends only
    expect(after.equals(ws.guide.bytes)).toBe(false);
  });

  it('finds the section after lines ended by U+2028 where the parser does: the sections around it stay byte-identical', async () => {
    const ws = await workspace(true);
    const result = await ws.run(ws.args('--source', ws.site.url('/manche'), '--write'));
    expect(result.code, result.stderr).toBe(0);
    const after = await readFile(ws.guide.path);
    expect(after.subarray(0, ws.guide.head.length).equals(ws.guide.head)).toBe(true);
    expect(after.subarray(after.length - ws.guide.tail.length).equals(ws.guide.tail)).toBe(true);
    const middle = after.subarray(ws.guide.head.length, after.length - ws.guide.tail.length).toString('utf8');
    expect(middle).toMatch(/^Région Normandie\nDépartement de la Manche \(50\)\n/);
    expect(middle).toContain(`Les modalités sont consultables ici : <${ws.site.url('/manche')}>\n`);
  });

  it('refuses a draft that needs review unless --force, and writes the [À VÉRIFIER] line with --force', async () => {
    const ws = await workspace();
    const shown = await ws.run(ws.args('--source', ws.site.url('/contradiction'), '--json'));
    expect(shown.code).toBe(0);
    const proposal = JSON.parse(shown.stdout) as { section: string; needsReview: string[] };
    expect(proposal.needsReview).toHaveLength(1);
    expect(proposal.section).toContain(`La demande d'admission exceptionnelle se fait [À VÉRIFIER : ${proposal.needsReview[0]}].`);

    const refused = await ws.run(ws.args('--source', ws.site.url('/contradiction'), '--write'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/50-manche: the draft needs review \(1 point\(s\)\).*--force/);
    expect((await readFile(ws.guide.path)).equals(ws.guide.bytes)).toBe(true);

    const forced = await ws.run(ws.args('--source', ws.site.url('/contradiction'), '--write', '--force'));
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(ws.guide.path, 'utf8')).toContain('[À VÉRIFIER : ');
  });

  it('refuses while a check holds the lock (exit 4), leaving the guide as it was', async () => {
    const ws = await workspace();
    await mkdir(join(ws.dir, 'snapshots'), { recursive: true });
    const owner = { pid: process.ppid, startedAt: new Date().toISOString(), command: 'aes-watch check', host: hostname() };
    await writeFile(join(ws.dir, 'snapshots', '.aes-watch.lock'), JSON.stringify(owner));
    const result = await ws.run(ws.args('--source', ws.site.url('/manche'), '--write'));
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`a check (pid ${process.ppid}`);
    expect((await readFile(ws.guide.path)).equals(ws.guide.bytes)).toBe(true);
    expect(JSON.parse(await readFile(join(ws.dir, 'snapshots', '.aes-watch.lock'), 'utf8'))).toEqual(owner);
  });

  it('refuses when the guide file changed after the draft was made from it', async () => {
    const ws = await workspace();
    const edited = Buffer.concat([ws.guide.bytes, Buffer.from('\r\nNote de la rédaction.\r\n')]);
    // The editor saves the guide while propose is fetching the page.
    ws.site.set('/slow', (_req, res) => {
      void writeFile(ws.guide.path, edited).then(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(MANCHE_PAGE));
    });
    const result = await ws.run(ws.args('--source', ws.site.url('/slow'), '--write'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/50-manche: .*normandie\.txt changed while the draft was made from it; nothing written/);
    expect((await readFile(ws.guide.path)).equals(edited)).toBe(true);
  });

  it('says what is wrong with a bad --source in one line', async () => {
    const ws = await workspace();
    const notUrl = await ws.run(ws.args('--source', 'manche.gouv.fr/aes'));
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr.trim()).toBe('aes-watch: propose: --source: expected an http(s) URL, got "manche.gouv.fr/aes"');
    const gone = await ws.run(ws.args('--source', ws.site.url('/nowhere')));
    expect(gone.code).toBe(2);
    expect(gone.stderr.trim()).toBe(`aes-watch: propose: 50-manche: --source ${ws.site.url('/nowhere')}: HTTP 404`);
  });
});

