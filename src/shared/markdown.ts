/** Markdown building blocks shared by the change report and the issue bodies. */

export function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function codeBlock(text: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return `${fence}${info}\n${body}\n${fence}`;
}
