import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright';
import { SparePage, type FreshPage } from '../../src/fetch/browser-spare.js';

/** Stand-in pages: only identity and `context.close()` matter to the reserve. */
function opener() {
  const opened: { id: number; closed: boolean }[] = [];
  const open = async (): Promise<FreshPage> => {
    const record = { id: opened.length + 1, closed: false };
    opened.push(record);
    const context = { close: async () => void (record.closed = true) } as unknown as BrowserContext;
    return { context, page: { id: record.id } as unknown as Page };
  };
  return { opened, open };
}
const idOf = (fresh: FreshPage) => (fresh.page as unknown as { id: number }).id;

describe('SparePage', () => {
  it('hands out each page once and prepares the next one in reserve', async () => {
    const { opened, open } = opener();
    const spare = new SparePage(open);
    const first = await spare.take();
    expect(idOf(first)).toBe(1);
    expect(opened).toHaveLength(2); // the reserve is already being opened
    const [second, third] = await Promise.all([spare.take(), spare.take()]);
    expect(new Set([idOf(first), idOf(second!), idOf(third!)]).size).toBe(3);
    // Never more than one page waits in reserve.
    expect(opened.length).toBe(4);
  });

  it('closes the page in reserve on stop and opens no more', async () => {
    const { opened, open } = opener();
    const spare = new SparePage(open);
    await spare.take();
    spare.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened.map((o) => o.closed)).toEqual([false, true]);
    await spare.take();
    expect(opened).toHaveLength(3);
    expect(opened[2]!.closed).toBe(false);
  });

  it('opens directly when preparing the reserve failed', async () => {
    let calls = 0;
    const { open } = opener();
    const spare = new SparePage(async () => {
      calls += 1;
      if (calls === 2) throw new Error('renderer crashed');
      return open();
    });
    await spare.take();
    const next = await spare.take();
    expect(idOf(next)).toBe(2);
    expect(calls).toBe(4);
  });
});
