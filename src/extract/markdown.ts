import TurndownService from 'turndown';

/**
 * HTML → Markdown, configured for stable text: ATX headings, `-` bullets,
 * `[text](href)` links without titles (tooltips such as "nouvelle fenêtre"
 * change with templates), no images (decoration, and their URLs carry cache
 * tokens), and no Markdown escaping so emails and addresses stay as printed.
 */
function createService(): TurndownService {
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

export function toMarkdown(html: string): string {
  service ??= createService();
  return service.turndown(html);
}
