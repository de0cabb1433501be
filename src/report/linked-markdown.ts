import { codeBlock } from '../shared/markdown.js';
import { DOCUMENT_STATUS_LABEL, FORM_STATE_LABEL, citedByLabel, documentDetail } from './linked-labels.js';
import type { SourceReport } from './schema.js';

type Escape = (text: string) => string;

/** One source's documents and forms, as list items under its "Cited" line. */
export function linkedLines(source: SourceReport, escape: Escape): string[] {
  const lines: string[] = [];
  const documents = source.documents ?? [];
  const forms = source.forms ?? [];
  if (documents.length > 0) lines.push('  - Documents :');
  for (const document of documents) {
    const detail = documentDetail(document);
    const why = document.detail ? ` : ${escape(document.detail)}` : '';
    lines.push(`    - ${DOCUMENT_STATUS_LABEL[document.status]}${why} — ${escape(document.title)}${detail ? ` (${escape(detail)})` : ''}, ${citedByLabel(document.citedBy)} <${document.url}>`);
  }
  if (forms.length > 0) lines.push('  - Formulaires en ligne :');
  for (const form of forms) {
    const sentence = form.sentence ? ` : « ${escape(form.sentence)} »` : '';
    lines.push(`    - ${FORM_STATE_LABEL[form.state]}${sentence} — ${escape(form.id)}, ${citedByLabel(form.citedBy)} <${form.url}>`);
  }
  return lines;
}

/** The text diffs of the source's changed documents. */
export function documentDiffs(source: SourceReport, escape: Escape): string[] {
  return (source.documents ?? []).flatMap((document) =>
    document.diffFromBaseline ? [`Texte du document « ${escape(document.title)} » depuis la référence relue (${document.url}) :`, '', codeBlock(document.diffFromBaseline, 'diff'), ''] : [],
  );
}
