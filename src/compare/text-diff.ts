import { lazyRequire } from '../shared/lazy-require.js';

const diff = lazyRequire<typeof import('diff')>('diff');

export type TextComparison = { changed: false } | { changed: true; unified: string };

/** Whitespace runs are not content: they are folded before deciding "changed". */
const fold = (text: string) => text.replace(/[ \t\u00a0\u202f]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n\n').trim();

/** Line diff of two extracted procedure texts; `unified` is what editors read. */
export function compareTexts(before: string, after: string, labels: { before: string; after: string }): TextComparison {
  // The usual night: the page still gives the reviewed text, byte for byte; nothing to fold.
  if (before === after) return { changed: false };
  const a = fold(before);
  const b = fold(after);
  if (a === b) return { changed: false };
  const unified = diff().createTwoFilesPatch(labels.before, labels.after, a + '\n', b + '\n', undefined, undefined, { context: 3 });
  // Drop the "Index/====" header lines: they only repeat the labels.
  return { changed: true, unified: unified.split('\n').filter((line) => !/^(Index:|=+$)/.test(line)).join('\n') };
}
