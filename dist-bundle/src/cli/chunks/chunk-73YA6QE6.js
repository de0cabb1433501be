import { createRequire as __aesCreateRequire } from 'node:module'; import { fileURLToPath as __aesFileURLToPath } from 'node:url'; const require = __aesCreateRequire(import.meta.url); const __filename = __aesFileURLToPath(import.meta.url); const __dirname = __aesFileURLToPath(new URL('.', import.meta.url));
import {
  extractFacts,
  isoDate,
  normaliseForMatch,
  wordRegExp
} from "./chunk-3V4GMKL5.js";
import {
  Channel,
  Fact
} from "./chunk-3EVCR4QT.js";
import {
  external_exports
} from "./chunk-YORK7EG5.js";

// src/guide/load.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

// src/guide/lines.ts
var PAGE_HEADER = /^gisti,\s*groupe\s+d['’]information\s+et\s+de\s+soutien\s+des\s+immigr[ée](?:[·.\-‐]?e[·.\-‐]?s|s)$/iu;
var PAGE_NUMBER = /^(?:\d{1,3}\s*\/\s*\d{1,3}|page\s+\d{1,3}(?:\s+(?:sur|\/)\s+\d{1,3})?)$/iu;
var REGION = /^Région\s*:?\s+(.+?)\s*$/u;
var DEPARTMENT = /^D[ée]partement\s*:?\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?(.+?)\s*\(\s*([^()\s]{1,4})\s*\)\s*$/u;
var PREFECTURE = /^Pr[ée]fecture\s*:?\s+(.+?)\s*$/u;
var SUB_PREFECTURE_LIST = /^Sous-pr[ée]fectures?\s*:\s*(.*)$/iu;
var SUB_PREFECTURE_HEADING = /^Sous-pr[ée]fectures?\s*:?$/iu;
var UPDATED = /^Derni[èe]re\s+mise\s+à\s+jour\s*(?:le\s*)?:?\s*(.*)$/iu;
var CHANNEL_SENTENCE = /^La demande d['’]admission exceptionnelle\b/iu;
var REPRODUCED = /^Les modalités sont reproduites ici\s*:?\s*(.*)$/iu;
function splitLines(text) {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).map((t, i) => ({ text: t.trim(), line: i + 1 }));
}
function pageNoise(lines) {
  const noise = /* @__PURE__ */ new Set();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (PAGE_NUMBER.test(text)) noise.add(i);
    if (!/^gisti,/iu.test(text)) continue;
    let joined = text;
    for (let j = i; j < Math.min(lines.length, i + 4); j++) {
      if (j > i) joined += ` ${lines[j]?.text ?? ""}`;
      if (PAGE_HEADER.test(joined.replace(/\s+/g, " ").trim())) {
        for (let k = i; k <= j; k++) noise.add(k);
        break;
      }
    }
  }
  return noise;
}

// src/guide/entry.ts
var DepartmentCode = external_exports.string().regex(/^(0[1-9]|1\d|[3-8]\d|9[0-5]|2[1-9]|2A|2B|97[1-6])$/, "unknown d\xE9partement code");
var GuideSource = external_exports.object({
  /** The URL exactly as cited in the guide, fragment included. */
  url: external_exports.string().url(),
  /** A `#!/...` fragment is a client-side route: only a browser can see that content. */
  clientRoute: external_exports.string().nullable()
});
var GuideEntry = external_exports.object({
  /** Stable id: "<code>-<slug of name>", e.g. "14-calvados". */
  id: external_exports.string().regex(/^[0-9AB]{2,3}-[a-z0-9-]+$/),
  region: external_exports.string(),
  department: external_exports.object({ code: DepartmentCode, name: external_exports.string().min(1) }),
  prefecture: external_exports.string().min(1),
  subPrefectures: external_exports.object({
    names: external_exports.array(external_exports.string()),
    /** `none`: "Elles ne traitent pas les demandes d'AES"; `some`: see `handling`. */
    handlesAes: external_exports.enum(["none", "all", "some", "unknown"]),
    handling: external_exports.array(external_exports.string())
  }),
  /** ISO date of "Dernière mise à jour". */
  updated: external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  channels: external_exports.object({
    recognised: external_exports.array(Channel),
    /** The sentence as printed, kept verbatim whether or not it was recognised. */
    wording: external_exports.string(),
    /** True when the wording was not (fully) understood: an editor must look. */
    unrecognised: external_exports.boolean()
  }),
  sources: external_exports.array(GuideSource).min(1),
  /** The reproduced official text, cleaned of PDF noise. */
  procedure: external_exports.string(),
  facts: external_exports.array(Fact),
  location: external_exports.object({ file: external_exports.string(), line: external_exports.number().int().positive() })
});

