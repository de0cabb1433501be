import { codeBlock } from '../shared/markdown.js';
import type { Labels } from './labels.js';
import { documentDetail } from './linked-labels.js';
import type { SourceReport } from './schema.js';

type Escape = (text: string) => string;

/** One source's documents and forms, as list items under its "Cited" line. */
export function linkedLines(source: SourceReport, l: Labels, escape: Escape): string[] {
  const lines: string[] = [];
  const documents = source.documents ?? [];
  const forms = source.forms ?? [];
  if (documents.length > 0) lines.push(`  - ${l.linked.documents}${l.colon.trimEnd()}`);
  for (const document of documents) {
    const detail = documentDetail(document, l);
    const why = document.detail ? `${l.colon}${escape(document.detail)}` : '';
    lines.push(`    - ${l.linked.documentStatus[document.status]}${why} — ${escape(document.title)}${detail ? ` (${escape(detail)})` : ''}, ${l.linked.citedBy[document.citedBy]} <${document.url}>`);
  }
  if (forms.length > 0) lines.push(`  - ${l.linked.forms}${l.colon.trimEnd()}`);
  for (const form of forms) {
    const sentence = form.sentence ? `${l.colon}« ${escape(form.sentence)} »` : '';
    lines.push(`    - ${l.linked.formState[form.state]}${sentence} — ${escape(form.id)}, ${l.linked.citedBy[form.citedBy]} <${form.url}>`);
  }
  return lines;
}

/** The text diffs of the source's changed documents. */
export function documentDiffs(source: SourceReport, l: Labels, escape: Escape): string[] {
  return (source.documents ?? []).flatMap((document) =>
    document.diffFromBaseline ? [l.linked.documentDiff(escape(document.title), document.url), '', codeBlock(document.diffFromBaseline, 'diff'), ''] : [],
  );
}
