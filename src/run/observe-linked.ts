import { join } from 'node:path';
import { onlyDocumentDetailsDiffer } from '../compare/linked.js';
import type { SourceObservation } from '../compare/observation.js';
import type { Fact } from '../facts/fact.js';
import type { GuideEntry } from '../guide/entry.js';
import { documentsDir } from '../snapshot/documents.js';
import { documentSourcesOf, linkedDocumentKeys, type DocumentSource } from '../sources/documents.js';
import { formSourcesOf } from '../sources/forms.js';
import type { Source } from '../sources/source.js';
import { observeDocument, type DocumentDeps } from './observe-document.js';
import { observeForm } from './observe-form.js';

type Content = Extract<SourceObservation, { kind: 'content' }>;

/** Stored documents whose link left the page: gone, and their `current` is dropped (the baseline stays for review). */
async function goneFromPage(source: Source, page: Content, observed: DocumentSource[], deps: DocumentDeps) {
  const dir = documentsDir(source.entryId, source.key);
  const onPage = linkedDocumentKeys(page.facts);
  for (const document of observed) onPage.add(document.key);
  const gone = [];
  for (const key of await deps.store.documents.keys(dir)) {
    if (onPage.has(key)) continue;
    const baseline = await deps.store.documents.read(join(dir, key), 'baseline');
    if (baseline.kind !== 'found') continue;
    await deps.store.documents.dropCurrent(join(dir, key));
    const { meta } = baseline.document;
    gone.push({
      url: meta.url,
      title: meta.link.title,
      citedBy: 'page' as const,
      status: 'gone' as const,
      reason: null,
      detail: 'the link is no longer on the page',
      format: meta.link.format,
      size: null,
      date: null,
      previous: { size: meta.link.size, date: meta.link.date },
      httpStatus: null,
      bytes: meta.bytes,
      contentType: meta.contentType,
      sha256: meta.sha256.file,
      read: meta.read,
      diffFromBaseline: null,
      snapshotPath: join(source.entryId, source.key, 'documents', key, `baseline.${meta.ext}`),
    });
  }
  return gone;
}

/** A document whose text is unchanged may show a new date or size: its fact is matched by title. */
function withoutDetail(facts: Fact[], hrefs: Set<string>): Fact[] {
  return facts.map((fact) => (fact.kind === 'document' && fact.href !== null && hrefs.has(fact.href) ? { ...fact, size: null, date: null } : fact));
}

async function observeContent(source: Source, page: Content, documents: DocumentSource[], forms: ReturnType<typeof formSourcesOf>[number], deps: DocumentDeps): Promise<Content> {
  const pageReviewed = page.baselineText !== null && !page.fromBaseline?.changed;
  const dir = documentsDir(source.entryId, source.key);
  const observed = await Promise.all(
    documents.map((document) =>
      observeDocument(document, { path: join(dir, document.key), pageReviewed }, deps),
    ),
  );
  const gone = await goneFromPage(source, page, documents, deps);
  const formStates = await Promise.all(forms.map((form) => observeForm(form, deps)));
  const unchanged = observed.filter((d) => d.status === 'unchanged').map((d) => d.url);
  const detailOnly = page.fromBaseline?.changed === true && page.baselineText !== null && onlyDocumentDetailsDiffer(page.baselineText, page.text, unchanged);
  return {
    ...page,
    facts: withoutDetail(page.facts, new Set(unchanged)),
    fromBaseline: detailOnly ? { changed: false } : page.fromBaseline,
    documents: [...observed, ...gone],
    forms: formStates,
  };
}

/**
 * What the entry's pages link to, observed after the pages themselves: the
 * documents (fetched, stored, compared with their baselines) and the online
 * forms (open, closed or unknown). Pages that gave no content are left as they are.
 */
export async function observeLinked(entry: GuideEntry, sources: Source[], observations: SourceObservation[], deps: DocumentDeps): Promise<SourceObservation[]> {
  const pages = observations.map((o) => (o.kind === 'content' ? o : null));
  const documents = documentSourcesOf(entry.facts, pages.map((page) => page?.facts ?? null));
  const forms = formSourcesOf(entry, pages.map((page) => (page ? { facts: page.facts, text: page.text } : null)));
  if (deps.signal?.aborted) return observations;
  return Promise.all(
    observations.map((observation, index) => {
      const source = sources[index];
      if (observation.kind !== 'content' || !source) return observation;
      return observeContent(source, observation, documents[index] ?? [], forms[index] ?? [], deps);
    }),
  );
}
