import { describe, expect, it } from 'vitest';

describe('the test guard', () => {
  it('fails a real host like an unknown name, without leaving the machine', async () => {
    const error = await fetch('https://www.demarches-simplifiees.fr/commencer/76-aes').then(
      () => null,
      (e: unknown) => e as TypeError & { cause: { code: string } },
    );
    expect(error?.message).toBe('fetch failed');
    expect(error?.cause.code).toBe('ENOTFOUND');
  });
});
