import { describe, expect, it } from 'vitest';
import { entryOf, freshParser, parseSection, sectionText, itEach } from './guide-text.js';

const PROCEDURE = 'Envoyez votre dossier complet par courrier à la préfecture.';
/** The procedure of a section whose reproduced text is `lines`. */
async function procedureOf(lines: string[]): Promise<string> {
  return (await entryOf({ reproduced: ['Les modalités sont reproduites ici :', '', ...lines] })).procedure;
}

describe('page numbers and running headers inside the reproduced text', () => {
  itEach([
    ['1 / 4'],
    ['12 / 40'],
    ['3/12'],
    ['3 /12'],
    ['3/ 12'],
    ['Page 3'],
    ['page  3'],
    ['Page 12'],
    ['Page 3 sur 12'],
    ['Page 3  sur  12'],
    ['Page 3 / 12'],
    ['PAGE 123 SUR 140'],
    ["gisti, groupe d'information et de soutien des immigré·e·s"],
    ["gisti,groupe d'information et de soutien des immigré·e·s"],
    ["Gisti, groupe d’information et de soutien des immigré-e-s"],
    ["gisti, groupe d'information et de soutien des immigrés"],
    ["gisti, groupe d'information et de soutien des immigrées"],
    ["gisti, groupe d'information et de soutien des immigré·es"],
    ["gisti, groupe d'information et de soutien des immigre.e.s"],
  ])('drops "%s" and rejoins the sentence it cut', async (noise) => {
    expect(await procedureOf(['Envoyez votre dossier complet par courrier', noise, 'à la préfecture.'])).toBe(PROCEDURE);
  });

  itEach([
    [["gisti, groupe d'information et", 'de soutien des immigré·e·s']],
    [['gisti,', "groupe d'information et de soutien", 'des immigré·e·s']],
    [['gisti,', "groupe d'information", 'et de soutien', 'des immigré·e·s']],
  ])('drops a running header broken over several lines: %j', async (header) => {
    expect(await procedureOf(['Envoyez votre dossier complet par courrier', ...header, 'à la préfecture.'])).toBe(PROCEDURE);
  });

  it('keeps a header broken over more than four lines: it is text, not a running header', async () => {
    const lines = ['gisti,', 'groupe', "d'information et", 'de soutien', 'des immigré·e·s'];
    expect(await procedureOf(['Envoyez votre dossier.', '', ...lines])).toBe(`Envoyez votre dossier.\n\n${lines.join(' ')}`);
  });

  itEach([
    ["Gisti, groupe d'information et de soutien des immigrés, 3 villa Marcès, 75011 Paris"],
    ['Gisti, 3 villa Marcès, 75011 Paris'],
    ['Les pièces sont listées page 3'],
    ['3/4 des dossiers sont incomplets.'],
    ['Page 2 : les pièces à fournir'],
    ['1 / 2 journée'],
  ])('keeps "%s": it only looks like a page number or header', async (line) => {
    expect(await procedureOf(['Envoyez votre dossier.', '', line])).toBe(`Envoyez votre dossier.\n\n${line}`);
  });
});

describe('the header lines of a section', () => {
  itEach([
    ['Région Normandie'],
    ['Région : Normandie'],
    ['Région:  Normandie'],
    ['Région  Normandie'],
    ['  Région Normandie  '],
  ])('reads the region from "%s"', async (line) => {
    expect((await entryOf({ region: [line] })).region).toBe('Normandie');
  });

  it('keeps the last region for the sections that follow without their own "Région" line', async () => {
    const text =
      sectionText({ reproduced: ['Les modalités sont reproduites ici :', '', 'Contactez la préfecture de Région Normandie.'] }) +
      sectionText({ region: [], department: "Département de l'Orne (61)", prefecture: ["Préfecture d'Alençon"] });
    const parsed = (await freshParser())(text, 'guide.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.region])).toEqual([
      ['14-calvados', 'Normandie'],
      ['61-orne', 'Normandie'],
    ]);
  });

  itEach([
    ['Département du Calvados (14)', 'Calvados', '14'],
    ['Département : Calvados (14)', 'Calvados', '14'],
    ['Departement Calvados (14)', 'Calvados', '14'],
    ['Département  du Calvados (14)', 'Calvados', '14'],
    ['Département du Calvados(14)', 'Calvados', '14'],
    ['Département du Calvados ( 14 )', 'Calvados', '14'],
    ['Département du Calvados (14 )', 'Calvados', '14'],
    ['Département de la Manche (50)', 'Manche', '50'],
    ['Département de  la Manche (50)', 'Manche', '50'],
    ["Département de l'Orne (61)", 'Orne', '61'],
    ["Département de  l'Orne (61)", 'Orne', '61'],
    ['Département de l’Orne (61)', 'Orne', '61'],
    ["Département d'Ille-et-Vilaine (35)", 'Ille-et-Vilaine', '35'],
    ['Département d’Ille-et-Vilaine (35)', 'Ille-et-Vilaine', '35'],
    ['Département des Yvelines (78)', 'Yvelines', '78'],
    ['Département de La Réunion (974)', 'La Réunion', '974'],
  ])('reads "%s" as %s (%s)', async (department, name, code) => {
    expect((await entryOf({ department })).department).toEqual({ code, name });
  });

  itEach([
    ['Préfecture de Caen'],
    ['Préfecture : Caen'],
    ['Préfecture: Caen'],
    ['Prefecture de Caen'],
    ['Préfecture  de Caen'],
  ])('reads the prefecture from "%s"', async (line) => {
    expect((await entryOf({ prefecture: [line] })).prefecture).toBe('Caen');
  });

  it('reads only the lines that start with "Préfecture" as the prefecture', async () => {
    const entry = await entryOf({ updated: ['Dernière mise à jour : 22/02/2023', 'Contact : Préfecture du Calvados, bureau du séjour'] });
    expect(entry.prefecture).toBe('Caen');
  });

  itEach([
    ['Dernière mise à jour : 22/02/2023'],
    ['Dernière mise à jour: 22/02/2023'],
    ['Dernière mise à jour :22/02/2023'],
    ['Dernière mise à jour 22/02/2023'],
    ['Dernière mise à jour le 22/02/2023'],
    ['Dernière mise à jour le : 22/02/2023'],
    ['Dernière mise à jour le: 22/02/2023'],
    ['Derniere mise a jour : 22/02/2023'.replace('a jour', 'à jour')],
    ['DERNIÈRE MISE À JOUR : 22/02/2023'],
    ['Dernière  mise  à  jour  :  22/02/2023'],
  ])('reads the date from "%s"', async (line) => {
    expect((await entryOf({ updated: [line] })).updated).toBe('2023-02-22');
  });

  it('does not read a date line that does not start with "Dernière mise à jour"', async () => {
    expect((await parseSection({ updated: ['(Dernière mise à jour : 22/02/2023)'] })).messages).toEqual([
      'Calvados (14): no "Dernière mise à jour : dd/mm/yyyy" date',
    ]);
  });

  it('takes the channel sentence from the line that starts with it, not from a remark that mentions the request', async () => {
    const entry = await entryOf({
      updated: ['Dernière mise à jour : 22/02/2023', 'Attention : la demande d’admission exceptionnelle au séjour a changé.'],
    });
    expect(entry.channels).toEqual({ recognised: ['postal'], wording: "La demande d'admission exceptionnelle se fait par voie postale.", unrecognised: false });
  });
});

