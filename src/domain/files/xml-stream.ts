/**
 * A streaming XML tokenizer for the parts of Office files: fed the bytes of a zip entry as they inflate, it reports
 * start tags, end tags and text, counting elements against a budget as it goes. It keeps only what it has not yet
 * tokenized (at most one unfinished tag), so memory does not grow with the document. A DOCTYPE (entity expansion) or
 * any other declaration is refused; processing instructions and comments are skipped. Entities are decoded in text
 * and attribute values: the five named ones and numeric references.
 */

export interface XmlHandler {
  /** A start tag; `attributes` is the raw text after the name (see parseAttributes). */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text (decoded); one run of text may come in several calls. */
  text(text: string): void;
}

export interface XmlStreamOptions {
  /** Elements allowed over the whole stream… */
  maxElements: number;
  /** …else this is thrown. */
  tooManyElements: () => Error;
  /** Thrown for malformed or refused markup. */
  invalid: () => Error;
}

/** One tag, comment or CDATA section longer than this is not something Office writes. */
const MAX_MARKUP = 4 * 1024 * 1024;

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(ENTITY, (all, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named];
    const value = hex ? parseInt(hex, 16) : parseInt(dec!, 10);
    return value === 0 || value > 0x10ffff ? all : String.fromCodePoint(value);
  });
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag, decoded; null when it has none. A repeated name keeps its last value. */
export function parseAttributes(raw: string): Record<string, string> | null {
  if (raw.indexOf('=') === -1) return null;
  let out: Record<string, string> | null = null;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(raw); match; match = ATTRIBUTE.exec(raw)) {
    out ??= {};
    out[match[1]] = decodeEntities(match[2] ?? match[3]);
  }
  return out;
}

/** One attribute's decoded value, without building the others. */
export function attributeValue(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at === -1) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : raw.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let k = from;
    while (k < raw.length && raw.charCodeAt(k) <= 32) k++;
    if (raw.charCodeAt(k) !== 61 /* = */) continue;
    k++;
    while (k < raw.length && raw.charCodeAt(k) <= 32) k++;
    const quote = raw[k];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = raw.indexOf(quote, k + 1);
    if (end === -1) return undefined;
    return decodeEntities(raw.slice(k + 1, end));
  }
}

export class XmlStream {
  /** Elements seen so far. */
  elements = 0;
  private pending = '';
  private decoder: TextDecoder | null = null;

  constructor(
    private readonly handler: XmlHandler,
    private readonly options: XmlStreamOptions,
  ) {}

  /** Bytes of the document, in order: UTF-8, or UTF-16 when it starts with a byte-order mark. */
  writeBytes(chunk: Uint8Array): void {
    if (!this.decoder) {
      const encoding = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(encoding);
    }
    this.write(this.decoder.decode(chunk, { stream: true }));
  }

  write(text: string): void {
    this.pending = this.pending.length === 0 ? text : this.pending + text;
    this.parse(false);
  }

  /** The document is complete: anything left unfinished is malformed. */
  end(): void {
    if (this.decoder) this.pending += this.decoder.decode();
    this.parse(true);
    if (this.pending.length > 0) throw this.options.invalid();
  }

  private parse(final: boolean): void {
    const s = this.pending;
    const n = s.length;
    const handler = this.handler;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        let end = n;
        if (!final) {
          // Keep an entity cut by the chunk boundary for the next chunk.
          const amp = s.lastIndexOf('&');
          if (amp >= i && s.indexOf(';', amp) === -1 && n - amp < 12) end = amp;
        }
        if (end > i) handler.text(decodeEntities(s.slice(i, end)));
        i = end;
        break;
      }
      if (lt > i) handler.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      if (lt + 1 >= n) break;
      const next = s.charCodeAt(lt + 1);
      if (next === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt === -1) break;
        handler.close(s.slice(lt + 2, gt).trim());
        i = gt + 1;
      } else if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end === -1) break;
        i = end + 2;
      } else if (next === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end === -1) break;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end === -1) break;
          handler.text(s.slice(lt + 9, end));
          i = end + 3;
        } else if (n - lt < 9 && ('<![CDATA['.startsWith(s.slice(lt)) || '<!--'.startsWith(s.slice(lt)))) {
          break;
        } else {
          throw this.options.invalid();
        }
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt === -1) break;
        let nameEnd = lt + 1;
        while (nameEnd < gt) {
          const c = s.charCodeAt(nameEnd);
          if (c <= 32 || c === 47) break;
          nameEnd++;
        }
        if (nameEnd === lt + 1) throw this.options.invalid();
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const name = s.slice(lt + 1, nameEnd);
        if (++this.elements > this.options.maxElements) throw this.options.tooManyElements();
        handler.open(name, nameEnd < gt ? s.slice(nameEnd, selfClosing ? gt - 1 : gt) : '', selfClosing);
        if (selfClosing) handler.close(name);
        i = gt + 1;
      }
    }
    this.pending = i >= n ? '' : s.slice(i);
    if (this.pending.length > MAX_MARKUP) throw this.options.invalid();
  }
}

/** The '>' that ends the start tag beginning at `from`, skipping quoted attribute values; -1 when not yet arrived. */
function tagEnd(s: string, from: number): number {
  let i = from;
  let gt = s.indexOf('>', i);
  while (gt !== -1) {
    let quote = -1;
    for (let k = i; k < gt; k++) {
      const c = s.charCodeAt(k);
      if (c === 34 || c === 39) {
        quote = k;
        break;
      }
    }
    if (quote === -1) return gt;
    const close = s.indexOf(s[quote], quote + 1);
    if (close === -1) return -1;
    i = close + 1;
    if (close > gt) gt = s.indexOf('>', i);
  }
  return -1;
}
