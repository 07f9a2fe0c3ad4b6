import { fold, normalizeText } from '../text.ts';
import type { SchoolLevel, UnitKind } from '../roster.ts';

/** The key two unit names are matched on: case, spacing, Unicode form and a leading "Trường" do not matter. */
export function unitNameKey(name: string): string {
  return normalizeText(name).toLowerCase().replace(/\s*&\s*/g, '&').replace(/^trường\s+/, '');
}

/** The kind and school level a unit created from an import file gets, read from its name. */
export function inferUnit(name: string, levelHint: SchoolLevel | null): { kind: UnitKind; schoolLevel: SchoolLevel | null } {
  const f = fold(name);
  if (/^(xa|phuong|thi tran|dac khu)\b/.test(f)) return { kind: 'commune', schoolLevel: null };
  if (/^chi bo\b/.test(f)) return { kind: 'party_cell', schoolLevel: null };
  if (/trung tam chinh tri/.test(f)) return { kind: 'political_center', schoolLevel: null };
  if (/gdtx|giao duc thuong xuyen|gdnn/.test(f)) return { kind: 'center', schoolLevel: 'gdtx' };
  const levelFromName: SchoolLevel | null =
    /lien cap|th ?& ?thcs|thcs ?& ?thpt|tieu hoc va trung hoc/.test(f) ? 'lien_cap'
      : /mam non|mau giao|nha tre/.test(f) ? 'mam_non'
        : /tieu hoc|\bth\b/.test(f) ? 'tieu_hoc'
          : /thcs|trung hoc co so/.test(f) ? 'thcs'
            : /thpt|trung hoc pho thong/.test(f) ? 'thpt' : null;
  if (/^truong\b/.test(f) || levelFromName) return { kind: 'school', schoolLevel: levelFromName ?? levelHint };
  return { kind: levelHint ? 'school' : 'other', schoolLevel: levelHint };
}
