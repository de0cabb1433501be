import { describe, expect, it } from 'vitest';
import { freshParser, sectionText } from './guide-text.js';

/**
 * U+2028 and U+2029 end a line as \n does (text pasted from a word processor or a web page
 * can hold them). Read as ordinary characters, they hid the lines they joined: no line pattern
 * matches across them, so a sous-préfecture list or a whole section went unread, silently.
 */
describe('a guide whose lines end with Unicode line or paragraph separators', () => {
  it('reads every section the same as with newlines', async () => {
    const parse = await freshParser();
    const plain = parse(sectionText(), 'guide.txt');
    expect(plain.problems).toEqual([]);
    for (const separator of ['\u2028', '\u2029']) {
      const parsed = parse(sectionText().replaceAll('\n', separator), 'guide.txt');
      expect(parsed.problems, JSON.stringify(separator)).toEqual([]);
      expect(parsed.entries, JSON.stringify(separator)).toEqual(plain.entries);
    }
  });

  it('reads a sous-préfecture list broken by a line separator', async () => {
    const text = sectionText({ subPrefectures: ['Sous-préfectures : Bayeux,\u2028Lisieux'] });
    const parsed = (await freshParser())(text, 'guide.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries[0]?.subPrefectures.names).toEqual(['Bayeux', 'Lisieux']);
  });
});
