import { extractFacts } from '../facts/extract.js';
import { GuideEntry, DepartmentCode, type GuideProblem } from './entry.js';
import { readChannels } from './channels.js';
import { prefectureCity, readDate, slugify, splitNames } from './fields.js';
import { CHANNEL_SENTENCE, PREFECTURE, REPRODUCED, SUB_PREFECTURE_HEADING, SUB_PREFECTURE_LIST, UPDATED, type Line } from './lines.js';
import { cleanProcedure } from './procedure.js';
import { citedUrls } from './sources.js';
import { readSubPrefectures } from './sub-prefectures.js';

export interface SectionLine extends Line {
  /** A page header, page number or repeated section header: not content. */
  noise: boolean;
}

export interface SectionInput {
  file: string;
  region: string | null;
  header: Line;
  code: string;
  name: string;
  body: SectionLine[];
}

export interface SectionResult {
  entry: GuideEntry | null;
  problems: GuideProblem[];
}

function lastIndex<T>(items: T[], test: (item: T) => boolean, from = 0): number {
  for (let i = items.length - 1; i >= from; i--) if (test(items[i] as T)) return i;
  return -1;
}

/** Parses one département section. Any problem leaves the entry out: a half-read entry would mislead later stages. */
export function parseSection(input: SectionInput): SectionResult {
  const { file, header, code, name, body } = input;
  const label = `${name} (${code})`;
  const problems: GuideProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message: `${label}: ${message}` });

  if (!DepartmentCode.safeParse(code).success) problem(header.line, `unknown département code "${code}"`);
  if (!input.region) problem(header.line, 'no "Région …" line before this section');

  const content = body.filter((l) => !l.noise);
  const reproduced = content.findIndex((l) => REPRODUCED.test(l.text));
  const closing = lastIndex(content, (l) => SUB_PREFECTURE_HEADING.test(l.text), Math.max(reproduced, 0));
  const headEnd = reproduced >= 0 ? reproduced : closing >= 0 ? closing : content.length;
  const head = content.slice(0, headEnd);

  const prefectures: Line[] = [];
  let subNames: string[] = [];
  let updated: string | null = null;
  let updatedSeen = false;
  let wording: string | null = null;
  for (let i = 0; i < head.length; i++) {
    const line = head[i] as Line;
    const pref = PREFECTURE.exec(line.text);
    const subs = SUB_PREFECTURE_LIST.exec(line.text);
    const date = UPDATED.exec(line.text);
    if (pref) prefectures.push({ text: prefectureCity(pref[1] ?? ''), line: line.line });
    else if (subs) {
      let list = subs[1] ?? '';
      while (/,$/.test(list) && i + 1 < head.length) list += ` ${head[++i]?.text ?? ''}`;
      subNames = splitNames(list);
    } else if (date) {
      updatedSeen = true;
      const reading = readDate(date[1] ?? '');
      if (reading.kind === 'date') updated = reading.iso;
      else if (reading.kind === 'impossible') problem(line.line, `impossible date "${reading.printed}" in "Dernière mise à jour"`);
      else problem(line.line, `unreadable date "${reading.printed}" in "Dernière mise à jour" (expected dd/mm/yyyy)`);
    } else if (CHANNEL_SENTENCE.test(line.text) && wording === null) {
      wording = line.text;
      // The PDF may break the sentence: follow it to its full stop.
      while (!/\.$/.test(wording) && i + 1 < head.length && head[i + 1]?.text && !REPRODUCED.test(head[i + 1]?.text ?? '')) {
        wording += ` ${head[++i]?.text ?? ''}`;
      }
    }
  }

  const first = prefectures[0];
  if (!first) problem(header.line, 'no "Préfecture …" line');
  for (const other of prefectures.slice(1)) {
    if (first && slugify(other.text) !== slugify(first.text)) problem(other.line, `prefecture named both "${first.text}" and "${other.text}"`);
  }
  if (!updatedSeen) problem(header.line, 'no "Dernière mise à jour : dd/mm/yyyy" date');
  if (wording === null) problem(header.line, `no "La demande d'admission exceptionnelle se fait …" sentence`);

  const cited = citedUrls(head);
  for (const c of cited) if (c.kind === 'invalid') problem(c.line, `invalid source URL "${c.printed}"`);
  const sources = cited.flatMap((c) => (c.kind === 'url' ? [c.source] : []));
  if (cited.length === 0) problem(header.line, 'no source URL ("Les modalités sont consultables ici : <URL>")');

  let procedure = '';
  if (reproduced < 0) problem(header.line, 'no "Les modalités sont reproduites ici :" text (truncated section?)');
  else {
    const from = body.indexOf(content[reproduced] as SectionLine) + 1;
    const to = closing > reproduced ? body.indexOf(content[closing] as SectionLine) : body.length;
    const sameLine = REPRODUCED.exec(content[reproduced]?.text ?? '')?.[1] ?? '';
    procedure = cleanProcedure([sameLine, ...body.slice(from, to).map((l) => (l.noise ? null : l.text))]);
    if (procedure === '') problem(content[reproduced]?.line ?? header.line, 'the reproduced procedure is empty (truncated section?)');
  }

  const block = closing >= 0 && closing >= reproduced ? content.slice(closing + 1).map((l) => l.text).join(' ') : null;
  if (problems.length > 0) return { entry: null, problems };

  const candidate = {
    id: `${code}-${slugify(name)}`,
    region: input.region,
    department: { code, name },
    prefecture: first?.text,
    subPrefectures: readSubPrefectures(subNames, block),
    updated,
    channels: readChannels(wording ?? ''),
    sources,
    procedure,
    facts: extractFacts(procedure),
    location: { file, line: header.line },
  };
  const checked = GuideEntry.safeParse(candidate);
  if (checked.success) return { entry: checked.data, problems };
  for (const issue of checked.error.issues) problem(header.line, `invalid ${issue.path.join('.')}: ${issue.message}`);
  return { entry: null, problems };
}
