import { describe, expect, it, vi } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';

/**
 * Snapshots and the guide cache store facts and read them back through the
 * `Fact` schema (snapshot/schema.ts). The module is loaded afresh in each test:
 * its schemas are built when it loads, and this way a broken schema shows up
 * in the test that reads with it.
 */
async function schemas() {
  vi.resetModules();
  return import('../../src/facts/fact.js');
}

const PAGE = [
  'Envoyez votre dossier par courrier à :',
  'Préfecture du Calvados, Bureau du séjour',
  'Rue Daniel Huet, CS 30007',
  '14038 CAEN CEDEX 9',
  'Ou déposez-le en ligne : https://www.demarches-simplifiees.fr/commencer/aes-14',
  'Contact : pref-sejour@calvados.gouv.fr, 02 31 30 64 00.',
  'Voir https://www.calvados.gouv.fr/aes et le [formulaire](https://www.calvados.gouv.fr/aes.pdf).',
  'Prenez rendez-vous sur https://www.calvados.gouv.fr/booking/create/12/0',
  'Dossier de demande AES (format pdf - 524 ko - 25/10/2022)',
].join('\n');

describe('the Fact schema stored facts are read with', () => {
  it('reads back every fact a page gives, field for field', async () => {
    const { Fact } = await schemas();
    const facts = extractFacts(PAGE);
    expect(new Set(facts.map((f) => f.kind))).toEqual(new Set(['email', 'phone', 'url', 'address', 'document', 'channel']));
    expect(new Set(facts.flatMap((f) => (f.kind === 'url' ? [f.role] : [])))).toEqual(new Set(['online-procedure', 'form', 'appointment', 'page']));
    for (const fact of facts) expect(Fact.parse(JSON.parse(JSON.stringify(fact))), fact.value).toEqual(fact);
  });

  it('reads each of the five channels', async () => {
    const { Fact, Channel } = await schemas();
    for (const value of ['postal', 'online', 'appointment', 'in-person', 'unknown']) {
      expect(Fact.parse({ kind: 'channel', value })).toEqual({ kind: 'channel', value });
    }
    expect(Channel.options).toHaveLength(5);
  });

  it('gives a URL stored without a role (older snapshots) the role "page"', async () => {
    const { Fact } = await schemas();
    expect(Fact.parse({ kind: 'url', value: 'https://www.calvados.gouv.fr/aes' })).toEqual({ kind: 'url', value: 'https://www.calvados.gouv.fr/aes', role: 'page' });
  });

  it('rejects damaged facts: empty value, bad postcode, unknown kind, channel or role', async () => {
    const { Fact } = await schemas();
    const address = { kind: 'address', value: '14038 CAEN', recipient: [], street: null, postBox: null, postcode: '14038', city: 'CAEN', cedex: null };
    expect(Fact.safeParse(address).success).toBe(true);
    for (const postcode of ['1403', '140380', 'x14038', '14038x', 'ABCDE']) expect(Fact.safeParse({ ...address, postcode }).success, postcode).toBe(false);
    expect(Fact.safeParse({ kind: 'email', value: '' }).success).toBe(false);
    expect(Fact.safeParse({ kind: 'phone', value: '' }).success).toBe(false);
    expect(Fact.safeParse({ kind: 'fax', value: '02 31 30 64 00' }).success).toBe(false);
    expect(Fact.safeParse({ kind: 'channel', value: 'fax' }).success).toBe(false);
    expect(Fact.safeParse({ kind: 'url', value: 'https://x.fr', role: 'download' }).success).toBe(false);
    expect(Fact.safeParse({ kind: 'document', value: 'Notice', format: null, size: null, date: null }).success).toBe(false);
  });

  // The description is published in the run report's JSON Schema (report/json-schema.ts).
  it('names the kinds and the channels a fact reference can hold', async () => {
    const { FACT_KINDS } = await schemas();
    const { FactRef } = await import('../../src/facts/fact-ref.js');
    expect(FactRef.parse({ kind: 'channel', value: 'online' })).toEqual({ kind: 'channel', value: 'online' });
    expect(FactRef.safeParse({ kind: 'fax', value: 'x' }).success).toBe(false);
    expect(FACT_KINDS).toEqual(['email', 'address', 'phone', 'url', 'document', 'channel']);
    const { globalRegistry } = await import('zod/mini');
    expect(globalRegistry.get(FactRef.shape.value)?.description).toContain('postal, online, appointment, in-person, unknown');
  });
});
