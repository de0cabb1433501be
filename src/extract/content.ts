import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { dropClutter } from './clutter.js';
import { findAll, isAny } from './select.js';

/** DSFR "portail des services de l'État" first, then old eZ Publish "IDE" and "-aNNNN.html" templates. */
const DSFR_MAIN = ['main', '[role=main]', '#main', '#main-content'];
const OLD_CMS_MAIN = ['#contenu', '.content-view-full', '.class-article', '.article', 'div.texte', '#content'];

/** Never content: invisible, interactive, or the site's chrome. */
// Not `[hidden]`: inactive tab panels use it, and they can hold the procedure.
const INVISIBLE = 'script, style, noscript, template, iframe, svg, object, embed, link, meta';
/** Apart: a combinator, which select.ts leaves to cheerio. Removed after INVISIBLE, it removes the same elements. */
const HIDDEN_FIELDS = 'form input[type=hidden]';
const CHROME = [
  'header, footer, nav',
  '.fr-header, .fr-footer, .fr-breadcrumb, .fr-sidemenu, .fr-share, .fr-follow, .fr-consent-banner, .fr-modal, .fr-skiplinks',
  '#entete, #menu, #ariane, #chemin, #pied, #colonne_gauche, .outils, .partage',
].join(', ');

/** Blocks recognised by their label: share widgets, theme pickers, "last visited" widgets. */
const BLOCK_LABELS = [
  /^partager (la|cette) page/i,
  /^sélectionnez votre thématique/i,
  /^(dernières pages (visitées|consultées)|pages (récemment )?(visitées|consultées)( récemment)?)/i,
  /^cette page vous a-t-elle été utile/i,
  /^(outils|partager)\s*:?$/i,
];
/** A labelled block grows while its parent adds little text; beyond, we would be removing content. */
const MAX_BLOCK_TEXT = 1500;
const MAX_ADDED_TEXT = 300;

export type ContentRoot =
  | { kind: 'found'; root: Cheerio<Element>; via: 'selector' | 'dsfr' | 'old-cms' | 'body' }
  | { kind: 'selector-missing'; detail: string };

export function findContentRoot($: CheerioAPI, selector: string | null | undefined): ContentRoot {
  if (selector) {
    let match: Cheerio<Element>;
    try {
      match = $(selector).first() as Cheerio<Element>;
    } catch (error) {
      return { kind: 'selector-missing', detail: `selector "${selector}" is not valid CSS: ${(error as Error).message}` };
    }
    if (match.length === 0) return { kind: 'selector-missing', detail: `selector "${selector}" matches nothing on the page` };
    return { kind: 'found', root: match, via: 'selector' };
  }
  for (const [via, candidates] of [['dsfr', DSFR_MAIN], ['old-cms', OLD_CMS_MAIN]] as const) {
    for (const candidate of candidates) {
      const match = findAll($.root(), candidate).first();
      if (match.length > 0) return { kind: 'found', root: match, via };
    }
  }
  const body = findAll($.root(), 'body').first();
  return { kind: 'found', root: body.length > 0 ? body : ($.root().children().first() as Cheerio<Element>), via: 'body' };
}

/**
 * Removes boilerplate inside `root`, never `root` itself. A `header` that holds
 * the page's h1 is an article header (title and date), not site chrome.
 */
export function dropBoilerplate($: CheerioAPI, root: Cheerio<Element>): void {
  findAll(root, INVISIBLE).remove();
  root.find(HIDDEN_FIELDS).remove();
  findAll(root, CHROME).each((_, element) => {
    const block = $(element);
    if (isAny(block, 'header') && findAll(block, 'h1').length > 0) return;
    block.remove();
  });
  dropClutter($, root);
  dropLabelledBlocks($, root);
}

function textSize(node: { text(): string }): number {
  return node.text().replace(/\s+/g, ' ').trim().length;
}

/** Elements whose own text is one of the block labels (walking text nodes is cheaper than `.text()` everywhere). */
function labelElements(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === ('text' as AnyNode['type']) && 'data' in node) {
      const text = node.data.replace(/\s+/g, ' ').trim();
      const parent = node.parent as Element | null;
      if (parent && text.length < 80 && BLOCK_LABELS.some((label) => label.test(text))) found.push(parent);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(root);
  return found;
}

function dropLabelledBlocks($: CheerioAPI, root: Cheerio<Element>): void {
  const rootNode = root.get(0);
  if (!rootNode) return;
  for (const element of labelElements(rootNode)) {
    let block = $(element);
    if (!block.parent().length || element === rootNode) continue; // already removed with an earlier block
    let size = textSize(block);
    for (;;) {
      const parent = block.parent();
      const parentNode = parent.get(0);
      if (!parentNode || parentNode === rootNode || findAll(parent, 'h1').length > 0) break;
      const parentSize = textSize(parent);
      if (parentSize > MAX_BLOCK_TEXT || parentSize - size > MAX_ADDED_TEXT) break;
      block = parent as Cheerio<Element>;
      size = parentSize;
    }
    block.remove();
  }
}
