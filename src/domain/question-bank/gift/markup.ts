/**
 * Question text as Moodle writes it in GIFT — HTML ([html], and the tags Moodle's auto-format allows), markdown
 * ([markdown]) — into our rich text (rich-text.ts: paragraphs of bold/italic/underlined runs and simple tables).
 * Pictures cannot come along (they point at files of the Moodle site): they are counted so that the caller reports them.
 */
import { paragraphsOfRuns, type RichBlock, type RichRun } from '../rich-text.ts';

export interface MarkupText {
  blocks: RichBlock[];
  /** <img> tags and markdown ![…](…) pictures left out. */
  images: number;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  bull: '•',
  middot: '·',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  le: '≤',
  ge: '≥',
  ne: '≠',
  copy: '©',
  reg: '®',
  sect: '§',
  para: '¶',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  euro: '€',
};
/** Latin-1 letters by their HTML names ("&ecirc;" → "ê"): older Moodle editors write Vietnamese vowels this way. */
const LATIN1_LETTERS: [string, number][] = [
  ['Agrave', 0xc0],
  ['Aacute', 0xc1],
  ['Acirc', 0xc2],
  ['Atilde', 0xc3],
  ['Egrave', 0xc8],
  ['Eacute', 0xc9],
  ['Ecirc', 0xca],
  ['Igrave', 0xcc],
  ['Iacute', 0xcd],
  ['ETH', 0xd0],
  ['Ograve', 0xd2],
  ['Oacute', 0xd3],
  ['Ocirc', 0xd4],
  ['Otilde', 0xd5],
  ['Ugrave', 0xd9],
  ['Uacute', 0xda],
  ['Yacute', 0xdd],
  ['agrave', 0xe0],
  ['aacute', 0xe1],
  ['acirc', 0xe2],
  ['atilde', 0xe3],
  ['egrave', 0xe8],
  ['eacute', 0xe9],
  ['ecirc', 0xea],
  ['igrave', 0xec],
  ['iacute', 0xed],
  ['ograve', 0xf2],
  ['oacute', 0xf3],
  ['ocirc', 0xf4],
  ['otilde', 0xf5],
  ['ugrave', 0xf9],
  ['uacute', 0xfa],
  ['yacute', 0xfd],
];
for (const [name, code] of LATIN1_LETTERS) ENTITIES[name] = String.fromCharCode(code);

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? match;
  });
}

type Flags = Pick<RichRun, 'bold' | 'italic' | 'underline'>;

const INLINE: Record<string, Flags> = {
  b: { bold: true },
  strong: { bold: true },
  i: { italic: true },
  em: { italic: true },
  u: { underline: true },
  ins: { underline: true },
  th: { bold: true },
};
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'center', 'dd', 'dt']);
/** Tags read in text that may also hold a literal "<" (Moodle's auto-format); any other "<…>" there stays text. */
const KNOWN = new Set([
  ...Object.keys(INLINE),
  ...BLOCK,
  'br',
  'span',
  'font',
  'a',
  'sub',
  'sup',
  'img',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'caption',
  'hr',
  'small',
  'big',
  'strike',
  's',
  'del',
  'mark',
  'code',
  'tt',
  'script',
  'style',
]);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function styleFlags(attributes: string): Flags {
  const style = /style\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attributes);
  const css = (style?.[2] ?? style?.[3] ?? '').toLowerCase();
  const flags: Flags = {};
  if (/font-weight\s*:\s*(bold|[6-9]00)/.test(css)) flags.bold = true;
  if (/font-style\s*:\s*italic/.test(css)) flags.italic = true;
  if (/text-decoration[\w-]*\s*:[^;]*underline/.test(css)) flags.underline = true;
  return flags;
}

/**
 * HTML into paragraphs and tables. `strict`: every tag is markup (Moodle's [html]); otherwise only the tags above are,
 * so "x<y và y>z" typed in a plain GIFT file stays as written.
 */
