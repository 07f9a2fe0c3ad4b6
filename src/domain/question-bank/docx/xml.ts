/**
 * Word XML as a tree of ordered nodes — `{ 'w:p': [children], ':@': { attribute: value } }` and `{ '#text': '…' }`,
 * the shape fast-xml-parser's preserveOrder gave — built by the streaming tokenizer (files/xml-stream.ts) so that
 * paragraphs and elements are counted, and a budget refused, while the part is still inflating.
 */
import { XmlStream, parseAttributes, type XmlHandler } from '../../files/xml-stream.ts';
import { NOT_DOCX_MESSAGE } from './messages.ts';

export type XmlNode = Record<string, unknown>;

/** Builds the tree; `onOpen` sees every start tag first (to count paragraphs). */
export class XmlTreeBuilder implements XmlHandler {
  readonly root: XmlNode[] = [];
  private readonly stack: { name: string; children: XmlNode[] }[] = [{ name: '', children: this.root }];

  constructor(private readonly onOpen?: (name: string) => void) {}

  open(name: string, attributes: string, selfClosing: boolean): void {
    this.onOpen?.(name);
    const children: XmlNode[] = [];
    const node: XmlNode = { [name]: children };
    const attrs = attributes ? parseAttributes(attributes) : null;
    if (attrs) node[':@'] = attrs;
    this.stack[this.stack.length - 1].children.push(node);
    if (!selfClosing) this.stack.push({ name, children });
  }

  close(name: string): void {
    // Lenient like the parser it replaces: an end tag closes up to its start tag; a stray one is ignored.
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i].name === name) {
        this.stack.length = i;
        return;
      }
    }
  }

  text(text: string): void {
    const children = this.stack[this.stack.length - 1].children;
    const last = children[children.length - 1];
    if (last && typeof last['#text'] === 'string') last['#text'] += text;
    else children.push({ '#text': text });
  }
}

/** Parses a whole Word XML part held in memory; a DOCTYPE (entity expansion) or unreadable XML is refused. */
export function parseXml(bytes: Uint8Array, maxElements = Number.MAX_SAFE_INTEGER): XmlNode[] {
  const builder = new XmlTreeBuilder();
  const invalid = () => new Error(NOT_DOCX_MESSAGE);
  const stream = new XmlStream(builder, { maxElements, tooManyElements: invalid, invalid });
  stream.writeBytes(bytes);
  stream.end();
  return builder.root;
}

export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The first child with the tag, if any. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

/** All text of the node's '#text' descendants. */
export function textOf(node: XmlNode): string {
  if (typeof node['#text'] === 'string' || typeof node['#text'] === 'number') return String(node['#text']);
  return childrenOf(node).map(textOf).join('');
}

/** The first element with the tag among the nodes or their descendants (depth first). */
export function findFirst(nodes: XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findFirst(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}
