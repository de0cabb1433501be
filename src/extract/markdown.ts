import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import TurndownService from 'turndown';
import { turndownRoot } from './mini-dom.js';

/**
 * HTML → Markdown, configured for stable text: ATX headings, `-` bullets,
 * `[text](href)` links without titles (tooltips such as "nouvelle fenêtre"
 * change with templates), no images (decoration, and their URLs carry cache
 * tokens), and no Markdown escaping so emails and addresses stay as printed.
 */
export function createMarkdownService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
    linkStyle: 'inlined',
    br: '',
  });
  service.escape = (text: string) => text;
  service.remove(['select', 'input', 'textarea', 'button']);
  // A rule, not `remove()`: turndown tries its rules first, and its own image rule would keep `![alt](src)`.
  service.addRule('no-media', {
    filter: ['img', 'picture', 'video', 'audio', 'canvas', 'iframe', 'object', 'embed'],
    replacement: () => '',
  });
  service.addRule('plain-link', {
    filter: (node) => node.nodeName === 'A' && Boolean(node.getAttribute('href')),
    replacement: (content, node) => {
      const text = content.replace(/\s+/g, ' ').trim();
      const href = (node as HTMLElement).getAttribute('href') ?? '';
      return text ? `[${text}](${href})` : '';
    },
  });
  return service;
}

let service: TurndownService | null = null;

/** Markdown of parsed nodes (the page is not parsed again), or of an HTML fragment. */
export function toMarkdown(content: readonly AnyNode[] | string): string {
  service ??= createMarkdownService();
  const nodes = typeof content === 'string' ? load(content, null, false).root().contents().toArray() : content;
  return service.turndown(turndownRoot(nodes));
}
