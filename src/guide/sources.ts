import type { GuideSource } from './entry.js';
import type { Line } from './lines.js';

export type CitedUrl = { kind: 'url'; source: GuideSource; line: number } | { kind: 'invalid'; printed: string; line: number };

function cite(printed: string, line: number): CitedUrl {
  const url = printed.replace(/\s+/g, '');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
  } catch {
    return { kind: 'invalid', printed, line };
  }
  const hash = url.indexOf('#!');
  return { kind: 'url', source: { url, clientRoute: hash >= 0 ? url.slice(hash) : null }, line };
}

const MAY_CITE = /<|https?:/i;

/**
 * Every URL cited before the reproduced text: `<https://...>` (which the PDF may
 * break over lines), Markdown link targets, or bare URLs. Kept exactly as cited.
 */
export function citedUrls(lines: Line[]): CitedUrl[] {
  const found: CitedUrl[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i];
    if (!start) continue;
    let text = start.text;
    // Most lines cite nothing: every citation has a "<" or an "http".
    if (!MAY_CITE.test(text)) continue;
    // An unclosed "<http" continues on the following lines until its ">".
    while (/<https?:[^>]*$/iu.test(text) && i + 1 < lines.length) text += lines[++i]?.text ?? '';
    const bracketed = [...text.matchAll(/<([^<>]+)>/g)].map((m) => m[1] ?? '');
    const linked = [...text.matchAll(/\]\((https?:[^)\s]+)\)/gi)].map((m) => m[1] ?? '');
    const rest = text.replace(/<[^<>]+>/g, ' ').replace(/\]\([^)]*\)/g, ' ');
    const bare = [...rest.matchAll(/\bhttps?:\/\/[^\s<>"')]+/gi)].map((m) => m[0].replace(/[.,;]+$/, ''));
    // Anything URL-shaped in <...> is a citation, so a mistyped one is reported rather than ignored.
    const inBrackets = bracketed.filter((b) => !/\s/.test(b.trim()) && /[:/.]/.test(b));
    for (const url of [...inBrackets, ...linked, ...bare]) found.push(cite(url, start.line));
  }
  return found;
}
