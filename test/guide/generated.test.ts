import { describe, expect, it } from 'vitest';
import { generateGuide } from '../../bench/guide.js';
import { parseGuide } from '../../src/guide/parse.js';

describe('the generated bench guide', () => {
  it('parses to 100 entries with every code, and the facts of each section', () => {
    const parsed = parseGuide(generateGuide(100), 'gen.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(100);
    expect(parsed.entries.map((e) => e.department.code).slice(-7)).toEqual(['95', '2A', '2B', '971', '972', '973', '974']);
    const e = parsed.entries[3];
    expect(e?.channels.recognised).toEqual(['appointment']);
    expect(e?.facts.map((f) => f.kind)).toEqual(['email', 'phone', 'url', 'address', 'document', 'channel', 'channel']);
    expect(e?.facts.filter((f) => f.kind === 'channel').map((f) => f.value)).toEqual(['online', 'postal']);
    expect(parsed.entries[5]?.subPrefectures).toMatchObject({ handlesAes: 'some', handling: ['Ville-A-5'] });
  });
});
