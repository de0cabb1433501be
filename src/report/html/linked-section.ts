import { DOCUMENT_STATUS_LABEL, FORM_STATE_LABEL, citedByLabel, documentDetail } from '../linked-labels.js';
import type { SourceReport } from '../schema.js';
import { escapeHtml, linkOrText } from './escape.js';

/** A source's documents (status, size, date, text diff) and online forms (state and the sentence that decided it). */
export function renderLinked(source: SourceReport): string {
  const parts: string[] = [];
  const documents = source.documents ?? [];
  const forms = source.forms ?? [];
  if (documents.length > 0) {
    const rows = documents.map((document) => {
      const why = document.detail ? `<br><span class="muted">${escapeHtml(document.detail)}</span>` : '';
      const diff = document.diffFromBaseline ? `<pre class="diff">${escapeHtml(document.diffFromBaseline)}</pre>` : '';
      return (
        `<tr data-document-status="${escapeHtml(document.status)}"><td>${linkOrText(document.url, document.title)}<br><span class="muted">${citedByLabel(document.citedBy)}</span></td>` +
        `<td><code>${escapeHtml(DOCUMENT_STATUS_LABEL[document.status])}</code>${why}</td><td>${escapeHtml(documentDetail(document))}</td><td>${diff}</td></tr>`
      );
    });
    parts.push('<h3>Documents</h3>', `<table class="documents"><thead><tr><th>document</th><th>statut</th><th>format, taille, date</th><th>texte depuis la référence relue</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  if (forms.length > 0) {
    const items = forms.map(
      (form) =>
        `<li data-form-state="${escapeHtml(form.state)}"><code>${escapeHtml(FORM_STATE_LABEL[form.state])}</code> ${linkOrText(form.url, form.id)} <span class="muted">(${citedByLabel(form.citedBy)})</span>` +
        (form.sentence ? ` : « ${escapeHtml(form.sentence)} »` : '') +
        '</li>',
    );
    parts.push('<h3>Formulaires en ligne</h3>', `<ul class="forms">${items.join('')}</ul>`);
  }
  return parts.join('\n');
}
