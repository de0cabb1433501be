import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormReport } from '../../src/report/schema.js';
import { readFormState } from '../../src/extract/form-state.js';
import { dsfrPage, postalGuideText, postalProcedure } from '../support/prefecture.js';
import { startSite, type FixtureSite } from '../support/site.js';
import { calvados, workspace, type Workspace } from '../check/fixture-run.js';
import { codes, entryOf } from './scene.js';

/** Online forms the procedure links to, served on loopback hosts standing for démarches-simplifiées and the booking module. */
const PAGE = '/Demarches/Etrangers/Admission-exceptionnelle-au-sejour';

const dsPage = (body: string) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Démarche · demarches-simplifiees.fr</title></head>
<body><header class="fr-header">demarches-simplifiees.fr</header><main><h1>Admission exceptionnelle au séjour - Testville</h1>${body}</main>
<footer>Démarches simplifiées · Accessibilité · CGU</footer></body></html>`;
const OPEN = dsPage('<p>Cette démarche est proposée par la préfecture de Testville.</p><p>Temps de remplissage estimé : 20 minutes.</p><a class="fr-btn" href="/users/sign_in">Commencer la démarche</a>');
const CLOSED = dsPage('<div class="fr-alert fr-alert--warning"><p>Cette démarche est close. Elle n\'accepte plus de nouveaux dossiers depuis le 31 mars 2025.</p></div>');
const NO_SLOT = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Prise de rendez-vous</title></head><body><main>
<h1>Admission exceptionnelle au séjour - Prise de rendez-vous</h1><form method="post"><p>Il n'existe plus de plage horaire libre pour votre demande de rendez-vous. Veuillez recommencer ultérieurement.</p>
<input type="submit" value="Étape suivante"></form></main></body></html>`;

let prefecture: FixtureSite;
let demarches: FixtureSite;
let numerique: FixtureSite;
let ws: Workspace;

beforeAll(async () => {
  prefecture = await startSite({}, '127.0.16.1');
  demarches = await startSite({}, '127.0.16.2');
  numerique = await startSite({}, '127.0.16.3');
});
afterAll(() => Promise.all([prefecture.close(), demarches.close(), numerique.close()]));

/** The page links every kind of form; the guide names only the AES form, on the other démarches host. */
async function scene(aesForm: string) {
  // One service on two hosts: the same slug answers the same on both.
  for (const host of [demarches, numerique]) host.set('/commencer/14-aes', { body: aesForm });
  demarches.set('/commencer/14-titre-sejour-etudiant', { body: CLOSED });
  prefecture.set('/booking/create/4321/0', { body: NO_SLOT });
  const links = [
    `<p>Vous pouvez aussi déposer votre demande en ligne : <a href="${numerique.url('/commencer/14-aes')}">formulaire AES</a>.</p>`,
    `<p>Étudiants : <a href="${demarches.url('/commencer/14-titre-sejour-etudiant')}">formulaire étudiant</a>.</p>`,
    `<p>Passeports talents : <a href="${demarches.url('/commencer/14-passeport-talent')}">formulaire talent</a>.</p>`,
    `<p>Remise du titre : <a href="/booking/create/4321/0">prendre rendez-vous</a>.</p>`,
  ];
  prefecture.set(PAGE, { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() + links.join('') }) });
  ws = await workspace();
  await ws.writeGuide([calvados(prefecture.url(PAGE), `${postalGuideText()}\n\nVous pouvez aussi déposer votre demande en ligne : ${demarches.url('/commencer/14-aes')}`)]);
}

const formsOf = (forms: FormReport[] | undefined) => (forms ?? []).map((f) => [f.id, f.citedBy, f.state, f.sentence]);

describe('online forms', () => {
  beforeEach(() => scene(OPEN));

  it('classifies open, closed by its wording, gone (404) and "no slot available" (still open); the same slug on both démarches hosts is one form and one fact', async () => {
    const entry = entryOf((await ws.check()).report);
    expect(formsOf(entry.sources[0]?.forms)).toEqual([
      ['demarches-simplifiees:14-aes', 'guide', 'open', 'Commencer la démarche'],
      ['demarches-simplifiees:14-titre-sejour-etudiant', 'page', 'closed', 'Cette démarche est close.'],
      ['demarches-simplifiees:14-passeport-talent', 'page', 'closed', 'HTTP 404: the form is gone'],
      [`booking:127.0.16.1:4321`, 'page', 'open', "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous."],
    ]);
    // Closed forms the guide does not rely on are reported, not reasons.
    expect(entry).toMatchObject({ status: 'ok', reasons: [] });
    expect(entry.facts.missing).toEqual([]);
    expect(entry.facts.checked).toContainEqual({ kind: 'url', value: demarches.url('/commencer/14-aes'), found: true });
    const markdown = await readFile(join(ws.reports, 'latest.md'), 'utf8');
    expect(markdown).toContain(`    - fermé : « Cette démarche est close. » — demarches-simplifiees:14-titre-sejour-etudiant, lien de la page <${demarches.url('/commencer/14-titre-sejour-etudiant')}>`);
    expect(await readFile(join(ws.reports, 'latest.html'), 'utf8')).toContain('<li data-form-state="closed"><code>fermé</code>');
  });

  it('makes the entry stale when a form the guide relies on is closed', async () => {
    await scene(CLOSED);
    const entry = entryOf((await ws.check()).report);
    expect(entry.status).toBe('stale');
    expect(codes(entry)).toEqual(['form-closed']);
    expect(entry.reasons[0]?.detail).toBe('the online form demarches-simplifiees:14-aes is closed: Cette démarche est close.');
  });
});

describe('reading a form page', () => {
  it.each([
    ['Aucun créneau disponible pour le moment.', 'open'],
    ["Ce téléservice n'est plus disponible.", 'closed'],
    ['La procédure a été clôturée le 1er mars.', 'closed'],
    ['Bienvenue sur le portail de la préfecture.', 'unknown'],
  ])('%j is %s', (sentence, state) => {
    expect(readFormState(`<main><p>${sentence}</p></main>`).state).toBe(state);
  });
});
