import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GuideEntry } from '../../src/guide/entry.js';
import { parseGuide } from '../../src/guide/parse.js';

function parseFixture(name: string) {
  const text = readFileSync(new URL(`../fixtures/guides/${name}`, import.meta.url), 'utf8');
  return { text, ...parseGuide(text, name) };
}
function entry(entries: GuideEntry[], id: string): GuideEntry {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

describe('Île-de-France fixture (CRLF, five départements)', () => {
  const idf = parseFixture('ile-de-france.txt');

  it('is really CRLF and parses all five sections without problems', () => {
    expect(idf.text).toContain('\r\n');
    expect(idf.problems).toEqual([]);
    expect(idf.entries.map((e) => e.id)).toEqual(['78-yvelines', '91-essonne', '92-hauts-de-seine', '93-seine-saint-denis', '95-val-d-oise']);
    expect(idf.entries.every((e) => e.region === 'Île-de-France')).toBe(true);
    for (const e of idf.entries) expect(e.procedure).not.toContain('\r');
  });

  it('reads "Département des Yvelines", sous-préfectures that handle AES, and an address split with dashes', () => {
    const e = entry(idf.entries, '78-yvelines');
    expect(e.department).toEqual({ code: '78', name: 'Yvelines' });
    expect(e.subPrefectures).toEqual({
      names: ['Mantes-la-Jolie', 'Rambouillet', 'Saint-Germain-en-Laye'],
      handlesAes: 'some',
      handling: ['Mantes-la-Jolie', 'Rambouillet'],
      each: [
        { name: 'Mantes-la-Jolie', handlesAes: true },
        { name: 'Rambouillet', handlesAes: true },
        { name: 'Saint-Germain-en-Laye', handlesAes: false },
      ],
    });
    expect(e.facts.find((f) => f.kind === 'address')).toEqual({
      kind: 'address',
      value: "Préfecture des Yvelines, Direction des migrations et de l'intégration, 1 rue Jean Houdon, 78010 VERSAILLES CEDEX",
      recipient: ['Préfecture des Yvelines', "Direction des migrations et de l'intégration"],
      street: '1 rue Jean Houdon',
      postBox: null,
      postcode: '78010',
      city: 'VERSAILLES',
      cedex: '',
    });
  });

  it('keeps two cited URLs in one entry, and does not read a denied channel ("Aucune demande ... par courrier")', () => {
    const e = entry(idf.entries, '91-essonne');
    expect(e.prefecture).toBe('Évry-Courcouronnes');
    expect(e.sources).toEqual([
      { url: 'https://www.essonne.gouv.fr/Demarches/Titres-de-sejour/Admission-exceptionnelle-au-sejour', clientRoute: null },
      { url: 'https://www.essonne.gouv.fr/Actualites/Etrangers/Nouvelle-procedure-AES', clientRoute: null },
    ]);
    expect(e.facts).toEqual([
      { kind: 'url', value: 'https://www.demarches-simplifiees.fr/commencer/91-aes', role: 'online-procedure' },
      { kind: 'channel', value: 'online' },
    ]);
  });

  it('removes a page header in the middle of an entry and rejoins the sentence it cut', () => {
    const e = entry(idf.entries, '92-hauts-de-seine');
    expect(e.procedure).not.toContain('gisti');
    expect(e.procedure).toContain("Si vous êtes hébergé, vous devez joindre une attestation d'hébergement signée par votre hébergeant.");
    const address = e.facts.find((f) => f.kind === 'address');
    expect(address).toMatchObject({
      recipient: ['Préfecture des Hauts-de-Seine', "Bureau de l'admission au séjour"],
      street: '167-177 avenue Joliot-Curie',
      postcode: '92013',
      city: 'NANTERRE',
      cedex: '',
    });
  });

  it('recognises an appointment-only channel', () => {
    const e = entry(idf.entries, '93-seine-saint-denis');
    expect(e.channels).toEqual({ recognised: ['appointment'], wording: "La demande d'admission exceptionnelle se fait uniquement sur rendez-vous.", unrecognised: false });
    expect(e.facts).toEqual([
      { kind: 'phone', value: '01 41 60 60 60' },
      { kind: 'url', value: 'https://www.seine-saint-denis.gouv.fr/booking/create/40302/0', role: 'appointment' },
      { kind: 'channel', value: 'appointment' },
    ]);
  });

  it('slugs an apostrophe, reads a DSFR document detail and an exception among sous-préfectures', () => {
    const e = entry(idf.entries, '95-val-d-oise');
    expect(e.department).toEqual({ code: '95', name: "Val-d'Oise" });
    expect(e.subPrefectures).toEqual({
      names: ['Argenteuil', 'Sarcelles'],
      handlesAes: 'some',
      handling: ['Argenteuil'],
      each: [
        { name: 'Argenteuil', handlesAes: true },
        { name: 'Sarcelles', handlesAes: false },
      ],
    });
    expect(e.facts).toContainEqual({ kind: 'document', value: "Formulaire de demande d'AES", format: 'pdf', size: '312,5 Ko', date: '2023-01-03', href: null });
    expect(e.facts).toContainEqual(expect.objectContaining({ kind: 'address', street: null, postBox: 'CS 20105', city: 'CERGY-PONTOISE' }));
  });
});

describe('Corse fixture (2A/2B, broken channel sentence, unrecognised wording)', () => {
  const corse = parseFixture('corse.txt');

  it('reads codes 2A and 2B', () => {
    expect(corse.problems).toEqual([]);
    expect(corse.entries.map((e) => [e.id, e.department.code, e.prefecture])).toEqual([
      ['2A-corse-du-sud', '2A', 'Ajaccio'],
      ['2B-haute-corse', '2B', 'Bastia'],
    ]);
  });

  it('rejoins a channel sentence broken over two lines and reads "Elles traitent également"', () => {
    const e = entry(corse.entries, '2A-corse-du-sud');
    expect(e.channels.wording).toBe("La demande d'admission exceptionnelle se fait par voie postale et par voie dématérialisée.");
    expect(e.channels.recognised).toEqual(['postal', 'online']);
    expect(e.subPrefectures).toEqual({ names: ['Sartène'], handlesAes: 'all', handling: ['Sartène'], each: [{ name: 'Sartène', handlesAes: true }] });
    expect(e.sources[0]?.clientRoute).toBe('#!/Particuliers/page/F2208');
    expect(e.facts).toContainEqual(expect.objectContaining({ kind: 'address', postcode: '20188', city: 'Ajaccio', cedex: '9', street: 'Cours Napoléon' }));
    expect(e.facts).toContainEqual({ kind: 'url', value: 'https://demarche.numerique.gouv.fr/commencer/2a-admission-exceptionnelle', role: 'online-procedure' });
  });

  it('keeps unrecognised channel wording verbatim and flags it', () => {
    expect(entry(corse.entries, '2B-haute-corse').channels).toEqual({
      recognised: [],
      wording: "La demande d'admission exceptionnelle se fait par l'intermédiaire d'une association agréée.",
      unrecognised: true,
    });
  });
});

describe('Guadeloupe fixture (overseas code, worded date, no contents block)', () => {
  const gp = parseFixture('guadeloupe.txt');

  it('reads 971 with its sous-préfecture handling AES', () => {
    expect(gp.problems).toEqual([]);
    const e = entry(gp.entries, '971-guadeloupe');
    expect(e.department).toEqual({ code: '971', name: 'Guadeloupe' });
    expect(e.updated).toBe('2023-03-01');
    expect(e.prefecture).toBe('Basse-Terre');
    expect(e.channels.recognised).toEqual(['postal', 'appointment']);
    expect(e.subPrefectures).toEqual({ names: ['Pointe-à-Pitre'], handlesAes: 'all', handling: ['Pointe-à-Pitre'], each: [{ name: 'Pointe-à-Pitre', handlesAes: true }] });
    expect(e.facts).toContainEqual({ kind: 'phone', value: '0590 99 39 00' });
  });
});
