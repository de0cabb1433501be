import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { findAll } from './select.js';

/** Images, icons and players: decoration for the procedure, and their URLs carry cache tokens. */
const MEDIA = 'img, picture, source, video, audio, track, canvas, svg, map, area, iframe, object, embed';

/**
 * Removes every image and decorative medium under `root`. An image that is the
 * only content of a link gives the link its alt text, so the link keeps a name.
 */
export function dropMedia($: CheerioAPI, root: Cheerio<Element>): void {
  findAll(root, 'a').each((_, element) => {
    const link = $(element);
    if (link.text().trim() !== '') return;
    const alt = findAll(link, 'img[alt]')
      .map((_, img) => $(img).attr('alt')?.trim() ?? '')
      .get()
      .filter(Boolean)
      .join(' ');
    if (alt) link.text(alt);
  });
  findAll(root, MEDIA).remove();
}
