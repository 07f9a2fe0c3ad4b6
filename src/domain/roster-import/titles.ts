/**
 * Job titles as offices write them ("Tổ trưởng chuyên môn", "Phó Hiệu trưởng phụ trách chuyên môn", "Văn thư – Thủ
 * quỹ") and the category the statistics count them in (Cán bộ quản lý / Giáo viên / Nhân viên). A title is kept as
 * written; its category comes from the organiser's own mapping first, then from this vocabulary. A title neither knows
 * is not guessed: the preview lists it for the organiser to map.
 */
import { fold, normalizeText } from '../text.ts';
import { POSITION_LABELS, type Position } from '../roster.ts';

/** The comparable form of a title: folded, punctuation and dashes as single spaces ("Văn thư – Thủ quỹ" → "van thu thu quy"). */
export function titleKey(title: string): string {
  return fold(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that name a category rather than a title: the cell says the category itself. */
const CATEGORY_WORDS: Record<string, Position> = {
  'can bo quan ly': 'manager',
  cbql: 'manager',
  'quan ly': 'manager',
  'giao vien': 'teacher',
  gv: 'teacher',
  'nhan vien': 'staff',
  nv: 'staff',
};

/**
 * Title words by category, matched at the start of the title (longest first, so "phó hiệu trưởng …" is not read as
 * "hiệu trưởng", and "tổ trưởng chuyên môn" — a teacher — not as "trưởng …").
 */
const TITLE_STARTS: [Position, string[]][] = [
  [
    'manager',
    [
      'hieu truong',
      'pho hieu truong',
      'ht',
      'pht',
      'giam doc',
      'pho giam doc',
      'truong phong',
      'pho truong phong',
      'chanh van phong',
      'pho chanh van phong',
      'truong ban',
      'pho truong ban',
      'chu nhiem khoa',
      'truong khoa',
      'pho truong khoa',
      'phu trach truong',
      'quyen hieu truong',
      'kt hieu truong',
      'q hieu truong',
      'truong tram',
      'pho truong tram',
      'giam doc trung tam',
      'pho giam doc trung tam',
      'chanh thanh tra',
      'pho chanh thanh tra',
    ],
  ],
  [
    'teacher',
    [
      'giao vien',
      'gv',
      'giang vien',
      'tong phu trach',
      'to truong',
      'to pho',
      'to truong chuyen mon',
      'to pho chuyen mon',
      'giao vien chu nhiem',
      'gvcn',
      'bao mau',
      'co nuoi',
      'nhom truong',
      'khoi truong',
      'tttm',
      'ttcm',
    ],
  ],
  [
    'staff',
    [
      'nhan vien',
      'nv',
      'ke toan',
      'van thu',
      'y te',
      'thu vien',
      'bao ve',
      'thu quy',
      'cap duong',
      'nau an',
      'phuc vu',
      'tap vu',
      'thiet bi',
      'thi nghiem',
      'cong nghe thong tin',
      'chuyen vien',
      'chuyen vien chinh',
      'can su',
      'thanh tra vien',
      'lai xe',
      'hop dong',
      'nhan vien hop dong',
      'giao vu',
      'thu ky',
      'cong vu',
      'bao tri',
      'ky thuat vien',
      'nhan vien y te',
      'nhan vien thu vien',
      'nhan vien ke toan',
      'nhan vien van thu',
      'ke toan truong',
    ],
  ],
];
const STARTS = TITLE_STARTS.flatMap(([position, words]) => words.map((w) => [w, position] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);

/** The category a title belongs to by the built-in vocabulary, or null when it does not know the title. */
export function builtInCategory(title: string): Position | null {
  const k = titleKey(title);
  if (!k) return null;
  if (Object.hasOwn(CATEGORY_WORDS, k)) return CATEGORY_WORDS[k];
  const hit = STARTS.find(([w]) => k === w || k.startsWith(`${w} `));
  return hit ? hit[1] : null;
}

/** The title to keep: null when the cell only names a category ("Giáo viên", "CBQL"), else the text as written. */
export function keptTitle(title: string): string | null {
  const k = titleKey(title);
  if (!k || Object.hasOwn(CATEGORY_WORDS, k)) return null;
  return normalizeText(title);
}

export const CATEGORY_CHOICES = Object.values(POSITION_LABELS).join(', ');
