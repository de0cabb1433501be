import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GuideEntry } from '../../src/guide/entry.js';
import { parseGuide } from '../../src/guide/parse.js';

const FILE = 'data/guides/normandie.txt';
const parsed = parseGuide(readFileSync(new URL('../../data/guides/normandie.txt', import.meta.url), 'utf8'), FILE);
const byId = (id: string) => {
  const entry = parsed.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
};
const none = (names: string[]) => ({ names, handlesAes: 'none', handling: [], each: names.map((name) => ({ name, handlesAes: false })) });

describe('the Normandy seed guide', () => {
  it('yields exactly four valid entries and no problems', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.id)).toEqual(['14-calvados', '50-manche', '61-orne', '76-seine-maritime']);
    for (const entry of parsed.entries) expect(GuideEntry.safeParse(entry).success).toBe(true);
  });

  it('reads 14 Calvados', () => {
    expect(byId('14-calvados')).toEqual({
      id: '14-calvados',
      region: 'Normandie',
      department: { code: '14', name: 'Calvados' },
      prefecture: 'Caen',
      subPrefectures: none(['Bayeux', 'Lisieux', 'Vire Normandie']),
      updated: '2023-02-22',
      channels: { recognised: ['postal'], wording: 'La demande d\'admission exceptionnelle se fait par voie postale.', unrecognised: false },
      sources: [
        {
          url: 'https://www.calvados.gouv.fr/accueil-des-etrangers-dans-le-calvados-a9349.html#!/Particuliers/page/L1055',
          clientRoute: '#!/Particuliers/page/L1055',
        },
      ],
      procedure: [
        "DEMANDE D'ADMISSION EXCEPTIONNELLE AU SÉJOUR : Votre demande doit être envoyée uniquement par courrier à l'adresse suivante :",
        'Préfecture du Calvados',
        'Bureau du séjour et des naturalisations',
        'Admission exceptionnelle au séjour',
        'Rue Daniel Huet',
        '14038 CAEN CEDEX 08',
      ].join('\n\n'),
      facts: [
        {
          kind: 'address',
          value:
            'Préfecture du Calvados, Bureau du séjour et des naturalisations, Admission exceptionnelle au séjour, Rue Daniel Huet, 14038 CAEN CEDEX 08',
          recipient: ['Préfecture du Calvados', 'Bureau du séjour et des naturalisations', 'Admission exceptionnelle au séjour'],
          street: 'Rue Daniel Huet',
          postBox: null,
          postcode: '14038',
          city: 'CAEN',
          cedex: '08',
        },
        { kind: 'channel', value: 'postal' },
      ],
      location: { file: FILE, line: 24 },
    });
  });

  it('reads 50 Manche (online by email, hosted-person documents, "[EDF](#)" unwrapped)', () => {
    expect(byId('50-manche')).toEqual({
      id: '50-manche',
      region: 'Normandie',
      department: { code: '50', name: 'Manche' },
      prefecture: 'Saint-Lô',
      subPrefectures: none(['Avranches', 'Cherbourg-en-Cotentin', 'Coutances']),
      updated: '2023-02-22',
      channels: { recognised: ['online'], wording: "La demande d'admission exceptionnelle se fait par voie dématérialisée.", unrecognised: false },
      sources: [
        {
          url: 'https://www.manche.gouv.fr/Demarches-administratives/Demarches-Etrangers-dans-le-departement-de-la-Manche/Vous-etes-en-situation-irreguliere-mais-vous-souhaitez-effectuer-une-demande-de-titre-de-sejour',
          clientRoute: null,
        },
      ],
      procedure: [
        'Vous devez communiquer par messagerie à pref-regularisation@manche.gouv.fr votre nom, votre prénom, votre nationalité, votre N° de téléphone et votre adresse.',
        "Si vous êtes hébergé, vous devez joindre à votre message la copie de la carte nationale d'identité ou de séjour de votre hébergeant, ainsi que son nom, son prénom, sa nationalité, sa date de naissance, son N° de téléphone et une copie de sa dernière quittance de loyer (s'il est locataire) ou de sa dernière facture EDF (s'il est propriétaire)",
        "Après vérifications, le bureau des migrations et de l'intégration vous contactera afin de préciser votre situation.",
      ].join('\n\n'),
      facts: [
        { kind: 'email', value: 'pref-regularisation@manche.gouv.fr' },
        { kind: 'channel', value: 'online' },
      ],
      location: { file: FILE, line: 57 },
    });
  });

  it('reads 61 Orne (registered mail, CS box, AES form PDF, hyphenated email kept as printed)', () => {
    expect(byId('61-orne')).toEqual({
      id: '61-orne',
      region: 'Normandie',
      department: { code: '61', name: 'Orne' },
      prefecture: 'Alençon',
      subPrefectures: none(['Argentan', 'Mortagne-au-Perche']),
      updated: '2023-02-22',
      channels: { recognised: ['postal'], wording: "La demande d'admission exceptionnelle se fait par voie postale.", unrecognised: false },
      sources: [{ url: 'https://www.orne.gouv.fr/l-admission-exceptionnelle-au-sejour-aes-a11663.html', clientRoute: null }],
      procedure: [
        "*Cette démarche s'effectue **uniquement par courrier.***",
        'Étape 1 : Imprimez le dossier :',
        'Dossier de demande AES (format pdf - 524.1 ko - 25/10/2022)',
        "Étape 2 : Complétez votre dossier en y joignant l'ensemble des pièces justificatives demandées selon votre situation",
        "Étape 3 : Envoyez le tout en recommandé avec accusé de réception à l'adresse suivante :",
        "Monsieur le Préfet de l'Orne",
        "Bureau de l'intégration et de l'immigration",
        '39, Rue Saint Blaise',
        'CS 50 529',
        '61018 ALENCON CEDEX',
        "Pour toute question, contactez le Bureau de l'Intégration et de l'Immigration : pref-etran-gers@orne.gouv.fr",
      ].join('\n\n'),
      facts: [
        { kind: 'email', value: 'pref-etran-gers@orne.gouv.fr' },
        {
          kind: 'address',
          value: "Monsieur le Préfet de l'Orne, Bureau de l'intégration et de l'immigration, 39, Rue Saint Blaise, CS 50 529, 61018 ALENCON CEDEX",
          recipient: ["Monsieur le Préfet de l'Orne", "Bureau de l'intégration et de l'immigration"],
          street: '39, Rue Saint Blaise',
          postBox: 'CS 50 529',
          postcode: '61018',
          city: 'ALENCON',
          cedex: '',
        },
        { kind: 'document', value: 'Dossier de demande AES', format: 'pdf', size: '524.1 ko', date: '2022-10-25', href: null },
        { kind: 'channel', value: 'postal' },
      ],
      location: { file: FILE, line: 85 },
    });
  });

  it('reads 76 Seine-Maritime (postal and online, "CS16036 - 76036 ROUEN CEDEX" on one line)', () => {
    expect(byId('76-seine-maritime')).toEqual({
      id: '76-seine-maritime',
      region: 'Normandie',
      department: { code: '76', name: 'Seine-Maritime' },
      prefecture: 'Rouen',
      subPrefectures: none(['Dieppe', 'Le Havre']),
      updated: '2023-02-22',
      channels: {
        recognised: ['postal', 'online'],
        wording: "La demande d'admission exceptionnelle se fait par voie postale et par voie dématérialisée.",
        unrecognised: false,
      },
      sources: [
        {
          url: 'https://www.seine-maritime.gouv.fr/Demarches-administratives/Etrangers-en-Seine-Maritime/SEJOUR-Demander-un-titre-de-sejour-ou-un-document-de-voyage-en-Seine-Maritime/Je-suis-en-situation-irreguliere/Je-releve-de-la-prefecture-de-Rouen',
          clientRoute: null,
        },
      ],
      procedure: [
        'Les étrangers en situation irrégulière doivent demander leur titre de séjour :',
        "- Par voie postale à l'adresse suivante :",
        'Préfecture de la Seine-Maritime',
        "Direction des migrations et de l'intégration",
        '7 places de la Madeleine',
        'CS16036 - 76036 ROUEN CEDEX',
        '- Par voie dématérialisée via un formulaire à remplir en ligne propre à chaque type de demande (voir liste ci-dessous).',
        'Que la demande soit déposée par voie postale ou via Internet, elle doit mentionner précisément le type de titre de séjour sollicité et être accompagnée des pièces justificatives requises. Pour savoir quelles sont les pièces à fournir cliquez ici et choisissez le titre correspondant à votre situation.',
      ].join('\n\n'),
      facts: [
        {
          kind: 'address',
          value: "Préfecture de la Seine-Maritime, Direction des migrations et de l'intégration, 7 places de la Madeleine, CS16036, 76036 ROUEN CEDEX",
          recipient: ['Préfecture de la Seine-Maritime', "Direction des migrations et de l'intégration"],
          street: '7 places de la Madeleine',
          postBox: 'CS16036',
          postcode: '76036',
          city: 'ROUEN',
          cedex: '',
        },
        { kind: 'channel', value: 'postal' },
        { kind: 'channel', value: 'online' },
      ],
      location: { file: FILE, line: 128 },
    });
  });

  it('drops no page header or table-of-contents text into any procedure', () => {
    for (const entry of parsed.entries) {
      expect(entry.procedure).not.toMatch(/gisti|Région Normandie|Sous-préfectures|Elles ne traitent/);
    }
  });
});
