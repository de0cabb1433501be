import { extractProcedure } from './extract.js';
import type { ExtractOptions, Extraction } from './extraction.js';

/**
 * Limits that keep a hostile or broken page from hanging or crashing a run.
 * The HTML parser slows down with the square of nesting depth and the
 * selector engine with the square of the element count; real prefecture
 * pages stay far below both (tens of levels, a few thousand elements).
 */
export const MAX_DEPTH = 1000;
export const MAX_ELEMENTS = 15_000;
/** Text between tags; a procedure runs to a few ten thousand characters. Beyond, every report would carry the blob. */
export const MAX_TEXT_CHARS = 500_000;

/** Elements that never nest: void ones, and those the parser closes by itself when the next one opens. */
const NO_DEPTH = new Set('area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp'.split(' '));
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/** One linear pass over the markup: how many elements, how deep they nest at most, how much text (estimates). */
export function pageShape(html: string): { elements: number; depth: number; textChars: number } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let markup = 0;
  for (const [tag, closing, name, selfClosing] of html.matchAll(TAG)) {
    markup += tag.length;
    if (closing) {
      if (!NO_DEPTH.has(name!.toLowerCase())) depth = Math.max(0, depth - 1);
      continue;
    }
    elements += 1;
    if (selfClosing || NO_DEPTH.has(name!.toLowerCase())) continue;
    depth += 1;
    if (depth > deepest) deepest = depth;
  }
  return { elements, depth: deepest, textChars: html.length - markup };
}

const unreadable = (detail: string): Extraction => ({ kind: 'extraction-failed', reason: 'unreadable', detail });

/** extractProcedure, but a page beyond the limits, or one that makes it throw, is a failed extraction, never a crash. */
export function extractWithinLimits(html: string, options: ExtractOptions): Extraction {
  const shape = pageShape(html);
  if (shape.depth > MAX_DEPTH) return unreadable(`the HTML is nested about ${shape.depth} levels deep, more than the ${MAX_DEPTH} aes-watch reads`);
  if (shape.elements > MAX_ELEMENTS) return unreadable(`the page has ${shape.elements} elements, more than the ${MAX_ELEMENTS} aes-watch reads`);
  if (shape.textChars > MAX_TEXT_CHARS) return unreadable(`the page holds about ${shape.textChars} characters of text, more than the ${MAX_TEXT_CHARS} aes-watch reads`);
  try {
    return extractProcedure(html, options);
  } catch (error) {
    return unreadable(`the page could not be read (${(error as Error).message})`);
  }
}
