import type { FactOf } from './fact.js';

type AddressFact = FactOf<'address'>;

const POSTCODE = /(?<![\d\p{L}])((?:0[1-9]|[1-8]\d|9[0-8])\d{3})(?!\d)\s+(?=\p{Lu})/gu;
/** Lower-case words a French city name can contain ("Boulogne-sur-Mer", "Lons le Saunier"). */
const CITY_LINKS = new Set(['sur', 'sous', 'en', 'le', 'la', 'les', 'de', 'du', 'des', "d'", "l'", 'lès', 'lez', 'et', 'aux', 'au']);
const STREET =
  /^(?:\d{1,4}(?:\s*[-/à]\s*\d{1,4})?\s*(?:bis|ter|quater|[a-d])?\s*,?\s+)?(?:rue|avenue|av\.|places?|pl\.|boulevard|bd|quai|all[ée]es?|chemin|cours|impasse|route|square|esplanade|parvis|rond-point|voie|passage|cit[ée]|faubourg|mail|promenade|r[ée]sidence|hameau|lieu-dit|sentier|zone|za|zi)\b/iu;
const NUMBERED = /^\d{1,4}(?:\s*[-/]\s*\d{1,4})?\s*(?:bis|ter)?\s*,?\s+\p{L}/u;
/** Separators between address parts printed on one line. */
const PART_SEPARATOR = /\s*[,;]\s*|\s+[-–]\s+|\s+[-–]$|^[-–]\s+/u;
const POST_BOX = /^(?:CS|BP|TSA|B\.P\.|Bo[îi]te postale)\s*\d[\d ]*$/iu;
const MAX_LINES_BACK = 6;
const FIVE_DIGITS = /\d{5}/;
const POSTCODE_ANYWHERE = new RegExp(POSTCODE.source, 'u');

/** `_…_` is <em> (extract/markdown.ts); an underscore inside a word ("Service_etrangers") stays. */
const EMPHASIS_UNDERSCORE = /(?<!\w)_+(?=\S)|(?<=\S)_+(?!\w)/g;

/** A line as the address finder sees it: Markdown emphasis and line-break marks removed. */
function plain(line: string): string {
  const unstarred = line.replace(/\*+/g, '');
  // The pattern tries every position of the line: look for an underscore first.
  const unemphasised = unstarred.includes('_') ? unstarred.replace(EMPHASIS_UNDERSCORE, '') : unstarred;
  return unemphasised
    .replace(/\\$/, '')
    .replace(/^\s*>\s?/, '')
    .trim();
}

/** Lines that cannot belong to an address block: prose, headings, list items, contacts. */
function endsBlock(raw: string, line: string): boolean {
  return (
    /^\s*#/.test(raw) ||
    /^[-•]\s/.test(line) ||
    line.length > 100 ||
    splitParts(line).some((part) => !isAddressPart(part)) ||
    /[:.!?]$/.test(line) ||
    /@|https?:\/\//.test(line) ||
    POSTCODE_ANYWHERE.test(line)
  );
}

function cityAt(rest: string): { city: string; cedex: string | null; printed: string } | null {
  const words = rest.split(/\s+/);
  const city: string[] = [];
  let cedex: string | null = null;
  let used = 0;
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] ?? '';
    const word = raw.replace(/[,;.)]+$/, '');
    if (/^cedex$/i.test(word)) {
      const next = (words[i + 1] ?? '').replace(/[,;.)]+$/, '');
      cedex = /^\d{1,3}$/.test(next) ? next : '';
      used = i + (cedex ? 2 : 1);
      break;
    }
    // "d'Ascq" in "Villeneuve d'Ascq": an elided article glued to a capitalised word.
    const ok = /^(?:[dl]['’])?\p{Lu}[\p{L}'’-]*$/u.test(word) || CITY_LINKS.has(word.replace('’', "'"));
    if (!ok || city.length >= 6) break;
    city.push(word);
    used = i + 1;
    if (word !== raw) break; // punctuation closes the city
  }
  while (city.length > 0 && CITY_LINKS.has((city[city.length - 1] ?? '').replace('’', "'"))) city.pop();
  if (city.length === 0) return null;
  if (cedex === null) used = Math.min(used, city.length);
  const printed = words.slice(0, used).join(' ').replace(/[,;.)]+$/, '');
  return { city: city.join(' '), cedex, printed };
}

