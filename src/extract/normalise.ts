/**
 * Typographic noise: CMS editors and templates switch freely between these
 * forms, so the stored text uses one of each. Letters and digits never change.
 */
export function normaliseInline(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '') // zero-width characters, soft hyphen
    .replace(/[\u00A0\u202F\u2007\u2009\u200A\u2002\u2003]/g, ' ')
    .replace(/[’‘ʼ′]/g, "'")
    .replace(/«\s*/g, '« ')
    .replace(/\s*»/g, ' »')
    .replace(/[ \t]+/g, ' ');
}

/**
 * Whole-text form: inline noise normalised, trailing spaces trimmed (a Markdown
 * `<br>` would otherwise leave two), runs of blank lines collapsed to one.
 * Leading indentation stays: it nests Markdown lists.
 */
export function normaliseText(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    const indent = /^ */.exec(raw)?.[0] ?? '';
    const line = (indent + normaliseInline(raw.slice(indent.length)).trimStart()).trimEnd();
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
