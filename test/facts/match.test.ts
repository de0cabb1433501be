import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/extract.js';
import type { Fact, FactOf } from '../../src/facts/fact.js';
import { factKey } from '../../src/facts/key.js';
import { factPresent, normaliseForMatch } from '../../src/facts/match.js';

const email = (value: string): Fact => ({ kind: 'email', value });
const address = (over: Partial<FactOf<'address'>>): FactOf<'address'> => ({
  kind: 'address',
  value: 'x',
  recipient: [],
  street: 'Rue Daniel Huet',
  postBox: null,
  postcode: '14038',
  city: 'CAEN',
  cedex: '08',
  ...over,
});
const doc = (value: string, date: string | null): Fact => ({ kind: 'document', value, format: 'pdf', size: null, date, href: null });
/** Present when the page states it as a fact, and also when only its text says it. */
const presentBoth = (fact: Fact, pageText: string) => [factPresent(fact, extractFacts(pageText), pageText), factPresent(fact, [], pageText)];

describe('normaliseForMatch', () => {
  it('ignores case, accents, NBSP, NNBSP, ’ vs \' and line breaks', () => {
    expect(normaliseForMatch('Préfecture\u00A0de\u202Fl’Orne\n  ALENÇON')).toBe(normaliseForMatch("prefecture de l'orne alencon"));
  });
  it('keeps letters, digits and real hyphens', () => {
    expect(normaliseForMatch('CEDEX 08')).not.toBe(normaliseForMatch('CEDEX 9'));
    expect(normaliseForMatch('pref-regularisation')).toBe('pref-regularisation');
  });
});

describe('emails', () => {
  it('tolerates a PDF line-break hyphen: pref-etran-gers matches pref-etrangers', () => {
    expect(presentBoth(email('pref-etran-gers@orne.gouv.fr'), 'Contact : pref-etrangers@orne.gouv.fr')).toEqual([true, true]);
    expect(factKey(email('pref-etran-gers@orne.gouv.fr'))).toBe(factKey(email('pref-etrangers@orne.gouv.fr')));
  });
  it('tolerates case', () => {
    expect(presentBoth(email('Pref-Regularisation@Manche.gouv.fr'), 'pref-regularisation@manche.gouv.fr')).toEqual([true, true]);
  });
  it('never tolerates a different address: pref-regularisation vs pref-regul', () => {
    expect(presentBoth(email('pref-regularisation@manche.gouv.fr'), 'Écrivez à pref-regul@manche.gouv.fr')).toEqual([false, false]);
    expect(presentBoth(email('pref-regul@manche.gouv.fr'), 'Écrivez à pref-regularisation@manche.gouv.fr')).toEqual([false, false]);
    expect(presentBoth(email('regul@manche.gouv.fr'), 'Écrivez à pref-regul@manche.gouv.fr')).toEqual([false, false]);
    expect(presentBoth(email('pref-etrangers@orne.gouv.fr'), 'pref-etrangers@calvados.gouv.fr')).toEqual([false, false]);
  });
  it('keeps the printed value, real hyphen included, for reports', () => {
    expect(extractFacts('pref-regularisation@manche.gouv.fr')[0]).toEqual(email('pref-regularisation@manche.gouv.fr'));
  });
});

