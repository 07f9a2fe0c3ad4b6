/** Word automatic numbering (word/numbering.xml): the label text ("Câu 3.", "B.") of a numbered paragraph. */
import { attrOf, childOf, childrenOf, findFirst, tagOf, type XmlNode } from './xml.ts';

interface Level {
  format: string;
  text: string;
  start: number;
  rPr: XmlNode | undefined;
}

export interface NumberLabel {
  text: string;
  rPr: XmlNode | undefined;
}

function roman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = value;
  for (const [n, s] of table)
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  return out;
}

function letters(value: number): string {
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function formatNumber(format: string, value: number): string {
  switch (format) {
    case 'upperLetter':
      return letters(value);
    case 'lowerLetter':
      return letters(value).toLowerCase();
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    default:
      return String(value);
  }
}

function readLevels(node: XmlNode): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childrenOf(node).filter((child) => tagOf(child) === 'w:lvl')) {
    levels.set(Number(attrOf(lvl, 'w:ilvl') ?? 0), {
      format: attrOf(childOf(lvl, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal',
      text: attrOf(childOf(lvl, 'w:lvlText') ?? {}, 'w:val') ?? '',
      start: Number(attrOf(childOf(lvl, 'w:start') ?? {}, 'w:val') ?? 1),
      rPr: childOf(lvl, 'w:rPr'),
    });
  }
  return levels;
}

/** Counts numbered paragraphs in document order and gives each its label. */
export class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: XmlNode[] | null) {
    const root = numberingXml ? findFirst(numberingXml, 'w:numbering') : undefined;
    if (!root) return;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const child of childrenOf(root)) {
      if (tagOf(child) === 'w:abstractNum') abstracts.set(attrOf(child, 'w:abstractNumId') ?? '', readLevels(child));
    }
    for (const num of childrenOf(root).filter((child) => tagOf(child) === 'w:num')) {
      const abstract = abstracts.get(attrOf(childOf(num, 'w:abstractNumId') ?? {}, 'w:val') ?? '');
      if (abstract) this.levels.set(attrOf(num, 'w:numId') ?? '', abstract);
    }
  }

  /** The label of a paragraph from its w:pPr, or null (not numbered, bullets). */
  label(pPr: XmlNode | undefined): NumberLabel | null {
    const numPr = pPr ? childOf(pPr, 'w:numPr') : undefined;
    if (!numPr) return null;
    const numId = attrOf(childOf(numPr, 'w:numId') ?? {}, 'w:val') ?? '';
    const ilvl = Number(attrOf(childOf(numPr, 'w:ilvl') ?? {}, 'w:val') ?? 0);
    const levels = this.levels.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return null;
    const counts = this.counters.get(numId) ?? [];
    for (let i = 0; i < ilvl; i++) counts[i] ??= levels.get(i)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    const text = level.text.replace(/%([1-9])/g, (_all, n: string) => {
      const i = Number(n) - 1;
      return formatNumber(levels.get(i)?.format ?? 'decimal', counts[i] ?? 1);
    });
    return { text, rPr: level.rPr };
  }
}
