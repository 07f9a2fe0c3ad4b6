/** The stem editor's DOM (a contentEditable element) to rich blocks and back; tables edited in place. */
import { normalizeBlocks, type RichBlock, type RichRun } from '../../../domain/question-bank/rich-text.ts';

type Flags = { bold: boolean; italic: boolean; underline: boolean };

const BLOCK_TAGS = new Set(['DIV', 'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'SECTION']);
const IGNORED_TAGS = new Set(['SCRIPT', 'STYLE', 'IMG', 'TEMPLATE']);

/** The formatting an element adds: tags from execCommand and inline styles from pasted or re-edited text. */
function flagsOf(el: HTMLElement, inherited: Flags): Flags {
  const flags = { ...inherited };
  const tag = el.tagName;
  if (tag === 'B' || tag === 'STRONG') flags.bold = true;
  if (tag === 'I' || tag === 'EM') flags.italic = true;
  if (tag === 'U') flags.underline = true;
  const { fontWeight, fontStyle, textDecorationLine, textDecoration } = el.style;
  if (fontWeight) flags.bold = fontWeight === 'bold' || fontWeight === 'bolder' || Number(fontWeight) >= 600;
  if (fontStyle) flags.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  const decoration = textDecorationLine || textDecoration;
  if (decoration) flags.underline = decoration.includes('underline');
  return flags;
}

function inlineRuns(node: Node, flags: Flags, out: RichRun[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    out.push({ text: (node as Text).data, ...flags });
    return;
  }
  if (!(node instanceof HTMLElement) || IGNORED_TAGS.has(node.tagName)) return;
  if (node.tagName === 'BR' || BLOCK_TAGS.has(node.tagName)) out.push({ text: ' ' });
  const inner = flagsOf(node, flags);
  node.childNodes.forEach((child) => inlineRuns(child, inner, out));
}

function readTable(table: HTMLTableElement): RichBlock {
  return {
    type: 'table',
    rows: Array.from(table.rows, (row) =>
      Array.from(row.cells, (cell) => {
        const runs: RichRun[] = [];
        cell.childNodes.forEach((child) => inlineRuns(child, { bold: false, italic: false, underline: false }, runs));
        return runs;
      }),
    ),
  };
}

/** Paragraphs split at block elements and line breaks; tables as tables; only bold, italic and underline kept. */
export function readEditor(root: HTMLElement): RichBlock[] {
  const blocks: RichBlock[] = [];
  let runs: RichRun[] = [];
  const endParagraph = () => {
    if (runs.length > 0) blocks.push({ type: 'paragraph', runs });
    runs = [];
  };
  const visit = (node: Node, flags: Flags) => {
    if (node.nodeType === Node.TEXT_NODE) {
      runs.push({ text: (node as Text).data, ...flags });
      return;
    }
    if (!(node instanceof HTMLElement) || IGNORED_TAGS.has(node.tagName)) return;
    if (node instanceof HTMLTableElement) {
      endParagraph();
      blocks.push(readTable(node));
      return;
    }
    if (node.tagName === 'BR') {
      runs.push({ text: '\n' });
      return;
    }
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) runs.push({ text: '\n' });
    const inner = flagsOf(node, flags);
    node.childNodes.forEach((child) => visit(child, inner));
    if (block) runs.push({ text: '\n' });
  };
  root.childNodes.forEach((child) => visit(child, { bold: false, italic: false, underline: false }));
  endParagraph();
  return normalizeBlocks(blocks);
}

function appendRuns(parent: HTMLElement, runs: RichRun[]): void {
  for (const run of runs) {
    let node: Node = document.createTextNode(run.text);
    for (const [flag, tag] of [
      ['underline', 'u'],
      ['italic', 'i'],
      ['bold', 'b'],
    ] as const) {
      if (!run[flag]) continue;
      const wrapper = document.createElement(tag);
      wrapper.appendChild(node);
      node = wrapper;
    }
    parent.appendChild(node);
  }
  if (runs.length === 0) parent.appendChild(document.createElement('br'));
}

export function createTable(rows: RichRun[][][]): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'rich-editor__table';
  const body = table.createTBody();
  const columns = Math.max(1, ...rows.map((cells) => cells.length));
  for (const cells of rows) {
    const row = body.insertRow();
    for (let c = 0; c < columns; c++) appendRuns(row.insertCell(), cells[c] ?? []);
  }
  return table;
}

const emptyParagraph = () => {
  const div = document.createElement('div');
  div.appendChild(document.createElement('br'));
  return div;
};

/** Fills the editor from blocks (built with DOM calls: text never becomes markup). */
export function fillEditor(root: HTMLElement, blocks: RichBlock[]): void {
  root.replaceChildren();
  for (const block of blocks) {
    if (block.type === 'table') {
      root.appendChild(createTable(block.rows));
      continue;
    }
    const div = document.createElement('div');
    appendRuns(div, block.runs);
    root.appendChild(div);
  }
  if (!(root.lastChild instanceof HTMLDivElement)) root.appendChild(emptyParagraph());
}

/** The editor's direct child holding the node (where a new table goes after), or null. */
function topLevelChild(root: HTMLElement, node: Node | null): ChildNode | null {
  let at: Node | null = node;
  while (at && at.parentNode !== root) at = at.parentNode;
  return at as ChildNode | null;
}

/** Inserts a 2 × 2 table after the paragraph holding the caret (at the end without one) and puts the caret in it. */
export function insertTable(root: HTMLElement): void {
  const selection = document.getSelection();
  const anchor = selection && root.contains(selection.anchorNode) ? topLevelChild(root, selection.anchorNode) : null;
  const table = createTable([
    [[], []],
    [[], []],
  ]);
  if (anchor) anchor.after(table);
  else root.appendChild(table);
  if (!(table.nextSibling instanceof HTMLDivElement)) table.after(emptyParagraph());
  const range = document.createRange();
  range.setStart(table.rows[0].cells[0], 0);
  range.collapse(true);
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** The table cell holding the caret, when it is inside the editor. */
export function cellAtCaret(root: HTMLElement): HTMLTableCellElement | null {
  const node = document.getSelection()?.anchorNode ?? null;
  if (!node || !root.contains(node)) return null;
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const cell = element?.closest('td, th') ?? null;
  return cell && root.contains(cell) ? (cell as HTMLTableCellElement) : null;
}

export type TableAction = 'addRow' | 'addColumn' | 'removeRow' | 'removeColumn' | 'removeTable';

/** Changes the table around a cell; a table left without rows or columns goes away. */
export function changeTable(cell: HTMLTableCellElement, action: TableAction): void {
  const row = cell.parentElement as HTMLTableRowElement;
  const table = cell.closest('table')!;
  const column = cell.cellIndex;
  const rows = Array.from(table.rows);
  if (action === 'addRow') {
    const added = table.tBodies[0].insertRow(row.sectionRowIndex + 1);
    for (let c = 0; c < row.cells.length; c++) added.insertCell().appendChild(document.createElement('br'));
  } else if (action === 'addColumn') {
    for (const r of rows) r.insertCell(Math.min(column + 1, r.cells.length)).appendChild(document.createElement('br'));
  } else if (action === 'removeRow') {
    row.remove();
  } else if (action === 'removeColumn') {
    for (const r of rows) r.cells[column]?.remove();
  }
  if (action === 'removeTable' || table.rows.length === 0 || Array.from(table.rows).every((r) => r.cells.length === 0)) table.remove();
}
