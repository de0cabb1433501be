import { wordRegExp } from '../facts/normalise.js';
import { normaliseForMatch } from '../facts/normalise.js';
import type { GuideEntry } from './entry.js';

type SubPrefectures = GuideEntry['subPrefectures'];

const DENIES = wordRegExp(String.raw`\bne\s+(?:les\s+)?(?:traitent|traite|reçoivent|reçoit|instruisent|instruit|prennent|prend|acceptent|accepte)\s+(?:pas|plus|aucune?)\b|\baucune\b`, 'iu');
const HANDLES = wordRegExp(String.raw`\b(?:traitent|traite|reçoivent|reçoit|instruisent|instruit|acceptent|accepte)\b`, 'iu');
const EXCEPT = wordRegExp(String.raw`\bsauf\b|(?<!\p{L})à l['’]exception\b|\bexcepté\b|\bhormis\b`, 'iu');

/** Whether `name` is mentioned in `hay` (normalised, space-padded), also as "du Havre" for "Le Havre". */
function mentions(hay: string, name: string): boolean {
  const needle = normaliseForMatch(name).replace(/[^a-z0-9']+/g, ' ').trim();
  const bare = needle.replace(/^(?:le|la|les) /, '');
  return hay.includes(` ${needle} `) || hay.includes(` ${bare} `) || hay.includes(`'${bare} `);
}

/** One answer per listed sous-préfecture: true/false, or null when the guide does not say. */
function each(names: string[], handlesAes: SubPrefectures['handlesAes'], handling: string[]): SubPrefectures['each'] {
  return names.map((name) => ({ name, handlesAes: handlesAes === 'unknown' ? null : handling.includes(name) }));
}

function result(names: string[], handlesAes: SubPrefectures['handlesAes'], handling: string[]): SubPrefectures {
  return { names, handlesAes, handling, each: each(names, handlesAes, handling) };
}

/** What one sentence of the block says: who it names, and whether it denies or grants. */
function readSentence(names: string[], sentence: string) {
  const hay = ` ${normaliseForMatch(sentence).replace(/[^a-z0-9']+/g, ' ')} `;
  return { named: names.filter((n) => mentions(hay, n)), denies: DENIES.test(sentence), handles: HANDLES.test(sentence), except: EXCEPT.test(sentence) };
}

/**
 * Reads the closing "Sous-préfectures" block: "Elles ne traitent pas les demandes
 * d'AES" (none), "Elles traitent également les demandes d'AES" (all), or a sentence
 * naming the ones that do (some), also after a denial: "Elles ne traitent pas les
 * demandes d'AES. La sous-préfecture du Havre les reçoit toutefois." Anything else
 * is `unknown`, never a guess.
 */
export function readSubPrefectures(names: string[], block: string | null): SubPrefectures {
  if (block === null || block.trim() === '') return result(names, 'unknown', []);
  const sentences = block.split(/(?<=[.;!?])\s+/u).map((text) => readSentence(names, text));
  const named = [...new Set(sentences.flatMap((s) => s.named))];
  if (sentences.some((s) => s.denies)) {
    // A denial names its exceptions ("sauf …"); a further sentence may name one that does take requests.
    const handling = names.filter((n) => sentences.some((s) => s.named.includes(n) && (s.except || (!s.denies && s.handles))));
    return handling.length > 0 ? result(names, 'some', handling) : result(names, 'none', []);
  }
  if (!sentences.some((s) => s.handles)) return result(names, 'unknown', []);
  if (named.length > 0 && named.length < names.length) return result(names, 'some', names.filter((n) => named.includes(n)));
  return result(names, 'all', [...names]);
}
