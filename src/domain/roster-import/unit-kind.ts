import { fold, normalizeText } from '../text.ts';
import type { SchoolLevel, UnitKind } from '../roster.ts';

/** Abbreviations offices write in unit names, folded, and the words they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  mn: 'mam non',
  mg: 'mau giao',
  th: 'tieu hoc',
  thcs: 'trung hoc co so',
  thpt: 'trung hoc pho thong',
  ptdtbt: 'pho thong dan toc ban tru',
  ptdtnt: 'pho thong dan toc noi tru',
  pt: 'pho thong',
  dtbt: 'dan toc ban tru',
  dtnt: 'dan toc noi tru',
  tt: 'trung tam',
  gdnn: 'giao duc nghe nghiep',
  gdtx: 'giao duc thuong xuyen',
  gddt: 'giao duc va dao tao',
  gd: 'giao duc',
  ubnd: 'uy ban nhan dan',
  tp: 'thanh pho',
  tx: 'thi xa',
};

/**
 * The key two unit names are matched on: case, spacing, diacritics, Unicode form, a leading "Trường", "&" or "và",
 * dashes and the usual abbreviations do not matter — "TH&THCS Lũng Pô" is "Trường Tiểu học và THCS Lũng Pô", and
 * "TT GDNN–GDTX" is "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên". Names that then collide are reported as
 * ambiguous by the planner, never merged silently.
 */
export function unitNameKey(name: string): string {
  const words = fold(normalizeText(name))
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .flatMap((w) => (Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w].split(' ') : w ? [w] : []))
    .filter((w) => w !== 'va');
  if (words[0] === 'truong') words.shift();
  return words.join(' ');
}

/** The kind and school level a unit created from an import file gets, read from its name. */
export function inferUnit(name: string, levelHint: SchoolLevel | null): { kind: UnitKind; schoolLevel: SchoolLevel | null } {
  const f = fold(name);
  if (/^(xa|phuong|thi tran|dac khu)\b/.test(f)) return { kind: 'commune', schoolLevel: null };
  if (/^chi bo\b/.test(f)) return { kind: 'party_cell', schoolLevel: null };
  if (/trung tam chinh tri/.test(f)) return { kind: 'political_center', schoolLevel: null };
  if (/gdtx|giao duc thuong xuyen|gdnn/.test(f)) return { kind: 'center', schoolLevel: 'gdtx' };
  const levelFromName: SchoolLevel | null = /lien cap|th ?& ?thcs|thcs ?& ?thpt|tieu hoc va trung hoc/.test(f)
    ? 'lien_cap'
    : /mam non|mau giao|nha tre/.test(f)
      ? 'mam_non'
      : /tieu hoc|\bth\b/.test(f)
        ? 'tieu_hoc'
        : /thcs|trung hoc co so/.test(f)
          ? 'thcs'
          : /thpt|trung hoc pho thong/.test(f)
            ? 'thpt'
            : null;
  if (/^truong\b/.test(f) || levelFromName) return { kind: 'school', schoolLevel: levelFromName ?? levelHint };
  return { kind: levelHint ? 'school' : 'other', schoolLevel: levelHint };
}
