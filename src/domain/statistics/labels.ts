/** The Vietnamese words of the statistics pages, charts and reports, one place for all of them. */
import { labelOf, POSITION_LABELS, SCHOOL_LEVEL_LABELS } from '../roster.ts';
import type { BandScheme } from './bands.ts';
import { formatDecimalVi, formatPercentVi } from './format.ts';
import { TOO_EASY_FACILITY, TOO_HARD_FACILITY, UPPER_LOWER_PERCENT, WEAK_DISCRIMINATION, type ItemFlag } from './items.ts';
import { DISTRIBUTION_BINS } from './summary.ts';

/** Figures of a group (GroupSummary) and of a node of the unit tree (RolledUpUnit). */
export const SUMMARY_LABELS = {
  eligible: 'Số phải tham gia',
  took: 'Số đã làm bài',
  didNotTake: 'Số không làm bài',
  tookBeyondEligible: 'Làm bài ngoài danh sách',
  participationPercent: 'Tỷ lệ tham gia',
  mean: 'Điểm trung bình',
  median: 'Điểm trung vị',
  sd: 'Độ lệch chuẩn',
  sampleSd: 'Độ lệch chuẩn mẫu (chia n − 1)',
  min: 'Điểm thấp nhất',
  max: 'Điểm cao nhất',
  distribution: 'Phổ điểm',
  bands: 'Xếp loại',
  bandCount: 'Số lượng',
  bandPercent: 'Tỷ lệ',
} as const;

/** Item analysis columns (ItemAnalysis, OptionFigure). */
export const ITEM_LABELS = {
  question: 'Câu',
  key: 'Đáp án đúng',
  correct: 'Số người làm đúng',
  facility: 'Độ khó (tỷ lệ làm đúng)',
  pointBiserial: 'Độ phân biệt (tương quan điểm nhị phân)',
  upperLower: `Độ phân biệt (nhóm cao – nhóm thấp ${UPPER_LOWER_PERCENT}%)`,
  upperCorrect: `Tỷ lệ làm đúng của nhóm cao (${UPPER_LOWER_PERCENT}% điểm cao nhất)`,
  lowerCorrect: `Tỷ lệ làm đúng của nhóm thấp (${UPPER_LOWER_PERCENT}% điểm thấp nhất)`,
  option: 'Phương án',
  optionCount: 'Số lượt chọn',
  optionPercent: 'Tỷ lệ chọn',
  omitted: 'Bỏ trống',
  flags: 'Cảnh báo',
} as const;

export const FLAG_LABELS: Record<ItemFlag, string> = {
  likely_miskeyed: 'Có thể sai đáp án',
  too_easy: 'Quá dễ',
  too_hard: 'Quá khó',
  weak_discrimination: 'Độ phân biệt thấp',
};

/** What each flag means, for a tooltip or the report's notes. */
export const FLAG_EXPLANATIONS: Record<ItemFlag, string> = {
  likely_miskeyed: 'Độ phân biệt âm, hoặc nhóm điểm cao chọn một phương án sai nhiều hơn đáp án đúng: ' + 'nên kiểm tra lại đáp án.',
  too_easy: `Hơn ${formatPercentVi(TOO_EASY_FACILITY * 100, 0)} số người làm đúng.`,
  too_hard: `Chưa đến ${formatPercentVi(TOO_HARD_FACILITY * 100, 0)} số người làm đúng.`,
  weak_discrimination:
    `Hệ số phân biệt dưới ${formatDecimalVi(WEAK_DISCRIMINATION)}: câu hỏi chưa phân biệt được `
    + 'người nắm vững nội dung với người chưa nắm vững.',
};

/** Whole-test figures (TestFigures). */
export const TEST_LABELS = {
  attempts: 'Số bài làm',
  questions: 'Số câu hỏi',
  meanCorrect: 'Số câu đúng trung bình',
  sdCorrect: 'Độ lệch chuẩn (số câu đúng)',
  kr20: 'Độ tin cậy KR-20 (hệ số Cronbach alpha)',
  semCorrect: 'Sai số chuẩn của phép đo (số câu)',
  semScore: 'Sai số chuẩn của phép đo (thang điểm 10)',
  correctDistribution: 'Phân bố số câu đúng',
} as const;

export const CUT_LABELS = {
  unit: 'Đơn vị',
  schoolLevel: 'Cấp học',
  position: 'Chức vụ',
  partyMember: 'Đảng viên',
  variant: 'Mã đề',
} as const;

export const NOT_RECORDED = 'Chưa xác định';
export const VARIANT_CUT_DROPPED = 'Mỗi người một mã đề nên không so sánh theo mã đề.';
export const PARTIAL_FIGURES = 'Số liệu tạm thời: bài khảo sát đang diễn ra.';
export const REGRADED_NOTE = 'Điểm và xếp loại đã được tính lại sau khi sửa đáp án.';

export const schoolLevelLabel = (level: string | null) => labelOf(SCHOOL_LEVEL_LABELS, level) || (level ?? NOT_RECORDED);
export const positionLabel = (position: string | null) => labelOf(POSITION_LABELS, position) || (position ?? NOT_RECORDED);
export const partyMemberLabel = (member: boolean) => (member ? 'Đảng viên' : 'Chưa là đảng viên');
export const variantLabel = (code: string) => `Mã đề ${code}`;
export const questionLabel = (index: number) => `Câu ${index + 1}`;

/** The headline's name from the good bands, lowest first: 'Tỷ lệ giỏi, xuất sắc' with the default bands. */
export function goodShareLabel(scheme: BandScheme): string {
  const good = scheme.bands.filter((_, i) => scheme.good[i]).reverse();
  return `Tỷ lệ ${good.map((b) => b.label.toLocaleLowerCase('vi')).join(', ')}`;
}

/** Bin k of the distribution: 'Từ 0 đến dưới 1' … 'Từ 9 đến dưới 10', 'Điểm 10'. */
export function distributionBinLabel(bin: number): string {
  if (!Number.isInteger(bin) || bin < 0 || bin >= DISTRIBUTION_BINS) throw new Error(`distribution: no bin ${bin}`);
  return bin === DISTRIBUTION_BINS - 1 ? 'Điểm 10' : `Từ ${bin} đến dưới ${bin + 1}`;
}

/** The same for a chart axis: '[0; 1)' … '[9; 10)', '10'. */
export function distributionBinShortLabel(bin: number): string {
  distributionBinLabel(bin);
  return bin === DISTRIBUTION_BINS - 1 ? '10' : `[${bin}; ${bin + 1})`;
}
