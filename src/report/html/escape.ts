import { frenchDate } from '../local-time.js';

/** Everything that came from a page, a guide or a URL goes through here before reaching the HTML. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The URL if it is http(s), else null: `javascript:`, `data:` and the like never become links. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link for http(s) URLs, plain text for anything else. */
export function linkOrText(url: string, label: string = url): string {
  const href = safeHttpUrl(url);
  if (href === null) return `<span class="url">${escapeHtml(label)}</span>`;
  return `<a class="url" href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}


export function dateTag(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(frenchDate(iso))}</time>`;
}
