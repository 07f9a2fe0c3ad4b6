/**
 * How the test's reliability (KR-20) is shown: as a figure only when there are enough attempts for it to mean
 * something, and never a negative value without saying why. Pages and reports use the same words.
 */
import type { TestFigures } from './items.ts';
import { formatCountVi, formatDecimalVi } from './format.ts';

/** Below this many attempts KR-20 swings wildly from one attempt to the next (3 attempts gave −1,250). */
export const MIN_ATTEMPTS_FOR_RELIABILITY = 30;

export type ReliabilityStatus = 'too_few' | 'no_spread' | 'negative' | 'low' | 'acceptable' | 'good';

export interface ReliabilityView {
  status: ReliabilityStatus;
  /** The figure, or a short phrase instead of it. */
  value: string;
  /** What the reader should make of it; null when the figure speaks for itself. */
  note: string | null;
  /** Standard error of measurement on the 10-point scale, shown only beside a figure that means something. */
  semScore: string;
}

type Figures = Pick<TestFigures, 'attempts' | 'questions' | 'kr20' | 'semScore'>;

export function describeReliability(t: Figures): ReliabilityView {
  if (t.attempts < MIN_ATTEMPTS_FOR_RELIABILITY) {
    return {
      status: 'too_few',
      value: 'Chưa đủ bài để tính',
      semScore: '—',
      note: `Cần ít nhất ${formatCountVi(MIN_ATTEMPTS_FOR_RELIABILITY)} bài đã nộp, hiện có ${formatCountVi(t.attempts)}.`,
    };
  }
  if (t.kr20 === null) {
    return {
      status: 'no_spread',
      value: 'Không tính được',
      semScore: '—',
      note: t.questions < 2 ? 'Bài có dưới 2 câu hỏi.' : 'Mọi bài làm có cùng số câu đúng, không có độ phân tán để tính.',
    };
  }
  const value = formatDecimalVi(t.kr20, 3);
  if (t.kr20 < 0) {
    return {
      status: 'negative',
      value,
      semScore: '—',
      note:
        'Hệ số âm: các câu hỏi không cùng đo một nội dung, thường do có câu sai đáp án hoặc câu gây nhiễu. '
        + 'Xem các câu có cảnh báo bên dưới; sai số chuẩn không có ý nghĩa.',
    };
  }
  const semScore = formatDecimalVi(t.semScore);
  if (t.kr20 < 0.5) return { status: 'low', value, semScore, note: 'Độ tin cậy thấp (dưới 0,5): kết quả từng người dao động nhiều.' };
  if (t.kr20 < 0.7) return { status: 'acceptable', value, semScore, note: 'Độ tin cậy trung bình (0,5–0,7).' };
  return { status: 'good', value, semScore, note: null };
}
