import type { AnyNode } from 'domhandler';

/**
 * The few DOM members turndown reads, over a copy of a cheerio subtree. Given
 * a string, turndown parses it again with a DOM library of its own (domino,
 * nine tenths of extraction's code and a third of its time per page); given
 * this, the page is parsed once, by cheerio, as a browser would.
 */
abstract class MiniNode {
  parentNode: MiniElement | null = null;
  previousSibling: MiniNode | null = null;
  nextSibling: MiniNode | null = null;
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  abstract readonly textContent: string;
  abstract cloneNode(deep?: boolean): MiniNode;
}

/** Text (nodeType 3) or a comment (8): turndown rewrites `data` as it collapses whitespace. */
class MiniCharacterData extends MiniNode {
  constructor(
    public data: string,
    readonly nodeType: 3 | 8,
  ) {
    super();
  }

  get nodeName(): string {
    return this.nodeType === 3 ? '#text' : '#comment';
  }

  get nodeValue(): string {
    return this.data;
  }

  set nodeValue(value: string) {
    this.data = value;
  }

  get textContent(): string {
    return this.nodeType === 3 ? this.data : '';
  }

  cloneNode(): MiniCharacterData {
    return new MiniCharacterData(this.data, this.nodeType);
  }
}

class MiniElement extends MiniNode {
  readonly nodeType = 1;
  readonly childNodes: MiniNode[] = [];

  constructor(
    /** Upper case, as the DOM names HTML elements. */
    readonly nodeName: string,
    private readonly attributes: Readonly<Record<string, string>>,
  ) {
    super();
  }

  get firstChild(): MiniNode | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): MiniNode | null {
    return this.childNodes.at(-1) ?? null;
  }

  /** Elements only, as in the DOM: turndown numbers ordered-list items by their index here. */
  get children(): MiniElement[] {
    return this.childNodes.filter((node): node is MiniElement => node instanceof MiniElement);
  }

  get lastElementChild(): MiniElement | null {
    return this.children.at(-1) ?? null;
  }

  get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join('');
  }

  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attributes, name) ? this.attributes[name]! : null;
  }

  /** Descendants only, never the element itself. */
  getElementsByTagName(name: string): MiniElement[] {
    const wanted = name.toUpperCase();
    const found: MiniElement[] = [];
    const visit = (element: MiniElement) => {
      for (const child of element.children) {
        if (child.nodeName === wanted) found.push(child);
        visit(child);
      }
    };
    visit(this);
    return found;
  }

  appendChild(child: MiniNode): void {
    const last = this.lastChild;
    child.parentNode = this;
    child.previousSibling = last;
    if (last) last.nextSibling = child;
    this.childNodes.push(child);
  }

  removeChild(child: MiniNode): void {
    const at = this.childNodes.indexOf(child);
    if (at < 0) return;
    this.childNodes.splice(at, 1);
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    child.parentNode = child.previousSibling = child.nextSibling = null;
  }

  cloneNode(deep = false): MiniElement {
    const copy = new MiniElement(this.nodeName, this.attributes);
    if (deep) for (const child of this.childNodes) copy.appendChild(child.cloneNode(true));
    return copy;
  }
}

/** Appends the copy of `node` (and of what it holds) to `parent`. */
function appendCopy(parent: MiniElement, node: AnyNode): void {
  switch (node.type) {
    case 'text':
      return parent.appendChild(new MiniCharacterData(node.data, 3));
    case 'comment':
      return parent.appendChild(new MiniCharacterData(node.data, 8));
    case 'tag':
    case 'script':
    case 'style': {
      const element = new MiniElement(node.name.toUpperCase(), node.attribs);
      for (const child of node.children) appendCopy(element, child);
      return parent.appendChild(element);
    }
    case 'cdata':
    case 'root':
      for (const child of node.children) appendCopy(parent, child);
      return;
    default:
      // Doctypes and processing instructions hold no text.
      return;
  }
}

/**
 * A DOM-like copy of `nodes` for turndown, inside one wrapper element, as
 * turndown wraps a string it parses. Typed as the DOM's element, which is what
 * turndown's types ask for.
 */
export function turndownRoot(nodes: readonly AnyNode[]): HTMLElement {
  const root = new MiniElement('X-TURNDOWN', {});
  for (const node of nodes) appendCopy(root, node);
  return root as unknown as HTMLElement;
}
