import { normaliseForMatch, wordTest } from '../facts/normalise.js';
import type { GuideEntry } from './entry.js';

type SubPrefectures = GuideEntry['subPrefectures'];

// The alternatives share their word edges: each `\b` is a Unicode class, costly to compile.
const DENIES = wordTest(
  String.raw`\b(?:ne\s+(?:les\s+)?(?:traitent|traite|reçoivent|reçoit|instruisent|instruit|prennent|prend|acceptent|accepte)\s+(?:pas|plus|aucune?)|aucune)\b`,
);
const HANDLES = wordTest(String.raw`\b(?:traitent|traite|reçoivent|reçoit|instruisent|instruit|acceptent|accepte)\b`);
const EXCEPT = wordTest(String.raw`(?:\b(?:sauf|excepté|hormis)|(?<!\p{L})à l['’]exception)\b`);

/** A listed name as looked for in a sentence: normalised, and without its article ("du Havre" for "Le Havre"). */
interface Needle {
  name: string;
  needle: string;
  bare: string;
}

function needleOf(name: string): Needle {
  const needle = normaliseForMatch(name).replace(/[^a-z0-9']+/g, ' ').trim();
  return { name, needle, bare: needle.replace(/^(?:le|la|les) /, '') };
}

/** Whether the name is mentioned in `hay` (normalised, space-padded). */
function mentions(hay: string, { needle, bare }: Needle): boolean {
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
function readSentence(needles: Needle[], sentence: string) {
  const hay = ` ${normaliseForMatch(sentence).replace(/[^a-z0-9']+/g, ' ')} `;
  return {
    named: needles.filter((n) => mentions(hay, n)).map((n) => n.name),
    denies: DENIES(sentence),
    handles: HANDLES(sentence),
    except: EXCEPT(sentence),
  };
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
  const needles = names.map(needleOf);
  const sentences = block.split(/(?<=[.;!?])\s+/u).map((text) => readSentence(needles, text));
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