// src/guide/channels.ts
var LEAD_IN = /^La demande d['’]admission exceptionnelle(?:\s+au\s+séjour)?\s+(?:se\s+fait|s['’]effectue|se\s+dépose|est\s+déposée|doit\s+être\s+(?:déposée|faite|envoyée))\s+/iu;
var FILLER = wordRegExp(String.raw`\b(?:uniquement|exclusivement|seulement|soit|également|aussi|directement|obligatoirement)\b`, "giu");
var PATTERNS = [
  ["appointment", wordRegExp(String.raw`\brendez-vous\b|\brdv\b`)],
  ["online", wordRegExp(String.raw`dématérialisée|\ben ligne\b|internet|électronique|courriel|e-?mail|messagerie|démarches?[- ]simplifiées|téléservice|\banef\b`)],
  ["postal", wordRegExp(String.raw`voie postale|courrier|recommandée?|\blettre\b|\bla poste\b|envoi postal`)],
  ["in-person", wordRegExp(String.raw`guichet|sur place|en personne|\baccueil\b|\bdépôt physique\b|en préfecture|en sous-préfecture`)]
];
function readChannels(wording) {
  const lead = LEAD_IN.exec(wording);
  const recognised = [];
  let unrecognised = lead === null;
  const rest = wording.slice(lead?.[0].length ?? 0).replace(/[.\s]+$/u, "").replace(FILLER, " ");
  const parts = rest.split(/\s*(?:,|;|\bet\b|\bou\b|\bpuis\b|\bainsi que\b)\s*/u).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) unrecognised = true;
  for (const part of parts) {
    const channel = PATTERNS.find(([, re]) => re.test(part))?.[0];
    if (!channel) unrecognised = true;
    else if (!recognised.includes(channel)) recognised.push(channel);
  }
  return { recognised, wording, unrecognised };
}

