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

/**
 * Reads the closing "Sous-préfectures" block: "Elles ne traitent pas les demandes
 * d'AES" (none), "Elles traitent également les demandes d'AES" (all), or a sentence
 * naming the ones that do (some). Anything else is `unknown`, never a guess.
 */
export function readSubPrefectures(names: string[], block: string | null): SubPrefectures {
  if (block === null || block.trim() === '') return { names, handlesAes: 'unknown', handling: [] };
  const hay = ` ${normaliseForMatch(block).replace(/[^a-z0-9']+/g, ' ')} `;
  const named = names.filter((n) => mentions(hay, n));
  if (DENIES.test(block)) {
    if (EXCEPT.test(block) && named.length > 0) return { names, handlesAes: 'some', handling: named };
    return { names, handlesAes: 'none', handling: [] };
  }
  if (!HANDLES.test(block)) return { names, handlesAes: 'unknown', handling: [] };
  if (named.length > 0 && named.length < names.length) return { names, handlesAes: 'some', handling: named };
  return { names, handlesAes: 'all', handling: [...names] };
}