/** Splits a line into address parts, keeping "39, Rue Saint Blaise" whole. */
function splitParts(line: string): string[] {
  const parts: string[] = [];
  for (const part of line.split(PART_SEPARATOR).map((p) => p.trim()).filter(Boolean)) {
    const last = parts[parts.length - 1];
    if (last !== undefined && /^\d{1,4}(?:\s*(?:bis|ter))?$/iu.test(last)) parts[parts.length - 1] = `${last}, ${part}`;
    else parts.push(part);
  }
  return parts;
}

function isAddressPart(part: string): boolean {
  return part.length <= 70 && part.split(/\s+/).length <= 9 && !/@|https?:\/\//.test(part);
}

/** Splits "Préfecture du Calvados Rue Daniel Huet" at the street when nothing else separates them. */
function splitAtStreet(part: string): string[] {
  const m = /\s(?=(?:\d{1,4}(?:\s*[-/]\s*\d{1,4})?\s*(?:bis|ter)?,?\s+)?(?:rue|avenue|place|boulevard|quai|all[ée]e|chemin|cours|impasse|route|square|esplanade)\b)/iu.exec(part);
  if (!m || STREET.test(part)) return [part];
  return [part.slice(0, m.index).trim(), part.slice(m.index).trim()];
}

function build(lines: string[], postcode: string, place: NonNullable<ReturnType<typeof cityAt>>): AddressFact {
  let street: string | null = null;
  let postBox: string | null = null;
  const recipient: string[] = [];
  for (const line of lines) {
    if (POST_BOX.test(line)) postBox ??= line;
    else if (street === null && (STREET.test(line) || NUMBERED.test(line))) street = line;
    else if (street === null) recipient.push(line);
    // Lines after the street ("Bâtiment B") stay in `value` only.
  }
  return {
    kind: 'address',
    value: [...lines, `${postcode} ${place.printed}`].join(', '),
    recipient,
    street,
    postBox,
    postcode,
    city: place.city,
    cedex: place.cedex,
  };
}

/**
 * French postal addresses: a 5-digit postcode + city (+ CEDEX nn) line, with the
 * street, CS/BP box and recipient lines found before it on the same line or on
 * the lines above (blank lines between them are PDF spacing).
 */
export function findAddresses(text: string): AddressFact[] {
  const rawLines = text.split('\n');
  const lines = rawLines.map(plain);
  const found: AddressFact[] = [];
  lines.forEach((line, i) => {
    if (!FIVE_DIGITS.test(line)) return; // cheap pre-check: most lines hold no postcode
    for (const m of line.matchAll(POSTCODE)) {
      const postcode = m[1] ?? '';
      const place = cityAt(line.slice((m.index ?? 0) + m[0].length));
      if (!place) continue;
      let prefix = line.slice(0, m.index).trim();
      let walkBack = true;
      const colon = prefix.lastIndexOf(':');
      if (colon >= 0) {
        prefix = prefix.slice(colon + 1);
        walkBack = false;
      }
      const parts = splitParts(prefix);
      let inline: string[] = [];
      for (const part of parts) {
        if (isAddressPart(part)) inline.push(...splitAtStreet(part));
        else {
          inline = [];
          walkBack = false;
        }
      }
      const above: string[] = [];
      if (walkBack) {
        let blanks = 0;
        for (let j = i - 1; j >= 0 && above.length < MAX_LINES_BACK; j--) {
          const prev = lines[j] ?? '';
          if (prev === '') {
            if (++blanks >= 2) break;
            continue;
          }
          blanks = 0;
          if (endsBlock(rawLines[j] ?? '', prev)) break;
          above.unshift(...splitParts(prev).flatMap(splitAtStreet));
        }
      }
      found.push(build([...above, ...inline], postcode, place));
      break; // one address per line
    }
  });
  return found;
}
