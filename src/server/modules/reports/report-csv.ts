/** Raw data for those who want it: one row per person, UTF-8 with a BOM so Excel reads the diacritics. */
import { positionLabel } from '../../../domain/statistics/index.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import type { ReportData } from './report-data.ts';

const quote = (value: string | number) => {
  const text = String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function writeResultsCsv(data: ReportData): Buffer {
  const header = ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Mã đề', 'Số câu đúng', 'Điểm', 'Xếp loại', 'Thời điểm nộp'];
  const lines = [header.join(',')];
  data.people.forEach((p, i) => {
    // Scores with a decimal point: raw data for tools, not a Vietnamese display.
    lines.push([i + 1, p.fullName, p.unitName, positionLabel(p.position), p.variantCode, p.correct, p.score, p.band,
      formatDateTimeVi(p.submittedAt)].map(quote).join(','));
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