describe('the "Les modalités sont reproduites ici" line', () => {
  itEach([
    ['Les modalités sont reproduites ici :'],
    ['Les modalités sont reproduites ici:'],
    ['Les modalités sont reproduites ici'],
    ['Les modalités sont reproduites ici  :  '],
    ['LES MODALITÉS SONT REPRODUITES ICI :'],
  ])('"%s" starts the procedure', async (line) => {
    expect((await entryOf({ reproduced: [line, '', PROCEDURE] })).procedure).toBe(PROCEDURE);
  });

  it('keeps text on the same line as the start of the procedure', async () => {
    expect((await entryOf({ reproduced: [`Les modalités sont reproduites ici : ${PROCEDURE}`] })).procedure).toBe(PROCEDURE);
  });

  it('is found only at the start of a line', async () => {
    const entry = await entryOf({
      consult: ['Les modalités sont consultables ici : <https://www.calvados.gouv.fr/aes>', 'Note : les modalités sont reproduites ici telles que publiées.'],
    });
    expect(entry.procedure).toBe(PROCEDURE);
  });
});

describe('the "Sous-préfectures" lines', () => {
  itEach([
    [['Sous-préfectures', '', "Elles traitent également les demandes d'AES."]],
    [['Sous-préfectures :', '', "Elles traitent également les demandes d'AES."]],
    [['Sous-prefectures', "Elles traitent également les demandes d'AES."]],
    [['SOUS-PRÉFECTURES', "Elles traitent également les demandes d'AES."]],
  ])('reads the closing block after the heading %j', async (closing) => {
    const entry = await entryOf({ closing });
    expect(entry.subPrefectures.handlesAes).toBe('all');
    expect(entry.procedure).toBe(PROCEDURE);
  });

  it('reads a singular heading and a singular sentence', async () => {
    const entry = await entryOf({ subPrefectures: ['Sous-préfecture : Bayeux'], closing: ['Sous-préfecture', "Elle traite également les demandes d'AES."] });
    expect(entry.subPrefectures).toMatchObject({ names: ['Bayeux'], handlesAes: 'all', handling: ['Bayeux'] });
    expect(entry.procedure).toBe(PROCEDURE);
  });

  it('takes as the heading only a line that is just "Sous-préfectures"', async () => {
    const entry = await entryOf({ closing: ['Sous-préfectures', "Elles traitent également les demandes d'AES.", 'Voir les horaires des sous-préfectures'] });
    expect(entry.subPrefectures.handlesAes).toBe('all');
  });

  it('reads the list only from a line that starts with "Sous-préfectures :"', async () => {
    const entry = await entryOf({
      updated: ['Dernière mise à jour : 22/02/2023', "Accueil des sous-préfectures : lundi et mardi"],
    });
    expect(entry.subPrefectures.names).toEqual(['Bayeux', 'Lisieux', 'Vire Normandie']);
  });

  it('reports a section with no reproduced text without losing the lines after its list of sous-préfectures', async () => {
    expect((await parseSection({ reproduced: [] })).messages).toEqual(['Calvados (14): no "Les modalités sont reproduites ici :" text (truncated section?)']);
  });
});

describe('lines and byte-order marks', () => {
  it('reads a guide that starts with a byte-order mark', async () => {
    const parsed = (await freshParser())(`\uFEFF${sectionText()}`, 'guide.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.region)).toEqual(['Normandie']);
  });

  it('reads indented lines', async () => {
    const text = sectionText()
      .split('\n')
      .map((l) => `   ${l}\t`)
      .join('\n');
    const parsed = (await freshParser())(text, 'guide.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.region, e.prefecture, e.procedure])).toEqual([['14-calvados', 'Normandie', 'Caen', PROCEDURE]]);
  });
});
