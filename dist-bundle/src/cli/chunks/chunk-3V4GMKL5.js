import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));

// src/facts/normalise.ts
function normaliseForMatch(text) {
  return text.replace(/\u00AD/g, "").replace(new RegExp("(?<=\\p{L})-[ \\t]*\\r?\\n\\s*(?=\\p{L})", "gu"), "-").normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").replace(/[’‘ʼ′`]/g, "'").replace(/[‐‑‒–—]/g, "-").toLowerCase().replace(/\s+/g, " ").trim();
}
function hyphenLoose(text) {
  return normaliseForMatch(text).replace(new RegExp("(?<=\\p{L})-(?=\\p{L})", "gu"), "");
}
function compact(text) {
  return normaliseForMatch(text).replace(/[^a-z0-9]/g, "");
}
function frenchDateToIso(text) {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}
function isoDate(year, month, day) {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
function wordRegExp(source, flags = "iu") {
  const edge = /\\b/g;
  const compiled = source.replace(edge, (_, offset) => {
    const before = source.slice(0, offset);
    const opens = before === "" || /(?:\||\((?:\?:)?)$/.test(before);
    return opens ? String.raw`(?<![\p{L}\p{N}_])` : String.raw`(?![\p{L}\p{N}_])`;
  });
  return new RegExp(compiled, flags.includes("u") ? flags : `${flags}u`);
}

// src/facts/url.ts
var DS_HOSTS = /* @__PURE__ */ new Set(["demarches-simplifiees.fr", "demarche.numerique.gouv.fr"]);
var TRACKING = /^(?:utm_\w+|xtor|at_\w+|fbclid|gclid)$/i;
function parse(url) {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
}
function urlRole(url) {
  const u = parse(url);
  if (!u) return "page";
  const host = u.hostname.replace(/^www\./, "");
  if (DS_HOSTS.has(host) && u.pathname.startsWith("/commencer/")) return "online-procedure";
  if (host === "administration-etrangers-en-france.interieur.gouv.fr") return "online-procedure";
  if (host === "rdv-prefecture.interieur.gouv.fr" || u.pathname.includes("/booking/create/")) return "appointment";
  if (/\.pdf$/i.test(u.pathname) || /\/contenu\/telechargement\/|\/content\/download\//i.test(u.pathname)) return "form";
  return "page";
}
function canonicalUrl(url) {
  const u = parse(url.trim());
  if (!u) return url.trim();
  let host = u.hostname.toLowerCase().replace(/^www\./, "");
  if (DS_HOSTS.has(host)) host = "demarches-simplifiees.fr";
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const path = u.pathname.replace(/\/+$/, "");
  const fragment = u.hash.startsWith("#!") ? u.hash : "";
  return `${host}${u.port ? `:${u.port}` : ""}${path}${query}${fragment}`;
}
var SCHEME_URL = /https?:\/\/[^\s<>"'()[\]]+/gi;
var BARE_URL = /(?<![\w@./:-])(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|(?:[a-z0-9-]+\.)+gouv\.fr|(?:[a-z0-9-]+\.)+(?:fr|com|org|net|eu)(?=\/[\w-]))(?::\d+)?(?:\/[^\s<>"'()[\]]*)?/gi;
var TRAILING_PUNCTUATION = /[.,;:!?*]+$/;
function findUrls(text) {
  const found = [];
  for (const m of text.matchAll(SCHEME_URL)) found.push(m[0].replace(TRAILING_PUNCTUATION, ""));
  const withoutSchemeUrls = text.replace(SCHEME_URL, (url) => " ".repeat(url.length));
  for (const m of withoutSchemeUrls.matchAll(BARE_URL)) found.push(m[0].replace(TRAILING_PUNCTUATION, ""));
  return found;
}

// src/facts/key.ts
function cedexKey(cedex) {
  if (cedex === null) return "";
  return cedex === "" ? "cedex" : `cedex${Number(cedex)}`;
}
function phoneKey(value) {
  const digits = value.replace(/\D/g, "");
  return digits.startsWith("33") && digits.length >= 11 ? `0${digits.slice(2).replace(/^0/, "")}` : digits;
}
function placeKey(a) {
  return `${a.postcode}|${compact(a.city)}|${cedexKey(a.cedex)}`;
}
function factKey(fact) {
  switch (fact.kind) {
    case "email":
      return `email:${hyphenLoose(fact.value)}`;
    case "phone":
      return `phone:${phoneKey(fact.value)}`;
    case "url":
      return `url:${canonicalUrl(fact.value)}`;
    case "address":
      return `address:${placeKey(fact)}|${fact.street ? compact(fact.street) : ""}`;
    case "document":
      return `document:${hyphenLoose(fact.value)}|${fact.date ?? ""}`;
    case "channel":
      return `channel:${fact.value}`;
  }
}

// src/facts/address.ts
var POSTCODE = new RegExp("(?<![\\d\\p{L}])((?:0[1-9]|[1-8]\\d|9[0-8])\\d{3})(?!\\d)\\s+(?=\\p{Lu})", "gu");
var CITY_LINKS = /* @__PURE__ */ new Set(["sur", "sous", "en", "le", "la", "les", "de", "du", "des", "d'", "l'", "l\xE8s", "lez", "et", "aux", "au"]);
var STREET = /^(?:\d{1,4}(?:\s*[-/à]\s*\d{1,4})?\s*(?:bis|ter|quater|[a-d])?\s*,?\s+)?(?:rue|avenue|av\.|places?|pl\.|boulevard|bd|quai|all[ée]es?|chemin|cours|impasse|route|square|esplanade|parvis|rond-point|voie|passage|cit[ée]|faubourg|mail|promenade|r[ée]sidence|hameau|lieu-dit|sentier|zone|za|zi)\b/iu;
var NUMBERED = new RegExp("^\\d{1,4}(?:\\s*[-/]\\s*\\d{1,4})?\\s*(?:bis|ter)?\\s*,?\\s+\\p{L}", "u");
var PART_SEPARATOR = /\s*[,;]\s*|\s+[-–]\s+|\s+[-–]$|^[-–]\s+/u;
var POST_BOX = /^(?:CS|BP|TSA|B\.P\.|Bo[îi]te postale)\s*\d[\d ]*$/iu;
var MAX_LINES_BACK = 6;
var FIVE_DIGITS = /\d{5}/;
var POSTCODE_ANYWHERE = new RegExp(POSTCODE.source, "u");
function plain(line) {
  return line.replace(/\*+/g, "").replace(/\\$/, "").replace(/^\s*>\s?/, "").trim();
}
function endsBlock(raw, line) {
  return /^\s*#/.test(raw) || /^[-•]\s/.test(line) || line.length > 100 || splitParts(line).some((part) => !isAddressPart(part)) || /[:.!?]$/.test(line) || /@|https?:\/\//.test(line) || POSTCODE_ANYWHERE.test(line);
}
function cityAt(rest) {
  const words = rest.split(/\s+/);
  const city = [];
  let cedex = null;
  let used = 0;
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] ?? "";
    const word = raw.replace(/[,;.)]+$/, "");
    if (/^cedex$/i.test(word)) {
      const next = (words[i + 1] ?? "").replace(/[,;.)]+$/, "");
      cedex = /^\d{1,3}$/.test(next) ? next : "";
      used = i + (cedex ? 2 : 1);
      break;
    }
    const ok = new RegExp("^\\p{Lu}[\\p{L}'\u2019-]*$", "u").test(word) || CITY_LINKS.has(word.replace("\u2019", "'"));
    if (!ok || city.length >= 6) break;
    city.push(word);
    used = i + 1;
    if (word !== raw) break;
  }
  while (city.length > 0 && CITY_LINKS.has((city[city.length - 1] ?? "").replace("\u2019", "'"))) city.pop();
  if (city.length === 0) return null;
  if (cedex === null) used = Math.min(used, city.length);
  const printed = words.slice(0, used).join(" ").replace(/[,;.)]+$/, "");
  return { city: city.join(" "), cedex, printed };
}
function splitParts(line) {
  const parts = [];
  for (const part of line.split(PART_SEPARATOR).map((p) => p.trim()).filter(Boolean)) {
    const last = parts[parts.length - 1];
    if (last !== void 0 && /^\d{1,4}(?:\s*(?:bis|ter))?$/iu.test(last)) parts[parts.length - 1] = `${last}, ${part}`;
    else parts.push(part);
  }
  return parts;
}
function isAddressPart(part) {
  return part.length <= 70 && part.split(/\s+/).length <= 9 && !/@|https?:\/\//.test(part);
}
function splitAtStreet(part) {
  const m = /\s(?=(?:\d{1,4}(?:\s*[-/]\s*\d{1,4})?\s*(?:bis|ter)?,?\s+)?(?:rue|avenue|place|boulevard|quai|all[ée]e|chemin|cours|impasse|route|square|esplanade)\b)/iu.exec(part);
  if (!m || STREET.test(part)) return [part];
  return [part.slice(0, m.index).trim(), part.slice(m.index).trim()];
}
function build(lines, postcode, place) {
  let street = null;
  let postBox = null;
  const recipient = [];
  for (const line of lines) {
    if (POST_BOX.test(line)) postBox ??= line;
    else if (street === null && (STREET.test(line) || NUMBERED.test(line))) street = line;
    else if (street === null) recipient.push(line);
  }
  return {
    kind: "address",
    value: [...lines, `${postcode} ${place.printed}`].join(", "),
    recipient,
    street,
    postBox,
    postcode,
    city: place.city,
    cedex: place.cedex
  };
}
function findAddresses(text) {
  const rawLines = text.split("\n");
  const lines = rawLines.map(plain);
  const found = [];
  lines.forEach((line, i) => {
    if (!FIVE_DIGITS.test(line)) return;
    for (const m of line.matchAll(POSTCODE)) {
      const postcode = m[1] ?? "";
      const place = cityAt(line.slice((m.index ?? 0) + m[0].length));
      if (!place) continue;
      let prefix = line.slice(0, m.index).trim();
      let walkBack = true;
      const colon = prefix.lastIndexOf(":");
      if (colon >= 0) {
        prefix = prefix.slice(colon + 1);
        walkBack = false;
      }
      const parts = splitParts(prefix);
      let inline = [];
      for (const part of parts) {
        if (isAddressPart(part)) inline.push(...splitAtStreet(part));
        else {
          inline = [];
          walkBack = false;
        }
      }
      const above = [];
      if (walkBack) {
        let blanks = 0;
        for (let j = i - 1; j >= 0 && above.length < MAX_LINES_BACK; j--) {
          const prev = lines[j] ?? "";
          if (prev === "") {
            if (++blanks >= 2) break;
            continue;
          }
          blanks = 0;
          if (endsBlock(rawLines[j] ?? "", prev)) break;
          above.unshift(...splitParts(prev).flatMap(splitAtStreet));
        }
      }
      found.push(build([...above, ...inline], postcode, place));
      break;
    }
  });
  return found;
}

// src/facts/channel-wording.ts
var FILING_VERB = new RegExp(
  [
    String.raw`\benvo(?:i|y)\w*`,
    String.raw`\badress(?:er|ez|ee|ees)\b`,
    String.raw`\b(?:etre|est|sont|soit|sera|seront|a) adresses?\b`,
    String.raw`\btransm(?:et|is)\w*`,
    String.raw`\btransmission\b`,
    String.raw`\bdepo[st]\w*`,
    String.raw`\bcommuniqu(?:er|ez|ee|ees)\b`,
    String.raw`\b(?:faire|faites|fera) parvenir\b`,
    String.raw`\bexpedi\w*`,
    String.raw`\bpost(?:ez|er)\b`,
    String.raw`\bremett(?:ez|re)\b`,
    String.raw`\bsoum(?:ett|is)\w*`,
    String.raw`\bintrodui\w*`,
    String.raw`\bsaisi(?:r|ssez)\b`,
    String.raw`\beffectu\w*`,
    String.raw`\bse (?:fait|font|fera|feront|faire)\b`,
    String.raw`\bfaites? (?:votre|sa|la|une|leur) demande\b`,
    String.raw`\bdemand(?:er|ez)\b`,
    String.raw`\bformul(?:er|ez|ee|ees)\b`,
    String.raw`\bsollicit\w*`,
    String.raw`\b(?:est|sont|sera|seront) (?:\w+ )?(?:recue?s?|accueillie?s?|instruite?s?|traitee?s?)\b`,
    String.raw`\b(?:presentez-vous|vous presenter|se presenter)\b`
  ].join("|")
);
var FILING_NOUN = /\b(?:demandes?|dossiers?|depot|envoi|demarches?|procedures?|candidatures?)\b/;
var OTHER_ACTION = /\b(?:telecharg\w*|rempli\w*|complet(?:ez|er)|imprim\w*|consult\w*|retir\w*|prepar\w*|joign\w*|joindre|lisez|cliqu\w*|contact\w*|ecri(?:vez|re)|appel\w*|trouv\w*|verifi\w*|munissez|recuper\w*)\b/;
var STARTS_WITH_MEANS = /^(?:par (?:courrier|voie|la poste|lettre|messagerie|courriel|e-?mail|mail|internet)|en ligne|en recommande|sur rendez-vous|sur (?:le site |la plateforme )?demarches?|via (?:internet|demarches?|le teleservice|l'anef)|au guichet)\b/;
var MEANS = [
  [
    "postal",
    /\bpar courrier\b|\bvoie postale\b|\bcourrier postal\b|\bpar la poste\b|\bpar lettre\b|\blettre recommandee\b|\ben recommande\b|\brecommandee? avec\b|\benvoi postal\b|\badresse postale\b/
  ],
  [
    "online",
    /\ben ligne\b|\bdematerialise\w*|\bvoie electronique\b|\bdemarches?[- ]simplifiees\b|\bdemarche\.numerique\b|\bpar (?:messagerie|courriel|e-?mail|mail|internet)\b|\b(?:via|sur) internet\b|\bteleservice\b|\banef\b|\badresse (?:electronique|mail|e-mail|courriel)\b/
  ],
  ["appointment", /\brendez-vous\b|\brdv\b|\bcreneaux?\b|\bmodule de reservation\b/],
  ["in-person", /\bau guichet\b|\ba l'accueil\b|\bsur place\b|\ben personne\b|\bpresentez-vous\b|\b(?:vous|se) presenter\b|\ben (?:sous-)?prefecture\b/]
];
var ADDRESS_FOLLOWS = /\ba l'adresse (?:suivante|ci-dessous|ci-apres)\b|\ba l'adresse :|\ba :$/;
var NOT_ONLINE_FILING = [
  [/\b((?:rendez-vous|rdv|creneaux?|reservation)\b(?: [\w'-]+){0,3}?) en ligne\b/g, "$1"],
  [/\b((?:formulaires?|imprimes?|cerfa|documents?|notices?|listes?)\b(?: [\w'-]+){0,4}?) en ligne\b/g, "$1"],
  [/\b(?:mis|mise|mises|disponibles?|consultables?|telechargeables?|accessibles?|publiee?s?|imprimables?) en ligne\b/g, " "],
  [/\ben ligne(?= (?:avant de|puis|et) (?:l'|le |la |les )?imprim)/g, " "]
];
var RECEIVING = [
  /\bvous (?:\w+ )?(?:est|sont|sera|seront|serez|a ete|ont ete) (?:\w+ )?(?:envoye|adresse|transmis|communique|notifie|propose|fixe|convoque|remis|delivre|indique|precise|donne|confirme|contacte|informe|invite)\w*[^,;:]*/g,
  /\bvous (?:recevrez|recevez|obtiendrez)\b[^,;:]*/g,
  /\bvous (?:\w+ )?(?:enverr|adresser|transmettr|contacter|convoquer|informer|communiquer|repondr|recontacter|notifier|proposer|indiquer|preciser|inviter|delivrer|remettr|fixer)(?:a|ons|ont)\b[^,;:]*/g,
  /\bvous (?:envoie|envoient|transmet|transmettent|contacte|contactent|convoque|convoquent|informe|informent|notifie|notifient|repond|repondent)\b[^,;:]*/g,
  /\b(?:convocations?|reponses?|decisions?|recepisses?|notifications?|confirmations? de rendez-vous)\b[^,;:]*/g
];
var CONTACT = /\bpour (?:toute|tout|toutes|tous|vos) (?:questions?|renseignements?|informations?|complements?|precisions?)\b|^(?:contacts?|renseignements?|informations?|questions?) ?:/;
var NEGATION = /\bn(?:e |')(?:[\w'-]+ ){0,5}?(?:pas|plus|jamais)\b|\baucune?\b/;
var BOOKING = /\b(?:prenez|prendre|prise de|sur|reservez|reserver|reservation d'un|demandez|demander) (?:un |votre )?(?:rendez-vous|rdv|creneau)\b/;

// src/facts/channel.ts
var EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
var MD_LINK_HREF = /\]\(([^)\s]+)\)/g;
var POSTAL_ADDRESS = new RegExp("(?<!\\d)\\d{5} +\\p{Lu}|\\b(?:CS|BP|TSA) ?\\d", "u");
var SENTENCE_END = new RegExp("(?<=[.!?;])\\s+(?!\\p{Ll})", "u");
var MAX_FOLLOWING_LINES = 6;
var MAX_BLOCK_LINE = 80;
var POSTAL_ADDRESS_END = new RegExp("(?<!\\d)\\d{5} +\\p{Lu}", "u");
var ORDER = ["postal", "online", "appointment", "in-person"];
function plainLine(line) {
  return line.replace(/^\s*(?:#{1,6}\s+|[-*•]\s+|\d{1,2}[.)]\s+|>\s*)/u, "").replace(/\*\*|__|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)/g, "").trim();
}
function split(text) {
  const hrefs = [...text.matchAll(MD_LINK_HREF)].map((m) => m[1] ?? "");
  const urls2 = [...findUrls(text), ...hrefs];
  const emails2 = EMAIL.test(text) || hrefs.some((h) => /^mailto:/i.test(h));
  EMAIL.lastIndex = 0;
  let words = text.replace(/\]\([^)]*\)/g, "] ").replace(EMAIL, " ");
  for (const url of findUrls(words)) words = words.replace(url, " ");
  return { roles: urls2.map(urlRole), emails: emails2, words: normaliseForMatch(words) };
}
function without(text, patterns) {
  return patterns.reduce((t, re) => t.replace(re, " "), text);
}
function assertingClauses(words) {
  return without(words, RECEIVING).split(/[,;]/).filter((clause) => !NEGATION.test(clause)).join(",");
}
function read(sentence, following) {
  const own = split(sentence);
  const reading = { filing: false, means: /* @__PURE__ */ new Set(), booking: own.roles.includes("appointment"), mentioned: false };
  if (CONTACT.test(own.words)) return reading;
  const clauses = assertingClauses(own.words);
  const withoutBooking = clauses.replace(new RegExp(BOOKING.source, "g"), " ");
  reading.booking ||= BOOKING.test(clauses);
  reading.filing = STARTS_WITH_MEANS.test(own.words) || FILING_VERB.test(withoutBooking) || FILING_NOUN.test(withoutBooking) && !OTHER_ACTION.test(withoutBooking);
  const wording = NOT_ONLINE_FILING.reduce((t, [re, keep]) => t.replace(re, keep), clauses);
  const named = MEANS.filter(([, re]) => re.test(wording)).map(([channel]) => channel);
  if (!reading.filing) {
    reading.mentioned = named.length > 0;
    return reading;
  }
  const next = ADDRESS_FOLLOWS.test(clauses) || /:$/.test(sentence) ? split(following) : null;
  const emails2 = own.emails || (next?.emails ?? false);
  for (const channel of named) reading.means.add(channel);
  if (own.roles.includes("online-procedure") || next?.roles.includes("online-procedure") || emails2) reading.means.add("online");
  const addressNamed = ADDRESS_FOLLOWS.test(clauses) || POSTAL_ADDRESS.test(sentence) || next !== null && POSTAL_ADDRESS.test(following);
  if (!emails2 && named.length === 0 && addressNamed) reading.means.add("postal");
  if (reading.means.has("appointment")) reading.means.delete("in-person");
  return reading;
}
function block(lines) {
  const taken = [];
  for (const line of lines) {
    if (line === "") continue;
    if (taken.length >= MAX_FOLLOWING_LINES || line.length > MAX_BLOCK_LINE || /[.!?]$/.test(line)) break;
    taken.push(line);
    if (POSTAL_ADDRESS_END.test(line)) break;
  }
  return taken;
}
function* sentences(text) {
  const lines = text.split("\n").map(plainLine);
  for (let i = 0; i < lines.length; i++) {
    const parts = (lines[i] ?? "").split(SENTENCE_END).filter(Boolean);
    const following = block(lines.slice(i + 1)).join("\n");
    for (let j = 0; j < parts.length; j++) yield { sentence: parts[j] ?? "", following: j === parts.length - 1 ? following : "" };
  }
}
function findChannels(text, urlRoles) {
  const found = /* @__PURE__ */ new Set();
  if (urlRoles.includes("online-procedure")) found.add("online");
  let booking = urlRoles.includes("appointment");
  let unclear = false;
  let weakOnline = false;
  for (const { sentence, following } of sentences(text)) {
    const reading = read(sentence, following);
    booking ||= reading.booking;
    for (const channel of ORDER.filter((c) => reading.means.has(c))) found.add(channel);
    if (reading.filing && reading.means.size === 0) unclear = true;
    if (reading.mentioned) {
      unclear = true;
      weakOnline ||= /\bdemarches?[- ]simplifiees\b|\bdemarche\.numerique\b/.test(normaliseForMatch(sentence));
    }
  }
  if (found.has("in-person") && (found.has("appointment") || booking)) {
    found.delete("in-person");
    found.add("appointment");
  }
  let channels = [...found];
  if (channels.length === 0) {
    if (booking) channels.push("appointment");
    if (weakOnline) channels.push("online");
    if (channels.length === 0 && unclear) channels = ["unknown"];
  }
  return channels.map((value) => ({ kind: "channel", value }));
}

// src/facts/document.ts
var FORMATS = "pdf|docx?|odt|xlsx?|ods|rtf|zip|jpe?g|png|txt|csv";
var SIZE = String.raw`\d+(?:[.,]\d+)?\s*(?:[kmg]i?[ob]|octets?)`;
var DATE = String.raw`\d{1,2}\/\d{1,2}\/\d{4}`;
var PAREN_DETAIL = new RegExp(String.raw`\(\s*(?:format\s+)?(${FORMATS})\s*[-–]\s*(${SIZE})\s*(?:[-–]\s*(${DATE}))?\s*\)`, "giu");
var BARE_DETAIL = new RegExp(String.raw`\b(${FORMATS})\s*[-–]\s*(${SIZE})\s*(?:[-–]\s*(${DATE}))?`, "giu");
var HAS_SIZE = /\d\s*(?:[kmg]i?[ob]|octet)/i;
var FILE_HREF = /\.(pdf|docx?|odt|xlsx?|ods|rtf|zip)(?:[?#]|$)|\/contenu\/telechargement\/|\/content\/download\//i;
function isFileHref(href) {
  return FILE_HREF.test(href);
}
function cleanTitle(text) {
  return text.replace(/\]\([^)]*\)/g, "").replace(/^[\s\-*•>#[\]]+|[\s\-–:*[\]]+$/g, "").replace(/\s+/g, " ").trim();
}
function make(title, format, size, date, href) {
  return { kind: "document", value: title, format: format?.toLowerCase() ?? null, size, date: date ? frenchDateToIso(date) : null, href };
}
function titleBefore(lines, i, line, index) {
  const before = cleanTitle(line.slice(0, index));
  if (before) return before;
  for (let j = i - 1; j >= 0; j--) {
    const prev = cleanTitle(lines[j] ?? "");
    if (prev) return prev;
  }
  return "";
}
function hrefFor(title, links) {
  const link = links.find((l) => isFileHref(l.href) && cleanTitle(l.text).startsWith(title));
  return link?.href ?? null;
}
function findDocuments(text, links) {
  const found = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (!HAS_SIZE.test(line)) return;
    const taken = [];
    for (const m of line.matchAll(PAREN_DETAIL)) {
      const index = m.index ?? 0;
      taken.push([index, index + m[0].length]);
      const title = titleBefore(lines, i, line, index);
      if (title) found.push(make(title, m[1] ?? null, m[2] ?? null, m[3] ?? null, hrefFor(title, links)));
    }
    for (const m of line.matchAll(BARE_DETAIL)) {
      const index = m.index ?? 0;
      if (taken.some(([a, b]) => index >= a && index < b)) continue;
      const title = titleBefore(lines, i, line, index);
      if (title) found.push(make(title, m[1] ?? null, m[2] ?? null, m[3] ?? null, hrefFor(title, links)));
    }
  });
  for (const link of links) {
    if (!isFileHref(link.href)) continue;
    const detail = new RegExp(PAREN_DETAIL.source, "iu").exec(link.text) ?? new RegExp(BARE_DETAIL.source, "iu").exec(link.text);
    const title = cleanTitle(detail ? link.text.slice(0, detail.index) : link.text);
    if (!title) continue;
    const ext = /\.(\w+)(?:[?#]|$)/.exec(link.href)?.[1] ?? null;
    found.push(make(title, detail?.[1] ?? ext, detail?.[2] ?? null, detail?.[3] ?? null, link.href));
  }
  return found;
}

// src/facts/extract.ts
var EMAIL2 = /(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
var PHONE = /(?<![\d+])(?:(?:\+|00)33[ .]?(?:\(0\)[ .]?)?|0[ .]?)[1-9](?:[ .-]?\d){8}(?!\d)/g;
var MD_LINK = /\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
function prepare(text) {
  return text.replace(/\r\n?/g, "\n").replace(/[\u00A0\u202F\u2007\u2009]/g, " ").replace(/\u00AD/g, "").replace(new RegExp("(?<=\\p{L})-[ \\t]*\\n[ \\t]*(?=\\p{L})", "gu"), "-");
}
function markdownLinks(text) {
  return [...text.matchAll(MD_LINK)].map((m) => ({ text: m[1] ?? "", href: m[2] ?? "" })).filter((l) => l.href !== "" && l.href !== "#");
}
function emails(text, links) {
  const printed = [...text.matchAll(EMAIL2)].map((m) => m[0]);
  const mailto = links.filter((l) => /^mailto:/i.test(l.href)).map((l) => decodeURIComponent(l.href.slice(7).split("?")[0] ?? ""));
  return [...printed, ...mailto].map((e) => e.replace(/^[.\-_]+|[.\-_]+$/g, "")).filter((e) => e.includes("@")).map((value) => ({ kind: "email", value }));
}
function urls(text, links) {
  const hrefs = links.map((l) => l.href).filter((h) => /^https?:\/\//i.test(h));
  return [...findUrls(text), ...hrefs].map((value) => ({ kind: "url", value, role: urlRole(value) }));
}
function phones(text) {
  return [...text.matchAll(PHONE)].map((m) => ({ kind: "phone", value: m[0].trim() }));
}
function mergeDocuments(docs) {
  const merged = [];
  for (const doc of docs) {
    const title = hyphenLoose(doc.value);
    const twin = merged.find((m) => hyphenLoose(m.value) === title && (m.date === null || doc.date === null || m.date === doc.date));
    if (!twin) {
      merged.push({ ...doc });
      continue;
    }
    twin.format ??= doc.format;
    twin.size ??= doc.size;
    twin.date ??= doc.date;
    twin.href ??= doc.href;
  }
  return merged;
}
function dedupe(facts) {
  const seen = /* @__PURE__ */ new Set();
  return facts.filter((fact) => {
    const key = factKey(fact);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function extractFacts(text, links = []) {
  const clean = prepare(text);
  const allLinks = [...links, ...markdownLinks(clean)];
  const urlFacts = urls(clean, allLinks);
  const documents = mergeDocuments(findDocuments(clean, allLinks.filter((l) => isFileHref(l.href))));
  return dedupe([
    ...emails(clean, allLinks),
    ...phones(clean),
    ...urlFacts,
    ...findAddresses(clean),
    ...documents,
    ...findChannels(clean, urlFacts.map((u) => u.role))
  ]);
}

export {
  normaliseForMatch,
  hyphenLoose,
  compact,
  isoDate,
  wordRegExp,
  isFileHref,
  placeKey,
  factKey,
  extractFacts
};
//# sourceMappingURL=chunk-3V4GMKL5.js.map