export function htmlToBlocks(html: string, strict: boolean): MarkupText {
  const blocks: RichBlock[] = [];
  let paragraph: RichRun[] = [];
  let table: RichRun[][][] | null = null;
  let cell: RichRun[] | null = null;
  const open: { name: string; flags: Flags }[] = [];
  let images = 0;
  let skipUntil: string | null = null;

  const flags = (): Flags => open.reduce<Flags>((all, tag) => ({ ...all, ...tag.flags }), {});
  const text = (value: string) => {
    if (!value) return;
    const run = { text: value, ...flags() };
    if (cell) cell.push({ ...run, text: value.replace(/\n/g, ' ') });
    else if (!table) paragraph.push(run);
  };
  const endParagraph = () => {
    if (paragraph.length) blocks.push(...paragraphsOfRuns(paragraph));
    paragraph = [];
  };
  const endCell = () => {
    if (cell && table) (table[table.length - 1] ?? (table[0] = [])).push(cell);
    cell = null;
  };

  let at = 0;
  for (const match of html.matchAll(TAG)) {
    const [whole, closing, rawName, attributes] = match;
    const name = (rawName ?? '').toLowerCase();
    if (rawName && !strict && !KNOWN.has(name)) continue;
    if (!skipUntil) text(decodeEntities(html.slice(at, match.index)));
    at = match.index + whole.length;
    if (!rawName) continue; // a comment
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (name === 'script' || name === 'style') {
      if (!closing) skipUntil = name;
      continue;
    }
    if (name === 'img') {
      images++;
      continue;
    }
    if (name === 'br') {
      text('\n');
      continue;
    }
    if (name === 'table') {
      if (closing && table) {
        endCell();
        const rows = table.filter((cells) => cells.length > 0);
        if (rows.length) blocks.push({ type: 'table', rows });
        table = null;
      } else if (!closing && !table) {
        endParagraph();
        table = [];
      }
      continue;
    }
    if (table && name === 'tr') {
      endCell();
      if (!closing) table.push([]);
      continue;
    }
    if (table && (name === 'td' || name === 'th')) {
      endCell();
      if (!closing) cell = [];
    }
    if (BLOCK.has(name)) {
      if (table) text(' ');
      else endParagraph();
      continue;
    }
    if (closing) {
      const index = open.map((tag) => tag.name).lastIndexOf(name);
      if (index >= 0) open.splice(index, 1);
    } else if (!/\/\s*$/.test(attributes ?? '')) {
      open.push({ name, flags: { ...INLINE[name], ...styleFlags(attributes ?? '') } });
    }
  }
  if (!skipUntil) text(decodeEntities(html.slice(at)));
  if (table) {
    endCell();
    const rows = (table as RichRun[][][]).filter((cells) => cells.length > 0);
    if (rows.length) blocks.push({ type: 'table', rows });
  }
  endParagraph();
  return { blocks, images };
}

const MARKDOWN_IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
/** **bold**, __bold__, *italic*, _italic_ (underscores only between non-letters, so "_____" blanks stay as written). */
const EMPHASIS = new RegExp(
  [
    String.raw`\*\*(?=[^\s*])([\s\S]*?[^\s*])\*\*`,
    String.raw`(?<![\p{L}\p{N}_])__(?=[^\s_])([\s\S]*?[^\s_])__(?![\p{L}\p{N}_])`,
    String.raw`\*(?=[^\s*])([^*]*?[^\s*])\*`,
    String.raw`(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])`,
  ].join('|'),
  'u',
);

function markdownRuns(text: string, flags: Flags): RichRun[] {
  const runs: RichRun[] = [];
  let rest = text;
  for (let match = EMPHASIS.exec(rest); match; match = EMPHASIS.exec(rest)) {
    if (match.index > 0) runs.push({ text: restoreEscapes(rest.slice(0, match.index)), ...flags });
    const [, starBold, underscoreBold, starItalic, underscoreItalic] = match;
    const bold = starBold ?? underscoreBold;
    runs.push(
      ...(bold !== undefined
        ? markdownRuns(bold, { ...flags, bold: true })
        : markdownRuns(starItalic ?? underscoreItalic, { ...flags, italic: true })),
    );
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) runs.push({ text: restoreEscapes(rest), ...flags });
  return runs;
}

/** Backslash-escaped markdown characters stand aside (as private-use characters) while emphasis is matched. */
const hideEscapes = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!])/g, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
const restoreEscapes = (s: string) => s.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));

/** Markdown as Moodle reads it: emphasis kept, links as their text, pictures counted, inline HTML entities decoded. */
export function markdownToBlocks(markdown: string): MarkupText {
  const images = markdown.match(MARKDOWN_IMAGE)?.length ?? 0;
  const text = decodeEntities(hideEscapes(markdown).replace(MARKDOWN_IMAGE, ' ').replace(MARKDOWN_LINK, '$1'));
  return { blocks: paragraphsOfRuns(markdownRuns(text, {})), images };
}
