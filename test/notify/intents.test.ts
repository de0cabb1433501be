import { describe, expect, it } from 'vitest';
import { issueIntents } from '../../src/notify/intents.js';
import { okEntry, staleEntry, unreachableEntry } from './entry-reports.js';

const links = { reportUrl: null };
const actions = (intents: ReturnType<typeof issueIntents>) =>
  intents.map((i) => `${i.action}:${i.action === 'open' ? i.draft.identity.kind : i.identity.kind}`);

describe('issueIntents', () => {
  it('opens a stale issue and resolves the unreachable one for a stale entry', () => {
    const intents = issueIntents(staleEntry(), 3, links);
    expect(actions(intents)).toEqual(['open:stale', 'resolve:unreachable']);
    const open = intents[0];
    expect(open?.action === 'open' && open.draft.identity).toEqual({ entryId: '14-calvados', kind: 'stale', guideUpdated: '2023-02-22' });
  });

  it('resolves both kinds for an ok entry, with a closing comment', () => {
    const intents = issueIntents(okEntry(), 3, links, 'en');
    expect(actions(intents)).toEqual(['resolve:stale', 'resolve:unreachable']);
    for (const intent of intents) {
      expect(intent.action === 'resolve' && intent.departmentCode).toBe('14');
      expect(intent.action === 'resolve' && intent.comment).toMatch(/closed/);
    }
  });

  it('leaves an unreachable entry alone below the threshold and opens at it', () => {
    expect(actions(issueIntents(unreachableEntry(2), 3, links))).toEqual(['leave:stale', 'leave:unreachable']);
    expect(actions(issueIntents(unreachableEntry(3), 3, links))).toEqual(['leave:stale', 'open:unreachable']);
    expect(actions(issueIntents(unreachableEntry(9), 3, links))).toEqual(['leave:stale', 'open:unreachable']);
    expect(actions(issueIntents(unreachableEntry(1), 1, links))).toEqual(['leave:stale', 'open:unreachable']);
  });
});
