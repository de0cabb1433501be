import type { FormObservation } from '../compare/linked.js';
import type { FormSource } from '../sources/forms.js';
import { describeFailure, isGoneStatus } from './describe-outcome.js';
import type { ObserveDeps } from './observe.js';

/** Fetches an online form's page (politely, like any page) and reads whether it still takes requests. */
export async function observeForm(source: FormSource, deps: ObserveDeps): Promise<FormObservation> {
  const outcome = await deps.http.fetch({ url: source.url, signal: deps.signal });
  const base = { url: source.url, service: source.form.service, id: source.form.id, citedBy: source.citedBy };
  const answered = 'finalUrl' in outcome ? { finalUrl: outcome.finalUrl, httpStatus: outcome.status } : { finalUrl: null, httpStatus: null };
  if (outcome.kind === 'fetched') {
    // The HTML parser loads only for a run that has a form page to read.
    const { readFormState } = await import('../extract/form-state.js');
    return { ...base, ...answered, ...readFormState(outcome.html) };
  }
  if (outcome.kind === 'http-error' && isGoneStatus(outcome.status)) {
    return { ...base, ...answered, state: 'closed', sentence: `HTTP ${outcome.status}: the form is gone` };
  }
  if (outcome.kind === 'not-modified') return { ...base, ...answered, state: 'unknown', sentence: null };
  return { ...base, ...answered, state: 'unknown', sentence: describeFailure(outcome) };
}