// src/guide/fields.ts
var MONTHS = ["janvier", "f\xE9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\xFBt", "septembre", "octobre", "novembre", "d\xE9cembre"];
function readDate(printed) {
  const text = printed.trim().replace(/\.$/, "");
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const worded = new RegExp("^(\\d{1,2})(?:er)?\\s+(\\p{L}+)\\s+(\\d{4})$", "u").exec(text);
  let parts = null;
  if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (worded) {
    const month = MONTHS.indexOf((worded[2] ?? "").toLowerCase().replace("fevrier", "f\xE9vrier").replace("aout", "ao\xFBt").replace("decembre", "d\xE9cembre"));
    if (month < 0) return { kind: "unreadable", printed: text };
    parts = [Number(worded[3]), month + 1, Number(worded[1])];
  }
  if (!parts) return { kind: "unreadable", printed: text };
  const iso = isoDate(...parts);
  return iso ? { kind: "date", iso } : { kind: "impossible", printed: text };
}
var LE_CITIES = /* @__PURE__ */ new Set(["Mans", "Puy-en-Velay"]);
function prefectureCity(rest) {
  const m = /^(?:(du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?(.+)$/u.exec(rest.trim());
  const article = m?.[1] ?? "";
  const name = (m?.[2] ?? rest).trim();
  return article === "du" && LE_CITIES.has(name) ? `Le ${name}` : name;
}
function slugify(name) {
  return name.normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
function splitNames(list) {
  return list.replace(/\.$/, "").split(/\s*[,;]\s*|\s+et\s+/u).map((s) => s.trim()).filter(Boolean);
}

// src/guide/procedure.ts
var LIST_ITEM = /^(?:[-*•]\s|\d{1,2}[.)]\s|Étape\s+\d)/u;
var OPEN_END = /\b(?:le|la|les|l['’]|de|du|des|d['’]|à|au|aux|et|ou|en|par|pour|sur|un|une|votre|vos|son|sa|ses)$/iu;
function unlink(text) {
  return text.replace(/\[([^\]]+)\]\(#?\)/g, "$1");
}
function continues(a, b) {
  if (/[.:;!?]\**$/u.test(a) || LIST_ITEM.test(b)) return false;
  return new RegExp("^\\p{Ll}", "u").test(b) || new RegExp("\\p{L}-$", "u").test(a) || OPEN_END.test(a);
}
function glue(a, b) {
  return new RegExp("\\p{L}-$", "u").test(a) ? `${a}${b}` : `${a} ${b}`;
}
function joinLines(lines) {
  const out = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last !== void 0 && continues(last, line)) out[out.length - 1] = glue(last, line);
    else out.push(line);
  }
  return out.join("\n");
}
function cleanProcedure(lines) {
  const paragraphs = [];
  let current = [];
  let afterBreak = false;
  let pendingBreak = false;
  const flush = () => {
    if (current.length > 0) paragraphs.push({ lines: current, afterBreak });
    current = [];
  };
  for (const raw of lines) {
    if (raw === null) {
      flush();
      pendingBreak = true;
      continue;
    }
    const text = unlink(raw).trim();
    if (text === "") {
      flush();
      continue;
    }
    if (current.length === 0) {
      afterBreak = pendingBreak;
      pendingBreak = false;
    }
    current.push(text);
  }
  flush();
  const out = [];
  for (const paragraph of paragraphs) {
    const text = joinLines(paragraph.lines);
    const prev = out[out.length - 1];
    const prevLast = prev?.slice(prev.lastIndexOf("\n") + 1);
    const first = text.split("\n")[0] ?? "";
    if (paragraph.afterBreak && prev !== void 0 && prevLast !== void 0 && continues(prevLast, first)) {
      out[out.length - 1] = glue(prev, text);
    } else out.push(text);
  }
  return out.join("\n\n");
}

// src/guide/sources.ts
function cite(printed, line) {
  const url = printed.replace(/\s+/g, "");
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http");
  } catch {
    return { kind: "invalid", printed, line };
  }
  const hash = url.indexOf("#!");
  return { kind: "url", source: { url, clientRoute: hash >= 0 ? url.slice(hash) : null }, line };
}
function citedUrls(lines) {
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i];
    if (!start) continue;
    let text = start.text;
    while (/<https?:[^>]*$/iu.test(text) && i + 1 < lines.length) text += lines[++i]?.text ?? "";
    const bracketed = [...text.matchAll(/<([^<>]+)>/g)].map((m) => m[1] ?? "");
    const linked = [...text.matchAll(/\]\((https?:[^)\s]+)\)/gi)].map((m) => m[1] ?? "");
    const rest = text.replace(/<[^<>]+>/g, " ").replace(/\]\([^)]*\)/g, " ");
    const bare = [...rest.matchAll(/\bhttps?:\/\/[^\s<>"')]+/gi)].map((m) => m[0].replace(/[.,;]+$/, ""));
    const inBrackets = bracketed.filter((b) => !/\s/.test(b.trim()) && /[:/.]/.test(b));
    for (const url of [...inBrackets, ...linked, ...bare]) found.push(cite(url, start.line));
  }
  return found;
}

// src/guide/sub-prefectures.ts
var DENIES = wordRegExp(String.raw`\bne\s+(?:les\s+)?(?:traitent|traite|reçoivent|reçoit|instruisent|instruit|prennent|prend|acceptent|accepte)\s+(?:pas|plus|aucune?)\b|\baucune\b`, "iu");
var HANDLES = wordRegExp(String.raw`\b(?:traitent|traite|reçoivent|reçoit|instruisent|instruit|acceptent|accepte)\b`, "iu");
var EXCEPT = wordRegExp(String.raw`\bsauf\b|(?<!\p{L})à l['’]exception\b|\bexcepté\b|\bhormis\b`, "iu");
function mentions(hay, name) {
  const needle = normaliseForMatch(name).replace(/[^a-z0-9']+/g, " ").trim();
  const bare = needle.replace(/^(?:le|la|les) /, "");
  return hay.includes(` ${needle} `) || hay.includes(` ${bare} `) || hay.includes(`'${bare} `);
}
function readSubPrefectures(names, block) {
  if (block === null || block.trim() === "") return { names, handlesAes: "unknown", handling: [] };
  const hay = ` ${normaliseForMatch(block).replace(/[^a-z0-9']+/g, " ")} `;
  const named = names.filter((n) => mentions(hay, n));
  if (DENIES.test(block)) {
    if (EXCEPT.test(block) && named.length > 0) return { names, handlesAes: "some", handling: named };
    return { names, handlesAes: "none", handling: [] };
  }
  if (!HANDLES.test(block)) return { names, handlesAes: "unknown", handling: [] };
  if (named.length > 0 && named.length < names.length) return { names, handlesAes: "some", handling: named };
  return { names, handlesAes: "all", handling: [...names] };
}

// src/guide/section.ts
function lastIndex(items, test, from = 0) {
  for (let i = items.length - 1; i >= from; i--) if (test(items[i])) return i;
  return -1;
}
function parseSection(input) {
  const { file, header, code, name, body } = input;
  const label = `${name} (${code})`;
  const problems = [];
  const problem = (line, message) => problems.push({ file, line, message: `${label}: ${message}` });
  if (!DepartmentCode.safeParse(code).success) problem(header.line, `unknown d\xE9partement code "${code}"`);
  if (!input.region) problem(header.line, 'no "R\xE9gion \u2026" line before this section');
  const content = body.filter((l) => !l.noise);
  const reproduced = content.findIndex((l) => REPRODUCED.test(l.text));
  const closing = lastIndex(content, (l) => SUB_PREFECTURE_HEADING.test(l.text), Math.max(reproduced, 0));
  const headEnd = reproduced >= 0 ? reproduced : closing >= 0 ? closing : content.length;
  const head = content.slice(0, headEnd);
  const prefectures = [];
  let subNames = [];
  let updated = null;
  let updatedSeen = false;
  let wording = null;
  for (let i = 0; i < head.length; i++) {
    const line = head[i];
    const pref = PREFECTURE.exec(line.text);
    const subs = SUB_PREFECTURE_LIST.exec(line.text);
    const date = UPDATED.exec(line.text);
    if (pref) prefectures.push({ text: prefectureCity(pref[1] ?? ""), line: line.line });
    else if (subs) {
      let list = subs[1] ?? "";
      while (/,$/.test(list) && i + 1 < head.length) list += ` ${head[++i]?.text ?? ""}`;
      subNames = splitNames(list);
    } else if (date) {
      updatedSeen = true;
      const reading = readDate(date[1] ?? "");
      if (reading.kind === "date") updated = reading.iso;
      else if (reading.kind === "impossible") problem(line.line, `impossible date "${reading.printed}" in "Derni\xE8re mise \xE0 jour"`);
      else problem(line.line, `unreadable date "${reading.printed}" in "Derni\xE8re mise \xE0 jour" (expected dd/mm/yyyy)`);
    } else if (CHANNEL_SENTENCE.test(line.text) && wording === null) {
      wording = line.text;
      while (!/\.$/.test(wording) && i + 1 < head.length && head[i + 1]?.text && !REPRODUCED.test(head[i + 1]?.text ?? "")) {
        wording += ` ${head[++i]?.text ?? ""}`;
      }
    }
  }
  const first = prefectures[0];
  if (!first) problem(header.line, 'no "Pr\xE9fecture \u2026" line');
  for (const other of prefectures.slice(1)) {
    if (first && slugify(other.text) !== slugify(first.text)) problem(other.line, `prefecture named both "${first.text}" and "${other.text}"`);
  }
  if (!updatedSeen) problem(header.line, 'no "Derni\xE8re mise \xE0 jour : dd/mm/yyyy" date');
  if (wording === null) problem(header.line, `no "La demande d'admission exceptionnelle se fait \u2026" sentence`);
  const cited = citedUrls(head);
  for (const c of cited) if (c.kind === "invalid") problem(c.line, `invalid source URL "${c.printed}"`);
  const sources = cited.flatMap((c) => c.kind === "url" ? [c.source] : []);
  if (cited.length === 0) problem(header.line, 'no source URL ("Les modalit\xE9s sont consultables ici : <URL>")');
  let procedure = "";
  if (reproduced < 0) problem(header.line, 'no "Les modalit\xE9s sont reproduites ici :" text (truncated section?)');
  else {
    const from = body.indexOf(content[reproduced]) + 1;
    const to = closing > reproduced ? body.indexOf(content[closing]) : body.length;
    const sameLine = REPRODUCED.exec(content[reproduced]?.text ?? "")?.[1] ?? "";
    procedure = cleanProcedure([sameLine, ...body.slice(from, to).map((l) => l.noise ? null : l.text)]);
    if (procedure === "") problem(content[reproduced]?.line ?? header.line, "the reproduced procedure is empty (truncated section?)");
  }
  const block = closing >= 0 && closing >= reproduced ? content.slice(closing + 1).map((l) => l.text).join(" ") : null;
  if (problems.length > 0) return { entry: null, problems };
  const candidate = {
    id: `${code}-${slugify(name)}`,
    region: input.region,
    department: { code, name },
    prefecture: first?.text,
    subPrefectures: readSubPrefectures(subNames, block),
    updated,
    channels: readChannels(wording ?? ""),
    sources,
    procedure,
    facts: extractFacts(procedure),
    location: { file, line: header.line }
  };
  const checked = GuideEntry.safeParse(candidate);
  if (checked.success) return { entry: checked.data, problems };
  for (const issue of checked.error.issues) problem(header.line, `invalid ${issue.path.join(".")}: ${issue.message}`);
  return { entry: null, problems };
}

// src/guide/parse.ts
function parseGuide(text, file) {
  const lines = splitLines(text);
  const noise = pageNoise(lines);
  const all = lines.map((l, i) => ({ text: l.text, line: l.line, noise: noise.has(i) }));
  const content = [];
  lines.forEach((l, i) => {
    if (l.text !== "" && !noise.has(i)) content.push({ text: l.text, line: l.line, index: i });
  });
  const headers = [];
  const contents = [];
  let region = null;
  content.forEach((line, k) => {
    const regionMatch = REGION.exec(line.text);
    if (regionMatch) region = regionMatch[1] ?? null;
    const dept = DEPARTMENT.exec(line.text);
    if (!dept) return;
    const prev = content[k - 1]?.text ?? "";
    const next = content[k + 1]?.text ?? "";
    const afterRegion = REGION.test(prev);
    const isSection = PREFECTURE.test(next) || afterRegion && !DEPARTMENT.test(next) && !REGION.test(next);
    if (!isSection) {
      if (headers.length === 0) contents.push({ text: line.text, line: line.line, code: dept[2] ?? "" });
      return;
    }
    const start = afterRegion ? content[k - 1]?.index ?? line.index : line.index;
    headers.push({ index: line.index, start, region, code: dept[2] ?? "", name: dept[1] ?? "" });
  });
  const problems = [];
  const entries = [];
  if (headers.length === 0) {
    problems.push({ file, line: 1, message: 'no d\xE9partement sections found (expected "R\xE9gion \u2026", "D\xE9partement de \u2026 (NN)", "Pr\xE9fecture \u2026" header lines)' });
    return { entries, problems };
  }
  headers.forEach((h, n) => {
    const end = headers[n + 1]?.start ?? lines.length;
    const own = /* @__PURE__ */ new Set([lines[h.index]?.text, lines[h.start]?.text]);
    const body = all.slice(h.index + 1, end).map((l) => !l.noise && l.text !== "" && own.has(l.text) ? { ...l, noise: true } : l);
    const result = parseSection({ file, region: h.region, header: lines[h.index], code: h.code, name: h.name, body });
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  });
  const parsedCodes = new Set(headers.map((h) => h.code));
  for (const listed of contents) {
    if (!parsedCodes.has(listed.code)) {
      problems.push({ file, line: listed.line, message: `the contents list "${listed.text}" but no section for it follows (truncated guide?)` });
    }
  }
  problems.push(...duplicateIds(entries));
  return { entries: entries.filter((e, i) => entries.findIndex((o) => o.id === e.id) === i), problems: problems.sort((a, b) => a.line - b.line) };
}
function duplicateIds(entries) {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        file: entry.location.file,
        line: entry.location.line,
        message: `duplicate section for ${entry.id} (first at ${first.location.file}:${first.location.line})`
      });
    } else seen.set(entry.id, entry);
  }
  return problems;
}

