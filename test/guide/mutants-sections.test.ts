import { describe, expect, it } from 'vitest';
import { entryOf, freshParser, parseSection, sectionText, itEach } from './guide-text.js';

const PROCEDURE = 'Envoyez votre dossier complet par courrier à la préfecture.';
const parse = async (text: string) => (await freshParser())(text, 'guide.txt');

describe('what a section holds', () => {
  it('reads every field of a plain section', async () => {
    const text = sectionText();
    expect(await entryOf()).toEqual({
      id: '14-calvados',
      region: 'Normandie',
      department: { code: '14', name: 'Calvados' },
      prefecture: 'Caen',
      subPrefectures: {
        names: ['Bayeux', 'Lisieux', 'Vire Normandie'],
        handlesAes: 'none',
        handling: [],
        each: [
          { name: 'Bayeux', handlesAes: false },
          { name: 'Lisieux', handlesAes: false },
          { name: 'Vire Normandie', handlesAes: false },
        ],
      },
      updated: '2023-02-22',
      channels: { recognised: ['postal'], wording: "La demande d'admission exceptionnelle se fait par voie postale.", unrecognised: false },
      sources: [{ url: 'https://www.calvados.gouv.fr/aes', clientRoute: null }],
      procedure: PROCEDURE,
      facts: [{ kind: 'channel', value: 'postal' }],
      location: { file: 'guide.txt', line: 2 },
    });
    expect(text.split('\n')[1]).toBe('Département du Calvados (14)');
  });

  it('has no sous-préfectures when the guide lists none', async () => {
    expect((await entryOf({ subPrefectures: [], closing: [] })).subPrefectures).toEqual({ names: [], handlesAes: 'unknown', handling: [], each: [] });
  });

  it('keeps the first channel sentence when there are two', async () => {
    const entry = await entryOf({
      channel: ["La demande d'admission exceptionnelle se fait par voie postale.", '', "La demande d'admission exceptionnelle se fait en ligne."],
    });
    expect(entry.channels.recognised).toEqual(['postal']);
  });

  it('ends the channel sentence at its full stop, even with no blank line after it', async () => {
    const entry = await entryOf({
      channel: ["La demande d'admission exceptionnelle se fait par voie postale."],
      consult: [],
      reproduced: [
        'Les modalités sont consultables ici : <https://www.calvados.gouv.fr/aes>',
        'Les modalités sont reproduites ici :',
        PROCEDURE,
      ],
    });
    expect(entry.channels.wording).toBe("La demande d'admission exceptionnelle se fait par voie postale.");
    expect(entry.sources).toHaveLength(1);
  });

  it('follows a channel sentence cut mid-line, with an abbreviation in it, to its full stop', async () => {
    const entry = await entryOf({ channel: ["La demande d'admission exceptionnelle se fait par courrier à M. le", 'préfet ou en ligne.'] });
    expect(entry.channels).toEqual({
      recognised: ['postal', 'online'],
      wording: "La demande d'admission exceptionnelle se fait par courrier à M. le préfet ou en ligne.",
      unrecognised: false,
    });
  });

  it('reads a list of sous-préfectures cut by a page break', async () => {
    const entry = await entryOf({ subPrefectures: ['Sous-préfectures : Bayeux,', '1 / 4', 'Lisieux'] });
    expect(entry.subPrefectures.names).toEqual(['Bayeux', 'Lisieux']);
  });

  it('reads a section whose text ends without a closing block or a final newline', async () => {
    const text = sectionText({ closing: [] }).trimEnd();
    const parsed = await parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries[0]?.procedure).toBe(PROCEDURE);
    expect(parsed.entries[0]?.subPrefectures.handlesAes).toBe('unknown');
  });

  it('does not read sous-préfectures out of the procedure when there is no closing block', async () => {
    const entry = await entryOf({
      reproduced: ['Les modalités sont reproduites ici :', '', 'Le bureau des étrangers reçoit les dossiers sur rendez-vous.'],
      closing: [],
    });
    expect(entry.subPrefectures.handlesAes).toBe('unknown');
  });

  it('reads the closing block from the line after its heading only', async () => {
    const entry = await entryOf({
      reproduced: ['Les modalités sont reproduites ici :', '', PROCEDURE, 'Les sous-préfectures traitent aussi les demandes.', 'Sous-préfectures', 'Voir le site.'],
      closing: [],
    });
    expect(entry.subPrefectures.handlesAes).toBe('unknown');
    expect(entry.procedure).toBe(`${PROCEDURE}\nLes sous-préfectures traitent aussi les demandes.`);
  });

  it('drops a section header repeated after a page break', async () => {
    const entry = await entryOf({
      reproduced: [
        'Les modalités sont reproduites ici :',
        '',
        'Envoyez votre dossier complet',
        "gisti, groupe d'information et de soutien des immigré·e·s",
        'Département du Calvados (14)',
        'par courrier à la préfecture.',
      ],
    });
    expect(entry.procedure).toBe(PROCEDURE);
  });
});

