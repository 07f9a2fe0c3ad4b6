/** Recognising the footer Vietnamese offices write under a list: totals, place and date, signatures. */
import { cellText } from './header.ts';
import { fold } from '../text.ts';
import { builtInCategory } from './titles.ts';
import type { SheetRow } from './types.ts';

// "Tổng" and "Cộng" alone only before a colon or a figure: "Tống Văn Hải" folds to "tong van hai".
const TOTAL = /^(tong cong|tong so)\b|^(tong|cong)\s*([:\d]|$)/;
const PLACE_DATE = /\bngay\b.*\bthang\b.*\bnam\b/;
const SIGNATURE =
  /^(nguoi lap (bieu|bang|danh sach)|hieu truong|pho hieu truong|thu truong( co quan| don vi)?|giam doc|pho giam doc|truong phong|pho truong phong|chu tich|pho chu tich|bi thu|xac nhan( cua)?|kt\.? ?\w+|tm\.? ?\w+|q\.? ?hieu truong|tl\.? ?\w+|tuq\.? ?\w+|noi nhan|luu\b)/;
const SIGN_HERE = /^\(?\s*(ky|da ky)\b/;

/** The distinct texts of a row's cells (a merged range repeats one), joined. */
export function rowText(row: SheetRow): string {
  return [...new Set(row.cells.map(cellText).filter(Boolean))].join(' ');
}

/**
 * Why a row under the table is footer and not a person, or null when it may be a person. A name under a signature is
 * one or two short texts (two signers side by side) with nothing in the person's detail columns — birth date, gender,
 * a title the vocabulary knows — except what a merged range repeats; a person's row without an id still has such details and is reported.
 */
export function footerReason(row: SheetRow, detailColumns: number[], titleColumn?: number): string | null {
  const texts = [...new Set(row.cells.map(cellText).filter(Boolean))];
  const folded = texts.map((t) => fold(t).replace(/^[^a-z0-9(]+/, ''));
  if (folded.some((t) => TOTAL.test(t))) return 'dòng tổng cộng';
  if (folded.some((t) => PLACE_DATE.test(t) && t.length < 120)) return 'dòng địa danh, ngày tháng';
  if (folded.some((t) => SIGN_HERE.test(t))) return 'dòng ghi chú chữ ký';
  if (folded.some((t) => SIGNATURE.test(t)) && texts.length <= 2) return 'chức danh người ký';
  if (texts.length === 1) return 'tên người ký hoặc dòng chân trang';
  const cellTexts = row.cells.map(cellText);
  const ownText = (i: number) =>
    cellTexts[i] !== '' && cellTexts[i] !== undefined && cellTexts.filter((t) => t === cellTexts[i]).length === 1;
  // A signer's name can fall in the title column; a title counts only when it is one the vocabulary knows.
  const knownTitle = titleColumn !== undefined && ownText(titleColumn) && builtInCategory(cellTexts[titleColumn]) !== null;
  if (texts.length === 2 && !detailColumns.some(ownText) && !knownTitle) return 'tên người ký hoặc dòng chân trang';
  return null;
}
