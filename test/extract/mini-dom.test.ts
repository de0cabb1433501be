import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createMarkdownService, toMarkdown } from '../../src/extract/markdown.js';
import { turndownRoot } from '../../src/extract/mini-dom.js';

/** What turndown makes of the same nodes when it parses their HTML itself (with domino), as before. */
const viaDomino = (html: string) => createMarkdownService().turndown(html);

const SNIPPETS = {
  'ordered list, whitespace between items': '<ol>\n  <li>Un</li>\n  <li>Deux</li>\n  <li>Trois</li>\n</ol>',
  'ordered list with a start': '<ol start="4"> <li>Quatre</li> <li>Cinq</li></ol>',
  'nested list as the last child': '<ul><li>Pièces <ul><li>passeport</li><li>justificatif</li></ul></li><li>Fin</li></ul>',
  'inline whitespace around emphasis and links': '<p>Écrivez  à <a href="mailto:a@b.fr"> a@b.fr </a>ou <em> par courrier </em>, <strong>avant</strong>le 1er mars.</p>',
  'comments between text': '<p>avant<!-- note -->après <!-- autre --> fin</p>',
  'line breaks inside an address': '<p>Préfecture du Calvados<br>Bureau du séjour<br> rue Saint-Laurent <br/>14038 CAEN CEDEX 9</p>',
  'entities and non-breaking spaces': '<p>Tél.&nbsp;: 02&nbsp;31 30 64 00 &amp; courriel &lt;pref@calvados.gouv.fr&gt;</p>',
  'pre and code': '<pre><code class="language-txt">ligne 1\n  ligne 2</code></pre><p>un <code>code</code> inline</p>',
  'a blank paragraph holding only an image': '<p> <img src="a.png"> </p><p>texte</p>',
  'a link with no text and a table': '<p><a href="/x"></a>suite</p><table><tr><th>Jour</th><td></td></tr><tr><td>lundi</td><td>9 h</td></tr></table>',
  'headings, quotes and rules': '<h2>Dépôt</h2><blockquote><p>cité</p></blockquote><hr><h3>Pièces</h3>',
  'form controls and media left out': '<p>Choisissez <select><option>A</option></select> puis <button>OK</button><iframe src="x"></iframe>.</p>',
  'deep inline nesting': '<div><span> un <b><i> deux </i></b> </span><span>trois</span></div>',
};

describe('turndown over cheerio nodes (no second HTML parser)', () => {
  for (const [name, html] of Object.entries(SNIPPETS)) {
    it(`gives what turndown's own parse gives: ${name}`, () => {
      const markdown = toMarkdown(load(html, null, false).root().contents().toArray());
      expect(markdown).toBe(viaDomino(html));
      expect(markdown).not.toBe('');
    });
  }

  it('gives the same Markdown for the content of every fixture page', async () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'pages');
    const pages = (await readdir(dir)).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const name of pages) {
      const $ = load(await readFile(join(dir, name), 'utf8'));
      // Extraction drops these before Markdown; a <noscript> differs anyway, parsed as text by cheerio
      // (scripting on, as in a browser) and as markup by domino.
      $('script, style, noscript, template').remove();
      const body = $('body');
      expect(toMarkdown(body.toArray()), name).toBe(viaDomino($.html(body)));
    }
  });

  it('numbers ordered items among elements only, as the DOM counts children', () => {
    expect(toMarkdown('<ol start="2">\n<li>a</li>\n<!-- c -->\n<li>b</li></ol>')).toBe('2.  a\n3.  b');
  });

  it('leaves the cheerio tree as it was: turndown rewrites its own copy', () => {
    const $ = load('<main><p>  un   deux  </p><p><!-- x --></p></main>');
    const before = $.html();
    toMarkdown($('main').toArray());
    expect($.html()).toBe(before);
  });

  it('answers the DOM questions turndown asks', () => {
    const root = turndownRoot(load('<div id="d"><p>un <img src="i.png"> deux</p><!-- c --><p>trois</p></div>', null, false).root().contents().toArray());
    const div = root.firstChild as HTMLElement;
    expect(div.nodeName).toBe('DIV');
    expect(div.getAttribute('id')).toBe('d');
    expect(div.getAttribute('class')).toBeNull();
    expect(div.textContent).toBe('un  deuxtrois');
    expect(div.getElementsByTagName('img')).toHaveLength(1);
    expect(div.getElementsByTagName('div')).toHaveLength(0);
    expect(div.children).toHaveLength(2);
    expect(div.lastElementChild?.textContent).toBe('trois');
    const comment = div.childNodes[1]!;
    expect([comment.nodeType, comment.nodeName, comment.textContent]).toEqual([8, '#comment', '']);
    expect(comment.previousSibling).toBe(div.firstChild);
    div.removeChild(comment);
    expect(div.childNodes).toHaveLength(2);
    expect(div.firstChild?.nextSibling).toBe(div.lastChild);
    expect(div.lastChild?.previousSibling).toBe(div.firstChild);
    const copy = div.cloneNode(true) as HTMLElement;
    expect(copy).not.toBe(div);
    expect(copy.textContent).toBe(div.textContent);
    expect(copy.firstChild?.parentNode).toBe(copy);
  });
});
