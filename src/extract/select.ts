import type { Cheerio } from 'cheerio';
import { compile, selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';

/**
 * CSS selectors compiled once for the process. Cheerio parses and compiles a
 * selector string on every `.find()`, `.is()` and `.not()` (and `.closest()`
 * on every ancestor); extraction asks the same few dozen on every page.
 *
 * Only lists of compound selectors (`main`, `.fr-header, [role=menu i]`): no
 * combinator, no pseudo-class. Cheerio's `root.find(s)` matches `:scope s`,
 * which for those is the same as matching `s` anywhere below `root`, so the
 * results are cheerio's own. Any other selector goes to cheerio as before.
 */
type Query = (element: AnyNode) => boolean;

/** Cheerio's options for an HTML document (`load(html)`): css-select's defaults. */
const OPTIONS = {};
/** Attribute selectors, then what a compound may hold besides them: names, `#`, `.`, `*`. */
const ATTRIBUTE = /\[[^\]"']*(?:"[^"]*"|'[^']*')?[^\]"']*\]/g;
const COMPOUND = /^[\w\-#.*]+$/;
const queries = new Map<string, Query | null>();

function compiled(selector: string): Query | null {
  let query = queries.get(selector);
  if (query !== undefined) return query;
  const compounds = selector.replace(ATTRIBUTE, '_').split(',').map((part) => part.trim());
  query = compounds.every((part) => COMPOUND.test(part)) ? (compile<AnyNode, Element>(selector, OPTIONS) as Query) : null;
  queries.set(selector, query);
  return query;
}

/** `scope.find(selector)`. */
export function findAll(scope: Cheerio<AnyNode>, selector: string): Cheerio<Element> {
  const query = compiled(selector);
  if (!query) return scope.find(selector);
  // As cheerio does: from the children, so that the scope itself never matches.
  return scope._make(selectAll(query, scope.children().toArray(), OPTIONS));
}

/** `nodes.is(selector)`: one of them matches. */
export function isAny(nodes: Cheerio<Element>, selector: string): boolean {
  const query = compiled(selector);
  return query ? nodes.toArray().some(query) : nodes.is(selector);
}

/** `nodes.not(selector)`. */
export function without(nodes: Cheerio<Element>, selector: string): Cheerio<Element> {
  const query = compiled(selector);
  return query ? nodes.filter((_, element) => !query(element)) : nodes.not(selector);
}

/** `nodes.closest(selector).length > 0`: one of them, or one of their ancestors, matches. */
export function isWithin(nodes: Cheerio<Element>, selector: string): boolean {
  const query = compiled(selector);
  if (!query) return nodes.closest(selector).length > 0;
  return nodes.toArray().some((element) => {
    // Up to the document, which never matches.
    for (let node: AnyNode | null = element; node; node = node.parent) if (query(node)) return true;
    return false;
  });
}
