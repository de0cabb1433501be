import { describe, expect, it } from 'vitest';
import { extractProcedure } from '../../src/extract/extract.js';
import { toMarkdown } from '../../src/extract/markdown.js';

const PROCEDURE =
  "<p>La demande d'admission exceptionnelle au séjour est envoyée par courrier à la préfecture. Joignez la copie de votre " +
  'passeport, un justificatif de domicile de moins de trois mois et tout document attestant de votre présence en France.</p>';

function textOf(html: string, head = ''): { text: string; title: string | null } {
  const result = extractProcedure(`<html><head>${head}</head><body>${html}</body></html>`, { baseUrl: 'https://www.test.gouv.fr/aes' });
  if (result.kind !== 'extracted') throw new Error(result.detail);
  return { text: result.text, title: result.title };
}

describe('images and icons', () => {
  it('never reach the Markdown, even through turndown alone', () => {
    expect(toMarkdown('<p>Avant <img src="/var/a/photo.jpg?v=1" alt="Photo"> après</p>')).toMatch(/^Avant +après$/);
  });

  it('leave an image-only link named by its alt text, and an image link without its cache token', () => {
    const { text } = textOf(`<main><h1>AES</h1>${PROCEDURE}
      <p><a href="https://www.demarches-simplifiees.fr/commencer/aes"><img src="/var/x/bouton.png?v=9" alt="Déposer ma demande"></a></p>
      <p><a href="/var/x/plan-acces.jpg?v=12ab">Plan d'accès</a></p>
      <figure><picture><source srcset="/var/x/hall.webp?v=3"><img src="/var/x/hall.jpg?v=3" alt="Le hall"></picture></figure></main>`);
    expect(text).toContain('[Déposer ma demande](https://www.demarches-simplifiees.fr/commencer/aes)');
    expect(text).toContain("[Plan d'accès](https://www.test.gouv.fr/var/x/plan-acces.jpg)");
    expect(text).not.toMatch(/!\[|\?v=|Le hall/);
  });
});

describe('boilerplate by role and visibility', () => {
  it('drops visually hidden, hidden and aria-hidden elements, but not a tab panel waiting for a click', () => {
    const { text } = textOf(`<main><h2 class="sr-only">Contenu</h2><h1>AES</h1>
      <p><span class="fr-icon-mail" aria-hidden="true">Icône</span>Écrivez-nous<span class="fr-sr-only"> (nouvelle fenêtre)</span>.</p>
      <div hidden>Chargement…</div><div role="tabpanel" hidden>${PROCEDURE}</div></main>`);
    expect(text).not.toMatch(/Contenu|Icône|nouvelle fenêtre|Chargement/);
    expect(text).toContain('Joignez la copie de votre passeport');
  });

  it('drops navigation landmarks, sub-menus, "Outils" and "Partager" blocks', () => {
    const { text } = textOf(`<div id="contenu"><div role="navigation"><a href="/a">Menu A</a></div>
      <div class="sous_menu"><p>Sous menu de navigation</p><a href="/b">Page B</a></div>
      <h1>AES</h1>${PROCEDURE}
      <div class="bloc"><h3>Outils</h3><a href="/print">Imprimer</a> <a href="/ami">Envoyer à un ami</a></div>
      <div class="bloc"><p>Partager</p><a href="https://twitter.com/x">Twitter</a></div></div>`);
    expect(text).not.toMatch(/Menu A|Sous menu|Page B|Outils|Imprimer|ami|Partager|Twitter/);
  });

  it('drops short section labels above the title, never the date', () => {
    const { text } = textOf(`<main><div class="surtitre">Actualités</div><p>Mis à jour le 02/03/2023</p><div><p class="fr-tag">Étrangers</p><h1>AES</h1></div>${PROCEDURE}</main>`);
    expect(text.startsWith('# AES')).toBe(true);
    expect(text).not.toMatch(/Actualités|Étrangers/);
    const page = extractProcedure(`<main><div class="surtitre">Actualités</div><p>Mis à jour le 02/03/2023</p><h1>AES</h1>${PROCEDURE}</main>`, { baseUrl: 'https://x.gouv.fr/' });
    expect(page.kind === 'extracted' && page.pageUpdated).toBe('2023-03-02');
  });

  it("drops a booking module's step list and consent form, and keeps a procedure's own steps", () => {
    const { text } = textOf(`<div id="content"><h1>AES</h1>
      <ol class="steps"><li class="active">Motif</li><li>Date</li><li>Confirmation</li></ol>${PROCEDURE}
      <ol class="etapes"><li>Imprimez le dossier</li><li>Envoyez-le</li></ol>
      <form action="/booking/create/1/0"><p>Veuillez cocher la case pour accepter les conditions.</p><input type="checkbox" id="c"><label for="c">J'accepte</label></form></div>`);
    expect(text).not.toMatch(/Motif|Confirmation|Veuillez cocher|J'accepte/);
    expect(text).toContain('1. Imprimez le dossier');
  });

  it('keeps a page-wide form that holds the title, without its checkboxes', () => {
    const { text } = textOf(`<form id="aspnetForm"><main><h1>AES</h1>${PROCEDURE}<p><input type="checkbox" id="n"><label for="n">Recevoir la lettre d'information</label></p></main></form>`);
    expect(text).toContain('Joignez la copie');
    expect(text).not.toContain("lettre d'information");
  });
});

describe('the title', () => {
  it.each([
    ["Admission exceptionnelle au séjour - Les services de l'État dans l'Aisne", 'Admission exceptionnelle au séjour'],
    ['Admission exceptionnelle au séjour | Préfecture de la Somme', 'Admission exceptionnelle au séjour'],
    ['AES / Étrangers / Démarches / Accueil - Les services de l’État dans la Manche', 'AES'],
    ['Rendez-vous étrangers - Prise de rendez-vous', 'Rendez-vous étrangers - Prise de rendez-vous'],
  ])('is the <title> without the site name when there is no h1: %s', (title, expected) => {
    expect(textOf(`<main>${PROCEDURE}</main>`, `<title>${title}</title>`).title).toBe(expected);
  });

  it("drops the page's declared og:site_name", () => {
    expect(textOf(`<main>${PROCEDURE}</main>`, '<title>AES — RDV Aisne</title><meta property="og:site_name" content="RDV Aisne">').title).toBe('AES');
  });

  it('is the h1 when there is one', () => {
    expect(textOf(`<main><h1>Déposer une demande</h1>${PROCEDURE}</main>`, '<title>Autre - Préfecture</title>').title).toBe('Déposer une demande');
  });
});
