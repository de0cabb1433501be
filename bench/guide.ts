import { performance } from 'node:perf_hooks';
import { parseGuide } from '../src/guide/parse.js';
import { DEPARTMENT_CODES as CODES } from './fixtures.js';
import { median, type BenchResult } from './result.js';

const HEADER = "gisti, groupe d'information et de soutien des immigré·e·s";

/** One section in the series format, varied by index so every parser path runs. */
function section(code: string, i: number): string {
  const name = `Département-Test ${i}`;
  const city = `Villeneuve-${i}`;
  const channel = ['par voie postale', 'par voie dématérialisée', 'par voie postale et par voie dématérialisée', 'uniquement sur rendez-vous'][i % 4];
  return [
    HEADER,
    '',
    'Région Test',
    `Département de la ${name} (${code})`,
    `Préfecture de ${city}`,
    `Sous-préfectures : Ville-A-${i}, Ville-B-${i}, Ville-C-${i}`,
    '',
    `Dernière mise à jour : ${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2023`,
    '',
    `La demande d'admission exceptionnelle se fait ${channel}.`,
    '',
    `Les modalités sont consultables ici : <https://www.dept-${i}.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour-a${9000 + i}.html#!/Particuliers/page/L1055>`,
    '',
    'Les modalités sont reproduites ici :',
    '',
    'Étape 1 : Imprimez le dossier :',
    '',
    'Dossier de demande AES (format pdf - 524.1 ko - 25/10/2022)',
    '',
    "Étape 2 : Envoyez le tout en recommandé avec accusé de réception à l'adresse suivante :",
    '',
    `Préfecture de la ${name}`,
    '',
    "Bureau de l'intégration et de l'immigration",
    '',
    `${i + 1}, Rue Saint Blaise`,
    '',
    `CS ${10000 + i}`,
    '',
    `${String(10000 + i * 7).padStart(5, '0')} VILLENEUVE CEDEX ${(i % 9) + 1}`,
    '',
    `Si vous êtes hébergé, joignez la copie de la carte d'identité de votre hébergeant et sa dernière facture [EDF](#) ; pour toute question : pref-etran-gers-${i}@dept-${i}.gouv.fr ou 02 33 80 ${String(i % 100).padStart(2, '0')} 00.`,
    '',
    `Formulaire en ligne : https://www.demarches-simplifiees.fr/commencer/aes-${i}`,
    '',
    'Sous-préfectures',
    '',
    i % 5 === 0 ? `La sous-préfecture de Ville-A-${i} traite les demandes d'AES.` : "Elles ne traitent pas les demandes d'AES.",
    '',
  ].join('\n');
}

/** A guide of `count` département sections (at most 100), table of contents included. */
export function generateGuide(count: number): string {
  const codes = CODES.slice(0, count);
  const contents = ['Région Test', ...codes.map((c, i) => `Département de la Département-Test ${i} (${c})`)].join('\n\n');
  return [HEADER, '', '**Modalités de dépôt d\'une demande d\'admission exceptionnelle**', '', contents, '', ...codes.map(section)].join('\n');
}

export async function run(): Promise<BenchResult[]> {
  const text = generateGuide(100);
  const check = parseGuide(text, 'bench.txt');
  if (check.entries.length !== 100 || check.problems.length > 0) throw new Error(`generated guide parsed to ${check.entries.length} entries, ${check.problems.length} problems`);
  // The regexes only reach full speed once the JIT has compiled them: warm up well.
  for (let i = 0; i < 30; i++) parseGuide(text, 'bench.txt');
  const times: number[] = [];
  for (let i = 0; i < 31; i++) {
    const start = performance.now();
    parseGuide(text, 'bench.txt');
    times.push(performance.now() - start);
  }
  const value = Math.round(median(times) * 100) / 100;
  return [
    {
      name: 'parse a generated 100-département guide',
      value,
      unit: 'ms',
      target: '< 50 ms',
      met: value < 50,
      note: `${(text.length / 1024).toFixed(0)} KiB, median of ${times.length} runs after 30 warm-ups (fastest ${Math.min(...times).toFixed(1)} ms)`,
    },
  ];
}
