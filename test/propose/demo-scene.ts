import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startReplaySite, type ReplaySite } from '../../src/demo/replay-site.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { aesWatch, type CliRun } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The Orne page that replaced the one gone in round 2: the État portal's
 * current template, same procedure, new address for the request.
 */
export const ORNE_SUCCESSOR = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Admission exceptionnelle au séjour - Les services de l'État dans l'Orne</title></head><body>
<header class="fr-header"><nav class="fr-nav"><a href="/">Accueil</a></nav></header>
<main id="main" role="main"><div class="fr-container">
<nav class="fr-breadcrumb"><a href="/Demarches">Démarches</a></nav>
<h1>Admission exceptionnelle au séjour</h1>
<p class="fr-text--sm">Mis à jour le 03/09/2024</p>
<p>La demande se fait <strong>uniquement par courrier</strong>, en recommandé avec accusé de réception.</p>
<h2>Étape 1 : Téléchargez le dossier</h2>
<div class="fr-downloads-group"><ul><li><a id="9ab1 class="fr-link fr-link--download"" href="/contenu/telechargement/5120/40233/file/dossier-aes-2024.pdf">Dossier de demande AES <span class="fr-link__detail">PDF - 611,4 Ko - 02/09/2024</span></a></li></ul></div>
<h2>Étape 2 : Envoyez-le à l'adresse suivante</h2>
<p>Préfecture de l'Orne<br>Bureau de l'immigration et de l'intégration<br>39, rue Saint-Blaise<br>CS 30529<br>61018 ALENCON CEDEX</p>
<p>Pour toute question : <a href="mailto:pref-etrangers@orne.gouv.fr">pref-etrangers@orne.gouv.fr</a></p>
</div></main>
<footer class="fr-footer">Préfecture de l'Orne</footer></body></html>`;

export const SUCCESSOR_PATH = '/Demarches/Etrangers/Admission-exceptionnelle-au-sejour';

export interface DemoScene {
  work: string;
  guide: string;
  site: ReplaySite;
  orne: FixtureSite;
  run(args: string[]): Promise<CliRun>;
  common: string[];
  close(): Promise<void>;
}

/** The demo's Normandy guide checked through round 1 (baselines) and round 2 (the prefectures changed). */
export async function demoRoundTwo(): Promise<DemoScene> {
  const work = await tempFolder('aes-propose-');
  const site = await startReplaySite(join(ROOT, 'data', 'demo'));
  const orne = await startSite({ [SUCCESSOR_PATH]: { body: ORNE_SUCCESSOR } }, '127.0.61.1');
  const guide = join(work, 'normandie.txt');
  const seed = await readFile(join(ROOT, 'data', 'guides', 'normandie.txt'), 'utf8');
  await writeFile(guide, seed.replace(/<(https:\/\/[^>]+)>/g, (_, url: string) => `<${site.replayUrl(url)}>`));
  const common = ['--guide', guide, '--snapshots', join(work, 'snapshots'), '--reports', join(work, 'reports'), '--per-host-delay', '0'];
  const run = (args: string[]) => aesWatch(args, { cwd: work });
  const first = await run(['check', ...common, '--fetch', 'http']);
  if (first.code !== 0) throw new Error(`round 1 check failed: ${first.stderr}`);
  site.setRound('2');
  const second = await run(['check', ...common, '--fetch', 'http']);
  if (second.code !== 0) throw new Error(`round 2 check failed: ${second.stderr}`);
  return {
    work,
    guide,
    site,
    orne,
    run,
    common,
    close: async () => {
      await site.close();
      await orne.close();
    },
  };
}
