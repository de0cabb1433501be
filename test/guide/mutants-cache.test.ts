import { describe, expect, it } from 'vitest';
import { fresh } from './guide-text.js';

describe('the guide reader fingerprint', () => {
  it('is absent when the code runs from source rather than from the bundle, which turns the guide cache off', async () => {
    // The bundle defines __AES_GUIDE_READER__ (scripts/bundle.mjs); from source, nothing does.
    expect('__AES_GUIDE_READER__' in globalThis).toBe(false);
    const { GUIDE_READER } = await fresh(() => import('../../src/guide/cache.js'));
    expect(GUIDE_READER).toBeNull();
  });
});
