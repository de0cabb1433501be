import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { dateStatements } from './page-date.js';
import { findAll, isAny, without } from './select.js';

/**
 * What a reader never sees: screen-reader-only text ("Contenu", "Sous menu de
 * navigation"), hidden and aria-hidden elements. Tab panels and collapsed
 * sections are hidden only until clicked, and can hold the procedure.
 */
const VISUALLY_HIDDEN =
  '.sr-only, .fr-sr-only, .visually-hidden, .visuallyhidden, .element-invisible, .invisible, .offscreen, [hidden], [aria-hidden="true" i]';
const REVEALABLE = '[role=tabpanel], .fr-tabs__panel, .tab-pane, .fr-collapse, .collapse, details';

/** Navigation landmarks and sub-menus, the tools and share blocks, by role and by the templates' names for them. */
const NAVIGATION = [
  '[role=navigation], [role=menu], [role=menubar], [role=search], [role=banner], [role=contentinfo]',
  '.sous-menu, .sous_menu, #sous-menu, #sous_menu, .submenu, .sub-menu, .menu-secondaire',
  '.outils, #outils, .bloc-outils, .boite-outils, .tools, .partage, #partage, .share, .social, .reseaux-sociaux',
].join(', ');

/** A wizard's step list: short labels such as "Choix du créneau", never the procedure's own steps. */
const STEP_LIST = '.fr-stepper, [class*=step i], [class*=etape i], [class*=wizard i], [aria-label*=étape i], [role=progressbar]';
const MAX_STEP_LABEL = 50;
/** Above the title: section labels ("Actualités", "Démarches") are short; anything longer stays. */
const MAX_LABEL_TEXT = 80;
/** How much text around a checkbox still counts as its consent line. */
const MAX_CONSENT_TEXT = 400;

function textOf(node: Cheerio<Element>): string {
  return node.text().replace(/\s+/g, ' ').trim();
}

function dropHidden($: CheerioAPI, root: Cheerio<Element>): void {
  without(findAll(root, VISUALLY_HIDDEN), REVEALABLE).remove();
}

function dropNavigation($: CheerioAPI, root: Cheerio<Element>): void {
  findAll(root, NAVIGATION).filter((_, el) => findAll($(el), 'h1').length === 0).remove();
}

/** Step lists whose items are all short labels, one of them marked as the current step. */
function dropStepLists($: CheerioAPI, root: Cheerio<Element>): void {
  findAll(root, STEP_LIST).each((_, element) => {
    const block = $(element);
    const items = isAny(block, 'ol, ul') ? block.children('li') : findAll(block, 'li');
    const marked = isAny(block, '.fr-stepper, [role=progressbar]') || findAll(block, '[aria-current], [class*=current i], [class*=active i], [class*=selected i]').length > 0;
    if (items.length === 0 || !marked) return;
    if (items.toArray().every((item) => textOf($(item)).length <= MAX_STEP_LABEL)) block.remove();
  });
}

/**
 * Forms are controls, not text: a form that does not hold the page's title
 * goes whole (a booking module's consent form); inside a page-wide form, each
 * checkbox or radio goes with its label line.
 */
function dropForms($: CheerioAPI, root: Cheerio<Element>): void {
  findAll(root, 'form').filter((_, form) => findAll($(form), 'h1').length === 0).remove();
  findAll(root, 'input[type=checkbox i], input[type=radio i]').each((_, input) => {
    const id = $(input).attr('id');
    if (id) root.find(`label[for="${id.replace(/"/g, '\\"')}"]`).remove();
    const line = $(input).closest('label, fieldset, .fr-checkbox-group, .fr-radio-group, p, li, div');
    if (line.length > 0 && findAll(line, 'h1').length === 0 && textOf(line as Cheerio<Element>).length <= MAX_CONSENT_TEXT) line.remove();
    else $(input).remove();
  });
  findAll(root, 'button, select, textarea, input').remove();
}

/** Short labels printed above the h1 ("Actualités"), in the title's block or around it; never a date line. */
function dropLabelsAboveTitle($: CheerioAPI, root: Cheerio<Element>): void {
  const rootNode = root.get(0);
  let node = findAll(root, 'h1').first();
  while (node.length > 0 && node.get(0) !== rootNode) {
    node.prevAll().each((_, sibling) => {
      const text = textOf($(sibling));
      if (text.length <= MAX_LABEL_TEXT && dateStatements(text).length === 0) $(sibling).remove();
    });
    node = node.parent() as Cheerio<Element>;
  }
}

/** Boilerplate recognised by its role or its visibility, not by its wording. */
export function dropClutter($: CheerioAPI, root: Cheerio<Element>): void {
  dropHidden($, root);
  dropNavigation($, root);
  dropStepLists($, root);
  dropForms($, root);
  dropLabelsAboveTitle($, root);
}