// src/shared/pdf/layout.ts
function rowsOf(page, pageIndex) {
  const items = page.items.filter((item) => item.text.trim() !== "");
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const head = row?.[0];
    if (row && head && Math.abs(head.y - item.y) <= Math.max(2, 0.3 * Math.max(head.height, item.height))) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const items2 = [...row].sort((a, b) => a.x - b.x);
    let text = "";
    let end = Number.NEGATIVE_INFINITY;
    for (const item of items2) {
      const gap = item.x - end;
      if (text !== "" && gap > 0.15 * item.height && !/\s$/.test(text) && !/^\s/.test(item.text)) text += " ";
      text += item.text;
      end = item.x + item.width;
    }
    const y = items2[0]?.y ?? 0;
    const size = Math.max(...items2.map((item) => item.height), 1);
    return { text: text.replace(/\s+/g, " ").trim(), y, right: end, size, page: pageIndex, top: page.height - y, bottom: y };
  });
}
var PAGE_NUMBER2 = /^(?:-\s*)?(?:page\s+)?\d{1,3}(?:\s*(?:\/|sur)\s*\d{1,3})?(?:\s*-)?$/iu;
var MARGIN_SHARE = 0.075;
var masked = (text) => text.replace(/\d+/g, "#").toLowerCase();
function runningLines(rows, pages) {
  const inMargin = (row) => {
    const height = pages[row.page]?.height ?? 842;
    return row.top <= height * MARGIN_SHARE || row.bottom <= height * MARGIN_SHARE;
  };
  const seen = /* @__PURE__ */ new Map();
  for (const row of rows.filter(inMargin)) {
    const key = masked(row.text);
    seen.set(key, (seen.get(key) ?? /* @__PURE__ */ new Set()).add(row.page));
  }
  const running = /* @__PURE__ */ new Set();
  for (const row of rows) {
    if (!inMargin(row)) continue;
    if (PAGE_NUMBER2.test(row.text) || pages.length > 1 && (seen.get(masked(row.text))?.size ?? 0) >= 2) running.add(row);
  }
  return running;
}
var KEEP_BEFORE = /(?:^|[\s'’(])(?:sous|vice|demi|semi|mi|non|ex|anti|après|avant|arrière|contre|entre|grand|quasi|sans|post|pré|extra|porte|chef)-$/iu;
var KEEP_AFTER = /^(?:vous|nous|ils?|elles?|on|en|y|ci|là|t|moi|toi|lui|leur|même|mêmes)\b/u;
function joinWrapped(line, next) {
  if (/<https?:[^>]*$/iu.test(line)) return line + next;
  const hyphen = new RegExp("(\\p{Ll})-$", "u").exec(line);
  if (hyphen) {
    if (new RegExp("^\\p{Ll}", "u").test(next) && !KEEP_BEFORE.test(line) && !KEEP_AFTER.test(next)) return line.slice(0, -1) + next;
    return line + next;
  }
  return `${line} ${next}`;
}
function layoutPdfText(pages) {
  const all = pages.flatMap((page, index) => rowsOf(page, index));
  const running = runningLines(all, pages);
  const rows = all.filter((row) => !running.has(row));
  const rights = rows.map((row) => row.right).sort((a, b) => a - b);
  const blockRight = rights[Math.floor(rights.length * 0.95)] ?? 0;
  const out = [];
  let current = null;
  let previous = null;
  const flush = () => {
    if (current !== null) out.push(current);
    current = null;
  };
  for (const row of rows) {
    const newPage = previous !== null && row.page !== previous.page;
    const gap = previous !== null && !newPage ? previous.y - row.y : 0;
    const paragraphBreak = newPage || previous !== null && gap > 1.6 * Math.max(previous.size, row.size);
    const wrapped = previous !== null && !paragraphBreak && previous.right >= blockRight - 10 * previous.size;
    if (current !== null && wrapped) current = joinWrapped(current, row.text);
    else {
      flush();
      if (paragraphBreak && out.length > 0) out.push("");
      current = row.text;
    }
    previous = row;
  }
  flush();
  return out.join("\n") + "\n";
}

// src/shared/pdf/reader.ts
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// src/shared/pdf/worker-source.ts
var PDF_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
let pdfjs = null;
parentPort.on('message', async ({ id, bytes }) => {
  try {
    pdfjs ??= await import(workerData.pdfjsUrl);
    const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true });
    const doc = await task.promise;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        items.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.abs(item.transform[3]), eol: Boolean(item.hasEOL) });
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
    }
    await task.destroy();
    parentPort.postMessage({ id, kind: 'read', pages });
  } catch (error) {
    const name = (error && error.name) || 'Error';
    const message = (error && error.message) || String(error);
    parentPort.postMessage({ id, kind: 'error', name, message });
  }
});
`;

// src/shared/pdf/reader.ts
var DEFAULT_PDF_TIMEOUT_MS = 1e4;
var WORKER_HEAP_MB = 512;
function looksTruncated(bytes) {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
  return !tail.includes("%%EOF");
}
var isPdf = (bytes) => Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-");
function failureOf(name, message) {
  if (name === "PasswordException") return { kind: "failed", problem: "encrypted", detail: "the PDF is protected by a password: its text cannot be read" };
  return { kind: "failed", problem: "invalid", detail: `not a readable PDF (${message})` };
}
var pdfjsUrl = () => pathToFileURL(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.mjs")).href;
var PdfWorkerPool = class {
  constructor(size) {
    this.size = size;
  }
  idle = [];
  queue = [];
  busy = 0;
  nextId = 1;
  read(job) {
    this.queue.push(job);
    this.pump();
  }
  pump() {
    while (this.queue.length > 0 && this.busy < this.size) {
      const job = this.queue.shift();
      this.busy += 1;
      this.run(this.idle.pop() ?? this.spawn(), job);
    }
  }
  spawn() {
    return new Worker(PDF_WORKER_SOURCE, {
      eval: true,
      workerData: { pdfjsUrl: pdfjsUrl() },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: true,
      stderr: true
    });
  }
  run(worker, job) {
    const id = this.nextId++;
    worker.ref();
    let settled = false;
    const finish = (read, reusable) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      this.busy -= 1;
      if (reusable) {
        worker.unref();
        this.idle.push(worker);
      } else {
        void worker.terminate();
      }
      job.resolve(read);
      this.pump();
    };
    const onMessage = (reply) => {
      if (reply.id !== id) return;
      finish(reply.kind === "read" ? { kind: "read", pages: reply.pages } : failureOf(reply.name, reply.message), true);
    };
    const onError = (error) => finish({ kind: "failed", problem: "crashed", detail: `the PDF reader crashed (${error.message})` }, false);
    const onExit = (code) => finish({ kind: "failed", problem: "crashed", detail: `the PDF reader stopped (exit code ${code})` }, false);
    const timer = setTimeout(
      () => finish({ kind: "failed", problem: "timeout", detail: `reading the PDF took longer than ${job.timeoutMs} ms` }, false),
      job.timeoutMs
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    const copy = new Uint8Array(job.bytes);
    worker.postMessage({ id, bytes: copy }, [copy.buffer]);
  }
};
var pool = null;
function readPdf(bytes, options = {}) {
  if (!isPdf(bytes)) return Promise.resolve({ kind: "failed", problem: "invalid", detail: "not a PDF (no %PDF- header)" });
  if (looksTruncated(bytes)) {
    return Promise.resolve({ kind: "failed", problem: "truncated", detail: `the PDF is truncated: its ${bytes.length} bytes end before the end-of-file marker (%%EOF)` });
  }
  pool ??= new PdfWorkerPool(Math.max(1, Math.min(2, availableParallelism())));
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  return new Promise((resolve2) => pool?.read({ bytes, timeoutMs, resolve: resolve2 }));
}

// src/guide/pdf.ts
async function readGuidePdf(bytes) {
  const read = await readPdf(bytes);
  if (read.kind === "failed") return { kind: "rejected", line: 1, message: `cannot read this PDF: ${read.detail}` };
  const text = layoutPdfText(read.pages);
  if (text.trim() === "") return { kind: "rejected", line: 1, message: "this PDF has no text layer (a scan?): no guide section found" };
  return { kind: "text", text };
}

// src/guide/load.ts
var decoder = new TextDecoder("utf-8", { fatal: true });
function readGuideBytes(bytes) {
  const head = bytes.subarray(0, 8192);
  if (bytes.length === 0) return { kind: "rejected", line: 1, message: "empty file: no guide text" };
  if (head[0] === 255 && head[1] === 254 || head[0] === 254 && head[1] === 255) {
    return { kind: "rejected", line: 1, message: "UTF-16 text: save the guide as UTF-8" };
  }
  const control = head.filter((b) => b === 0 || b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12).length;
  if (head.includes(0) || control > head.length / 20) return { kind: "rejected", line: 1, message: "binary file, not guide text" };
  let text;
  try {
    text = decoder.decode(bytes);
  } catch {
    const lossy = Buffer.from(bytes).toString("utf8");
    const bad = lossy.indexOf("\uFFFD");
    const line = lossy.slice(0, Math.max(bad, 0)).split("\n").length;
    return { kind: "rejected", line, message: "not valid UTF-8 (perhaps Latin-1 / Windows-1252): save the guide as UTF-8" };
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") return { kind: "rejected", line: 1, message: "empty file: no guide text" };
  return { kind: "text", text };
}
var isPdfFile = (bytes) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
async function guideFiles(path, cwd) {
  const absolute = resolve(cwd, path);
  try {
    const info = await stat(absolute);
    if (!info.isDirectory()) return { files: [path], problem: null };
    const names = (await readdir(absolute)).filter((n) => n.toLowerCase().endsWith(".txt")).sort();
    if (names.length === 0) return { files: [], problem: { file: path, line: 1, message: "no *.txt guide documents in this directory" } };
    return { files: names.map((n) => join(path, n)), problem: null };
  } catch (error) {
    return { files: [], problem: { file: path, line: 1, message: `cannot read: ${describe(error)}` } };
  }
}
function describe(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
async function loadGuides(paths, cwd) {
  const entries = [];
  const problems = [];
  for (const path of paths) {
    const { files, problem } = await guideFiles(path, cwd);
    if (problem) problems.push(problem);
    for (const file of files) {
      let bytes;
      try {
        bytes = await readFile(resolve(cwd, file));
      } catch (error) {
        problems.push({ file, line: 1, message: `cannot read: ${describe(error)}` });
        continue;
      }
      const text = isPdfFile(bytes) ? await readGuidePdf(bytes) : readGuideBytes(bytes);
      if (text.kind === "rejected") {
        problems.push({ file, line: text.line, message: text.message });
        continue;
      }
      const parsed = parseGuide(text.text, file);
      entries.push(...parsed.entries);
      problems.push(...parsed.problems);
    }
  }
  const duplicates = duplicateIds(entries).filter((p) => !problems.some((q) => q.file === p.file && q.line === p.line && q.message === p.message));
  problems.push(...duplicates);
  const kept = entries.filter((e, i) => entries.findIndex((o) => o.id === e.id) === i);
  return { entries: kept, problems };
}

export {
  readGuideBytes,
  loadGuides
};
//# sourceMappingURL=chunk-73YA6QE6.js.map
