/** A thin layer over fast-xml-parser's ordered output: tag names, children, attributes. */
import { XMLParser } from 'fast-xml-parser';
import { NOT_DOCX_MESSAGE } from './zip-guard.ts';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const NAMED: Record<string, string> = { '<': '&lt;', '&': '&amp;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Numeric character references decoded before parsing (the parser keeps them); markup characters stay escaped. */
function decodeNumericReferences(xml: string): string {
  return xml.replace(/&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});/g, (all, code: string) => {
    const value = code.startsWith('x') ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    if (value > 0x10ffff || value === 0) return all;
    const char = String.fromCodePoint(value);
    return NAMED[char] ?? char;
  });
}

/** Parses Word XML; a DOCTYPE (entity expansion) or unreadable XML is refused. */
export function parseXml(bytes: Uint8Array): XmlNode[] {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new Error(NOT_DOCX_MESSAGE);
  try {
    return parser.parse(decodeNumericReferences(text)) as XmlNode[];
  } catch {
    throw new Error(NOT_DOCX_MESSAGE);
  }
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
