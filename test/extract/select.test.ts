import { readFileSync, readdirSync } from 'node:fs';
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { findAll, isAny, isWithin, without } from '../../src/extract/select.js';
import { FIXTURE_PAGES, readPage } from '../fixtures/pages/index.js';

/**
 * src/extract/select.ts answers as cheerio does, element for element, for the
 * selectors extraction asks (it compiles them once) and for those it leaves
 * to cheerio, from every element of real-shaped pages.
 */
const SELECTORS = [
  'main',
  '[role=main]',
  '#main-content',
  'div.texte',
  'h1',
  'a[href]',
  'script, style, noscript, template, iframe, svg, object, embed, link, meta',
  'header, footer, nav, .fr-header, .fr-footer, .fr-breadcrumb, #entete, #menu',
  '.sr-only, .fr-sr-only, .visually-hidden, [hidden], [aria-hidden="true" i]',
  '[role=navigation], [role=menu], .sous-menu, .outils, .partage',
  '.fr-stepper, [class*=step i], [class*=etape i], [aria-label*=étape i], [role=progressbar]',
  '[aria-current], [class*=current i], [class*=active i]',
  'input[type=checkbox i], input[type=radio i]',
  'button, select, textarea, input',
  'meta[property="og:site_name"]',
  '[id*=comarquage i], [class*=comarquage i], script[src*="comarquage" i]',
  // Left to cheerio: a combinator, a pseudo-class, a quote in a value.
  'form input[type=hidden]',
  'li:not(.x)',
  'label[for="a\\"b"]',
];
const REVEALABLE = '[role=tabpanel], .fr-tabs__panel, .tab-pane, details';

/** Hidden and revealable at once, odd cases of attributes, forms in forms: what the fixture pages lack. */
const ODD_PAGE = `<!DOCTYPE html><html><head><title>Démarche</title><meta property="og:site_name" content="Préfecture"></head><body>
<form id="aspnet"><input type="hidden" name="state"><main id="main-content" role="MAIN">
<header><h1>Admission exceptionnelle</h1><nav class="Step-list"><ol><li aria-current="step">Choix</li><li>Fin</li></ol></nav></header>
<div class="tab-pane sr-only" hidden><p>Onglet caché</p></div><details aria-hidden="TRUE"><p>Détails</p></details>
<div role="tabpanel" class="visually-hidden"><form><input type="CHECKBOX" id="c1"><label for="c1">J'accepte</label><input type="hidden"></form></div>
<p class="x ACTIVE">Envoyez le dossier <a href="/f.pdf">formulaire</a> <span class="fr-sr-only">(nouvelle fenêtre)</span></p>
<div id="co-marquage-widget" class="CoMarquage"><script src="https://x/COMARQUAGE.js"></script></div>
<ul><li class="x">un</li><li>deux</li></ul><label for='a"b'>cité</label>
</main></form><footer><nav role="navigation"><a href="/">Accueil</a></nav></footer></body></html>`;

const BROWSER_PAGES = readdirSync(new URL('../fixtures/browser/', import.meta.url)).filter((name) => name.endsWith('.html'));
const pages: [string, string][] = [
  ...FIXTURE_PAGES.map((name) => [name, readPage(name)] as [string, string]),
  ...BROWSER_PAGES.map((name) => [name, readFileSync(new URL(`../fixtures/browser/${name}`, import.meta.url), 'utf8')] as [string, string]),
  ['odd cases', ODD_PAGE],
];

/** The document, then every element, as a one-element scope. */
function scopes($: CheerioAPI): Cheerio<AnyNode>[] {
  return [$.root(), ...$('*').toArray().map((element) => $(element))];
}

const same = (a: Cheerio<AnyNode>, b: Cheerio<AnyNode>) => expect(a.toArray()).toStrictEqual(b.toArray());

describe('compiled selectors', () => {
  it.each(pages)('find the same elements as cheerio on %s, from every scope', (_, html) => {
    const $ = load(html);
    let found = 0;
    for (const scope of scopes($)) {
      for (const selector of SELECTORS) {
        const mine = findAll(scope, selector);
        same(mine, scope.find(selector));
        found += mine.length;
        // .end() goes back to the scope, as after cheerio's .find().
        expect(mine.end().toArray()).toStrictEqual(scope.toArray());
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it.each(pages)('match, exclude and look up the ancestors as cheerio on %s', (_, html) => {
    const $ = load(html);
    const elements = $('*').toArray().map((element) => $(element) as Cheerio<Element>);
    for (const selector of [...SELECTORS, REVEALABLE]) {
      for (const element of elements) {
        expect([selector, isAny(element, selector)]).toEqual([selector, element.is(selector)]);
        expect([selector, isWithin(element, selector)]).toEqual([selector, element.closest(selector).length > 0]);
      }
      const all = $('*') as Cheerio<Element>;
      same(without(all, selector), all.not(selector));
    }
  });

  it('keep the hidden tab panels that cheerio keeps', () => {
    const $ = load(ODD_PAGE);
    const hidden = findAll($.root(), SELECTORS[8]!);
    const kept = without(hidden, REVEALABLE);
    expect(kept.length).toBeLessThan(hidden.length);
    same(kept, hidden.not(REVEALABLE));
  });
});
