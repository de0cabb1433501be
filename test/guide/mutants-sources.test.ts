import { describe, expect, it } from 'vitest';
import { entryOf, parseSection, itEach } from './guide-text.js';

const sourcesOf = async (...consult: string[]) => (await entryOf({ consult })).sources;
const CONSULT = 'Les modalités sont consultables ici :';

describe('the URLs a section cites', () => {
  itEach([
    [`${CONSULT} <https://www.calvados.gouv.fr/aes>`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} <http://www.calvados.gouv.fr/aes>`, 'http://www.calvados.gouv.fr/aes'],
    [`${CONSULT} < https://www.calvados.gouv.fr/aes >`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} [le site de la préfecture](https://www.calvados.gouv.fr/aes)`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} [le site](http://www.calvados.gouv.fr/aes).`, 'http://www.calvados.gouv.fr/aes'],
    [`${CONSULT} https://www.calvados.gouv.fr/aes`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} http://www.calvados.gouv.fr/aes`, 'http://www.calvados.gouv.fr/aes'],
    [`${CONSULT} https://www.calvados.gouv.fr/aes.`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} https://www.calvados.gouv.fr/aes...`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} https://www.calvados.gouv.fr/aes, rubrique Étrangers`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} "https://www.calvados.gouv.fr/aes"`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} (https://www.calvados.gouv.fr/aes)`, 'https://www.calvados.gouv.fr/aes'],
    [`${CONSULT} <https://www.calvados.gouv.fr/aes> <voir le site>`, 'https://www.calvados.gouv.fr/aes'],
  ])('%s cites %s', async (line, url) => {
    expect(await sourcesOf(line)).toEqual([{ url, clientRoute: null }]);
  });

  itEach([
    [[`${CONSULT} <https://www.calvados.gouv.fr/Demarches/`, 'Etrangers/aes>'], 'https://www.calvados.gouv.fr/Demarches/Etrangers/aes'],
    [[`${CONSULT} <http://www.calvados.gouv.fr/Demarches/`, 'Etrangers/', 'aes>'], 'http://www.calvados.gouv.fr/Demarches/Etrangers/aes'],
    [[`${CONSULT} <https:`, '//www.calvados.gouv.fr/aes>'], 'https://www.calvados.gouv.fr/aes'],
    [[`${CONSULT} <https://www.calvados.gouv.fr/aes`], 'https://www.calvados.gouv.fr/aes'],
  ])('follows a bracketed URL the PDF broke over lines: %j', async (lines, url) => {
    expect(await sourcesOf(...lines)).toEqual([{ url, clientRoute: null }]);
  });

  it('keeps each citation once, in order, with its client-side route', async () => {
    expect(
      await sourcesOf(
        `${CONSULT} <https://www.calvados.gouv.fr/aes>`,
        'et ici : [la page](https://www.calvados.gouv.fr/#!/rendez-vous) ou https://www.calvados.gouv.fr/rdv',
      ),
    ).toEqual([
      { url: 'https://www.calvados.gouv.fr/aes', clientRoute: null },
      { url: 'https://www.calvados.gouv.fr/#!/rendez-vous', clientRoute: '#!/rendez-vous' },
      { url: 'https://www.calvados.gouv.fr/rdv', clientRoute: null },
    ]);
  });

  it('keeps a plain fragment as part of the URL, not as a client-side route', async () => {
    expect(await sourcesOf(`${CONSULT} <https://www.calvados.gouv.fr/aes#contacts>`)).toEqual([
      { url: 'https://www.calvados.gouv.fr/aes#contacts', clientRoute: null },
    ]);
  });

  itEach([
    [`${CONSULT} <htp:/calvados>`, 'htp:/calvados'],
    [`${CONSULT} <www.calvados.gouv.fr/aes>`, 'www.calvados.gouv.fr/aes'],
    [`${CONSULT} <ftp://ftp.calvados.gouv.fr/aes>`, 'ftp://ftp.calvados.gouv.fr/aes'],
  ])('reports %s as an invalid URL', async (line, printed) => {
    expect((await parseSection({ consult: [line] })).problems).toEqual([
      { file: 'guide.txt', line: 10, message: `Calvados (14): invalid source URL "${printed}"` },
    ]);
  });

  it('reports an invalid URL on the line where it is cited', async () => {
    expect((await parseSection({ consult: [`${CONSULT} <https://www.calvados.gouv.fr/aes>`, 'et ici : <htp:/calvados>'] })).problems).toEqual([
      { file: 'guide.txt', line: 11, message: 'Calvados (14): invalid source URL "htp:/calvados"' },
    ]);
  });

  it('does not take a bracketed word for a URL', async () => {
    expect(await sourcesOf(`${CONSULT} <https://www.calvados.gouv.fr/aes> <AES>`)).toEqual([{ url: 'https://www.calvados.gouv.fr/aes', clientRoute: null }]);
  });
});
