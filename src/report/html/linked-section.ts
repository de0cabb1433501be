import type { Labels } from '../labels.js';
import { documentDetail } from '../linked-labels.js';
import type { SourceReport } from '../schema.js';
import { escapeHtml, linkOrText } from './escape.js';

/** A source's documents (status, size, date, text diff) and online forms (state and the sentence that decided it). */
export function renderLinked(source: SourceReport, l: Labels): string {
  const parts: string[] = [];
  const documents = source.documents ?? [];
  const forms = source.forms ?? [];
  if (documents.length > 0) {
    const rows = documents.map((document) => {
      const why = document.detail ? `<br><span class="muted">${escapeHtml(document.detail)}</span>` : '';
      const diff = document.diffFromBaseline ? `<pre class="diff">${escapeHtml(document.diffFromBaseline)}</pre>` : '';
      return (
        `<tr data-document-status="${escapeHtml(document.status)}"><td>${linkOrText(document.url, document.title)}<br><span class="muted">${escapeHtml(l.linked.citedBy[document.citedBy])}</span></td>` +
        `<td><code>${escapeHtml(l.linked.documentStatus[document.status])}</code>${why}</td><td>${escapeHtml(documentDetail(document, l))}</td><td>${diff}</td></tr>`
      );
    });
    const head = [l.linked.documentColumn, l.linked.statusColumn, l.linked.detailColumn, l.linked.textColumn].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
    parts.push(`<h3>${escapeHtml(l.linked.documents)}</h3>`, `<table class="documents"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  if (forms.length > 0) {
    const items = forms.map(
      (form) =>
        `<li data-form-state="${escapeHtml(form.state)}"><code>${escapeHtml(l.linked.formState[form.state])}</code> ${linkOrText(form.url, form.id)} <span class="muted">(${escapeHtml(l.linked.citedBy[form.citedBy])})</span>` +
        (form.sentence ? `${escapeHtml(l.colon)}« ${escapeHtml(form.sentence)} »` : '') +
        '</li>',
    );
    parts.push(`<h3>${escapeHtml(l.linked.forms)}</h3>`, `<ul class="forms">${items.join('')}</ul>`);
  }
  return parts.join('\n');
}