describe('problems of a section', () => {
  it('reports a section with no "Région" line', async () => {
    const parsed = await parse(sectionText({ region: [] }));
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toEqual([{ file: 'guide.txt', line: 1, message: 'Calvados (14): no "Région …" line before this section' }]);
  });

  it('reports a section with no reproduced text and no closing block, whose source is its last line', async () => {
    expect((await parseSection({ reproduced: [], closing: [] })).messages).toEqual([
      'Calvados (14): no "Les modalités sont reproduites ici :" text (truncated section?)',
    ]);
  });

  it('does not take a source from the closing block of a section with no reproduced text', async () => {
    expect((await parseSection({ consult: [], reproduced: [], closing: ['Sous-préfectures', 'Voir <https://www.calvados.gouv.fr/sous-prefectures>'] })).messages).toEqual([
      'Calvados (14): no source URL ("Les modalités sont consultables ici : <URL>")',
      'Calvados (14): no "Les modalités sont reproduites ici :" text (truncated section?)',
    ]);
  });

  it('reads nothing of the header out of a reproduced text that follows the header directly', async () => {
    const text = [
      'Région Normandie',
      'Département du Calvados (14)',
      'Les modalités sont reproduites ici :',
      'Préfecture de Caen',
      'Dernière mise à jour : 22/02/2023',
      'Envoyez votre dossier par courrier.',
    ].join('\n');
    expect((await parse(text)).problems.map((p) => p.message)).toEqual([
      'Calvados (14): no "Préfecture …" line',
      'Calvados (14): no "Dernière mise à jour : dd/mm/yyyy" date',
      `Calvados (14): no "La demande d'admission exceptionnelle se fait …" sentence`,
      'Calvados (14): no source URL ("Les modalités sont consultables ici : <URL>")',
    ]);
  });

  it('reports a département name that gives no id', async () => {
    const { entry, problems } = await parseSection({ department: 'Département du … (14)' });
    expect(entry).toBeNull();
    expect(problems).toEqual([{ file: 'guide.txt', line: 2, message: expect.stringMatching(/^… \(14\): invalid id: /) }]);
  });

  itEach([['01'], ['19'], ['21'], ['2A'], ['2B'], ['30'], ['89'], ['95'], ['971'], ['976']])('accepts the département code %s', async (code) => {
    expect((await entryOf({ department: `Département du Calvados (${code})` })).department.code).toBe(code);
  });

  itEach([['00'], ['20'], ['96'], ['970'], ['977'], ['114'], ['145'], ['0A']])('rejects the département code %s', async (code) => {
    expect((await parseSection({ department: `Département du Calvados (${code})` })).messages).toEqual([
      `Calvados (${code}): unknown département code "${code}"`,
    ]);
  });
});

describe('sections in a guide', () => {
  it('finds a section whose header lines are split by blank lines and a page break', async () => {
    const text = sectionText({
      region: ['Région Normandie', ''],
      department: 'Département du Calvados (14)\n\n2 / 12\nPréfecture de Caen',
      prefecture: [],
    });
    const parsed = await parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.prefecture])).toEqual([['14-calvados', 'Caen']]);
  });

  it('reads a guide that starts with its first département line', async () => {
    const parsed = await parse(sectionText({ region: [] }).replace(/^/, ''));
    expect(parsed.problems.map((p) => p.message)).toEqual(['Calvados (14): no "Région …" line before this section']);
  });

  it('does not end a section at the next section\'s "Région" line, and leaves it out of the procedure', async () => {
    const text = sectionText({ closing: [] }) + sectionText({ region: ['Région Bretagne'], department: 'Département du Finistère (29)', prefecture: ['Préfecture de Quimper'] });
    const parsed = await parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.region, e.procedure])).toEqual([
      ['14-calvados', 'Normandie', PROCEDURE],
      ['29-finistere', 'Bretagne', PROCEDURE],
    ]);
  });

  it('ignores a département line inside a section that is not a header, and a mention in the introduction', async () => {
    const text =
      "Ce guide ne couvre pas encore le Département de l'Oise (60) en entier.\n" +
      sectionText({ reproduced: ['Les modalités sont reproduites ici :', '', "Pour l'Orne, voir :", "Département de l'Orne (61)", PROCEDURE] });
    const parsed = await parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
  });

  it('reports a contents line without a section, but not one followed by its page number', async () => {
    const text = "Département de l'Oise (60)\nDépartement de l'Aisne (02) ........ 12\n\n" + sectionText();
    expect((await parse(text)).problems).toEqual([
      { file: 'guide.txt', line: 1, message: `the contents list "Département de l'Oise (60)" but no section for it follows (truncated guide?)` },
    ]);
  });

  it('reports a duplicate section for the whole file and keeps the first', async () => {
    const parsed = await parse(sectionText() + sectionText({ prefecture: ['Préfecture de Bayeux'] }));
    expect(parsed.entries.map((e) => e.prefecture)).toEqual(['Caen']);
    expect(parsed.problems).toEqual([{ file: 'guide.txt', line: 20, message: 'duplicate section for 14-calvados (first at guide.txt:2)', scope: 'file' }]);
  });
});
