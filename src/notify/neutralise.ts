import { codeBlock, longestRun } from '../shared/markdown.js';

export { codeBlock };

/**
 * Scraped text (page titles, facts, diffs) is untrusted: in an issue it must
 * not ping people, link or close issues, inject HTML or break out of a code
 * block. GitHub finds mentions and references in the *rendered* text, so in
 * prose the guard is a zero-width joiner that no Markdown step can remove;
 * URLs are put in code spans instead, so that they still copy and work.
 */

const ZWJ = '\u200D';

/** Breaks `@user`, `#12`, `owner/repo#3`, `GH-12` and bare-URL autolinks (incl. full issue URLs). */
function breakReferences(text: string): string {
  return (
    text
      // An `@` right after a word character is an email address, not a mention: keep those intact.
      .replace(/(^|[^A-Za-z0-9_.+-])@(?=[A-Za-z0-9])/g, `$1@${ZWJ}`)
      .replace(/#(?=\d)/g, `#${ZWJ}`)
      .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
      .replace(/\b(https?|ftp):(?=\/\/)/gi, `$1:${ZWJ}`)
      .replace(/\bwww\./gi, `www${ZWJ}.`)
  );
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function neutraliseProse(text: string): string {
  return breakReferences(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]~|!#])/g, '\\$1');
}

/** A URL inside scraped prose; trailing sentence punctuation is not part of it. */
const URL_IN_TEXT = /\b(?:https?|ftp):\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/gi;

/**
 * Scraped text for a Markdown paragraph or list item: one line, rendered
 * literally. URLs in it become code spans: never autolinked nor referenced,
 * and they copy exactly (no invisible character inside a URL).
 */
export function neutraliseText(text: string): string {
  const flat = oneLine(text);
  let out = '';
  let last = 0;
  for (const match of flat.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    out += neutraliseProse(flat.slice(last, match.index)) + codeSpan(url);
    last = match.index + url.length;
  }
  return out + neutraliseProse(flat.slice(last));
}

/** Issue titles are not Markdown, but GitHub still links references in them. */
export function neutraliseTitle(text: string, maxLength = 256): string {
  const flat = breakReferences(oneLine(text));
  return flat.length <= maxLength ? flat : `${flat.slice(0, maxLength - 1)}…`;
}

/** Inline code: nothing inside is rendered, so values copy exactly. */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  if (flat === '') return '` `';
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** Hosts whose links would add cross-references to issues or pull requests. */
const NO_LINK_HOSTS = /(^|\.)github\.com$/i;

/**
 * A clickable link for a cited or final URL when it is plain http(s), else a
 * code span. The destination is normalised by WHATWG URL (which percent-encodes
 * spaces, quotes and angle brackets) and wrapped in `<...>`.
 */
export function safeLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return codeSpan(url);
  }
  if (!/^https?:$/.test(parsed.protocol) || NO_LINK_HOSTS.test(parsed.hostname)) return codeSpan(url);
  const href = parsed.href.replace(/[<>\s]/g, encodeURIComponent);
  // Code spans bind tighter than link brackets, so any `]` in the URL stays inside the label.
  return `[${codeSpan(url)}](<${href}>)`;
}