describe('addresses', () => {
  const guide = address({});
  it('tolerates spacing, case, accents, punctuation and recipient or box changes', () => {
    expect(presentBoth(guide, 'Préfecture\n\nrue Daniel-Huet\n\n14038\u00A0Caen Cedex 08')).toEqual([true, true]);
    expect(presentBoth(address({ street: '39, Rue Saint Blaise', postcode: '61018', city: 'ALENCON', cedex: '' }), 'Autre service\n39 rue Saint-Blaise\nCS 99 999\n61018 Alençon CEDEX')).toEqual([true, true]);
  });
  it('treats CEDEX 08 and CEDEX 8 as the same office number', () => {
    expect(presentBoth(guide, 'Rue Daniel Huet\n14038 CAEN CEDEX 8')).toEqual([true, true]);
  });
  it('never tolerates another CEDEX number, a missing or added CEDEX, another postcode, city or street', () => {
    expect(presentBoth(guide, 'Rue Daniel Huet\n14038 CAEN CEDEX 9')).toEqual([false, false]);
    expect(presentBoth(guide, 'Rue Daniel Huet\n14038 CAEN CEDEX')).toEqual([false, false]);
    expect(presentBoth(guide, 'Rue Daniel Huet\n14038 CAEN')).toEqual([false, false]);
    expect(presentBoth(guide, 'Rue Daniel Huet\n14000 CAEN CEDEX 08')).toEqual([false, false]);
    expect(presentBoth(guide, 'Rue Daniel Huet\n14038 BAYEUX CEDEX 08')).toEqual([false, false]);
    expect(presentBoth(guide, '10 rue de la Paix\n14038 CAEN CEDEX 08')).toEqual([false, false]);
    expect(presentBoth(address({ street: '7 places de la Madeleine', postcode: '76036', city: 'ROUEN', cedex: '' }), '7 place de la Madeleine\n76036 ROUEN CEDEX')).toEqual([false, false]);
  });
  it('needs only postcode, city and CEDEX when the guide gives no street', () => {
    expect(presentBoth(address({ street: null }), 'Place Gambetta\n14038 CAEN CEDEX 08')).toEqual([true, true]);
  });
  it('has a key that ignores recipients and box but not the CEDEX number', () => {
    expect(factKey(address({ recipient: ['A'], postBox: 'CS 1' }))).toBe(factKey(address({ cedex: '8', city: 'Caen', street: 'rue Daniel-Huet' })));
    expect(factKey(guide)).not.toBe(factKey(address({ cedex: '9' })));
  });
});

describe('documents', () => {
  it('match by title (case, accents, PDF hyphens) and by date when both sides state one', () => {
    expect(presentBoth(doc('Dossier de demande AES', '2022-10-25'), 'Dossier de de-mande aes\nPDF - 524,1 Ko - 25/10/2022')).toEqual([true, true]);
    expect(presentBoth(doc('Dossier de demande AES', '2022-10-25'), 'Téléchargez le [Dossier de demande AES](https://x.gouv.fr/a.pdf)')).toEqual([true, true]);
    expect(presentBoth(doc('Dossier de demande AES', null), 'Dossier de demande AES (format pdf - 530 ko - 01/02/2024)')).toEqual([true, true]);
  });
  it('never match another title or another stated date', () => {
    expect(presentBoth(doc('Dossier de demande AES', '2022-10-25'), 'Dossier de demande AES\nPDF - 530 Ko - 01/02/2024')).toEqual([false, false]);
    expect(presentBoth(doc('Dossier de demande AES', null), 'Dossier de demande de titre de séjour\nPDF - 530 Ko')).toEqual([false, false]);
  });
});

describe('urls, phones and channels', () => {
  it('treat the two démarches-simplifiées hosts as one, but not another slug', () => {
    const ds: Fact = { kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/76-aes', role: 'online-procedure' };
    expect(presentBoth(ds, 'https://demarche.numerique.gouv.fr/commencer/76-aes/')).toEqual([true, true]);
    expect(presentBoth(ds, 'https://demarche.numerique.gouv.fr/commencer/76-aes-bis')).toEqual([false, false]);
  });
  it('keep a #! client route as part of a URL', () => {
    const url = (value: string): Fact => ({ kind: 'url', value, role: 'page' });
    expect(factKey(url('https://a.gouv.fr/p.html#!/Particuliers/page/L1055'))).not.toBe(factKey(url('https://a.gouv.fr/p.html#!/Particuliers/page/F2208')));
    expect(factKey(url('https://a.gouv.fr/p.html?utm_source=x#top'))).toBe(factKey(url('http://www.a.gouv.fr/p.html')));
  });
  it('compare phones by digits, +33 included, and never tolerate another number', () => {
    const phone: Fact = { kind: 'phone', value: '02 33 80 60 00' };
    expect(presentBoth(phone, 'Tél. +33 (0)2.33.80.60.00')).toEqual([true, true]);
    expect(presentBoth(phone, 'Tél. 02 33 80 60 01')).toEqual([false, false]);
  });
  it('compare channels by value', () => {
    expect(presentBoth({ kind: 'channel', value: 'postal' }, 'Envoi par voie postale.')).toEqual([true, true]);
    expect(presentBoth({ kind: 'channel', value: 'postal' }, 'Démarche en ligne uniquement.')).toEqual([false, false]);
  });
});
