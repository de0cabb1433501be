import type { Fact } from '../facts/fact.js';
import { onlineFormOf, type OnlineForm } from '../facts/form.js';
import { findUrls } from '../facts/url.js';
import type { GuideEntry } from '../guide/entry.js';

/** An online form an entry relies on or its page links to: a source of kind `form`. */
export interface FormSource {
  kind: 'form';
  url: string;
  form: OnlineForm;
  /** The guide names it (cited URL or reproduced procedure): a closed one makes the entry stale. */
  citedBy: 'guide' | 'page';
}

function urlsOf(facts: Fact[], text: string): string[] {
  return [...facts.flatMap((fact) => (fact.kind === 'url' ? [fact.value] : [])), ...findUrls(text)];
}

/**
 * The forms of one entry, one per form (the same slug on either démarches host
 * is one form), per page source; the guide's own forms go with the first page.
 */
export function formSourcesOf(entry: GuideEntry, pages: ({ facts: Fact[]; text: string } | null)[]): FormSource[][] {
  const seen = new Set<string>();
  const guideUrls = [...entry.sources.map((source) => source.url), ...urlsOf(entry.facts, entry.procedure)];
  const guideIds = new Set(guideUrls.flatMap((url) => onlineFormOf(url)?.id ?? []));
  const take = (urls: string[]): FormSource[] =>
    urls.flatMap((url) => {
      const form = onlineFormOf(url);
      if (!form || seen.has(form.id)) return [];
      seen.add(form.id);
      return [{ kind: 'form' as const, url, form, citedBy: guideIds.has(form.id) ? ('guide' as const) : ('page' as const) }];
    });
  const first = pages.findIndex((page) => page !== null);
  return pages.map((page, index) => [...(index === first ? take(guideUrls) : []), ...(page ? take(urlsOf(page.facts, page.text)) : [])]);
}
