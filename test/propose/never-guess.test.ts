import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractProcedure } from '../../src/extract/extract.js';
import type { Fact } from '../../src/facts/fact.js';
import { parseGuide } from '../../src/guide/parse.js';
import { draftProposal } from '../../src/propose/draft.js';
import { decodeGuideFile } from '../../src/propose/guide-file.js';
import { REVIEW, marker } from '../../src/propose/review.js';
import { ROOT } from './demo-scene.js';

const FILE = 'data/guides/normandie.txt';
const guide = decodeGuideFile(readFileSync(join(ROOT, FILE)))!;
const { entries } = parseGuide(guide.text, FILE);
const URL_ = 'https://www.seine-maritime.gouv.fr/Demarches/Etrangers/Admission-exceptionnelle-au-sejour';

function draftFrom(body: string, options: { id?: string; facts?: (facts: Fact[]) => Fact[]; sources?: number } = {}) {
  const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>AES</title></head><body><main id="main"><h1>Admission exceptionnelle au séjour</h1>${body}</main></body></html>`;
  const read = extractProcedure(html, { baseUrl: URL_ });
  if (read.kind !== 'extracted') throw new Error(read.detail);
  const entry = entries.find((e) => e.id === (options.id ?? '76-seine-maritime'))!;
  const cited = { ...entry, sources: Array.from({ length: options.sources ?? 1 }, (_, i) => ({ url: `${URL_}?p=${i}`, clientRoute: null })) };
  const facts = options.facts ? options.facts(read.facts) : read.facts;
  return draftProposal({ guide, file: FILE, entry: cited, fileEntries: entries, page: { url: URL_, text: read.text, facts }, today: new Date('2026-12-01T09:00:00Z') });
}

const lines = (section: string) => section.split('\n').filter((l) => l.trim() !== '');
const LONG = "<p>Joignez à votre demande l'ensemble des pièces justificatives demandées selon votre situation personnelle, familiale et professionnelle, ainsi qu'une copie de votre passeport.</p>";

describe('propose never guesses', () => {
  it('writes both channels when the page offers them as alternatives, and needs no review', () => {
    const draft = draftFrom(`<p>Vous pouvez envoyer votre dossier par courrier à l'adresse suivante :</p><p>Préfecture de la Seine-Maritime<br>7 place de la Madeleine<br>76036 ROUEN CEDEX</p><p>Vous pouvez aussi déposer votre demande en ligne sur <a href="https://www.demarches-simplifiees.fr/commencer/76-aes">démarches simplifiées</a>.</p>${LONG}`);
    expect(lines(draft.proposal.section)).toContain("La demande d'admission exceptionnelle se fait par voie postale et par voie dématérialisée.");
    expect(draft.proposal.needsReview).toEqual([]);
    expect(draft.draftEntry?.channels.recognised).toEqual(['postal', 'online']);
  });

  it('marks a page that reserves the request to the post and to the web in turn, and reads no channel from the mark', () => {
    const draft = draftFrom(`<p>La demande se fait uniquement par courrier.</p><p>Depuis janvier, la demande se fait exclusivement en ligne sur le site de la préfecture.</p>${LONG}`);
    expect(draft.proposal.needsReview).toEqual([REVIEW.contradiction]);
    expect(lines(draft.proposal.section)).toContain(`La demande d'admission exceptionnelle se fait ${marker(REVIEW.contradiction)}.`);
    expect(draft.draftEntry?.channels).toMatchObject({ recognised: [], unrecognised: true });
  });

  it.each([
    ['names no channel', (facts: Fact[]) => facts.filter((f) => f.kind !== 'channel')],
    ['names a channel aes-watch cannot read', (facts: Fact[]) => [...facts.filter((f) => f.kind !== 'channel'), { kind: 'channel', value: 'unknown' } as unknown as Fact]],
  ])('marks the channel when the page %s', (_, facts) => {
    const draft = draftFrom(`<p>Votre dossier est à adresser à la préfecture.</p>${LONG}`, { facts });
    expect(draft.proposal.needsReview).toEqual([REVIEW.noChannel]);
    expect(lines(draft.proposal.section)).toContain(`La demande d'admission exceptionnelle se fait ${marker(REVIEW.noChannel)}.`);
  });

  it('marks a second, different postal address before the paragraph that holds it', () => {
    const draft = draftFrom(
      `<p>Envoyez votre dossier par courrier à :</p><p>Préfecture de la Seine-Maritime<br>7 place de la Madeleine<br>76036 ROUEN CEDEX</p><p>Les dossiers sont aussi reçus à :</p><p>Sous-préfecture du Havre<br>Boulevard de Strasbourg<br>76600 LE HAVRE</p>${LONG}`,
    );
    expect(draft.proposal.needsReview).toContain(REVIEW.twoAddresses);
    const section = lines(draft.proposal.section);
    const mark = section.indexOf(marker(REVIEW.twoAddresses));
    expect(section.slice(mark - 1, mark + 4)).toEqual(['Les dossiers sont aussi reçus à :', marker(REVIEW.twoAddresses), 'Sous-préfecture du Havre', 'Boulevard de Strasbourg', '76600 LE HAVRE']);
    expect(section.indexOf('76036 ROUEN CEDEX')).toBeLessThan(mark);
  });

  it('splits an address printed on one line, and marks one it cannot split', () => {
    const split = draftFrom(`<p>Par courrier : Préfecture de la Seine-Maritime, Direction des migrations, 7 place de la Madeleine, CS16036 - 76036 ROUEN CEDEX</p>${LONG}`);
    expect(split.proposal.needsReview).toEqual([]);
    const section = lines(split.proposal.section);
    const at = section.indexOf('Par courrier :');
    expect(section.slice(at, at + 6)).toEqual(['Par courrier :', 'Préfecture de la Seine-Maritime', 'Direction des migrations', '7 place de la Madeleine', 'CS16036', '76036 ROUEN CEDEX']);

    const two = draftFrom(`<p>Par courrier : Préfecture, 7 place de la Madeleine, 76036 ROUEN CEDEX ou Sous-préfecture, Boulevard de Strasbourg, 76600 LE HAVRE</p>${LONG}`);
    expect(two.proposal.needsReview).toContain(REVIEW.unsplitAddress);
    const twoLines = lines(two.proposal.section);
    expect(twoLines[twoLines.indexOf(marker(REVIEW.unsplitAddress)) + 1]).toMatch(/^Par courrier : Préfecture, 7 place de la Madeleine, 76036 ROUEN CEDEX ou/);
  });

  it('marks a procedure that continues on another page of the site, right after the link', () => {
    const draft = draftFrom(`<p>Envoyez votre dossier par courrier à la préfecture.</p><p>La liste des pièces à fournir : <a href="/Demarches/Etrangers/Pieces">cliquez ici</a>.</p>${LONG}`);
    expect(draft.proposal.needsReview).toEqual([REVIEW.otherPage]);
    const section = lines(draft.proposal.section);
    expect(section[section.indexOf(marker(REVIEW.otherPage)) - 1]).toBe('La liste des pièces à fournir : cliquez ici (<https://www.seine-maritime.gouv.fr/Demarches/Etrangers/Pieces>).');
  });

  it('marks an entry that cites several pages, and a page that talks about the sous-préfectures', () => {
    const draft = draftFrom(`<p>Envoyez votre dossier par courrier. Les sous-préfectures reçoivent aussi les dossiers.</p>${LONG}`, { sources: 2 });
    expect(draft.proposal.needsReview).toEqual([REVIEW.severalSources, REVIEW.subPrefectures]);
    const section = lines(draft.proposal.section);
    expect(section.slice(-3)).toEqual(['Sous-préfectures', marker(REVIEW.subPrefectures), "Elles ne traitent pas les demandes d'AES."]);
    expect(draft.draftEntry?.subPrefectures.handlesAes).toBe('none');
  });

  it('keeps the sous-préfectures block as it stands when the page does not mention them', () => {
    const draft = draftFrom(`<p>Envoyez votre dossier par courrier à la préfecture.</p>${LONG}`);
    expect(draft.proposal.needsReview).toEqual([]);
    expect(draft.proposal.section.endsWith("Sous-préfectures\n\nElles ne traitent pas les demandes d'AES.")).toBe(true);
  });
});
