/** Raw data for those who want it: one row per person, UTF-8 with a BOM so Excel reads the diacritics. */
import { positionLabel } from '../../../domain/statistics/index.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { csvFile } from '../../files/csv.ts';
import type { ReportData } from './report-data.ts';

export function writeResultsCsv(data: ReportData): Buffer {
  const header = ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Mã đề', 'Số câu đúng', 'Điểm', 'Xếp loại', 'Thời điểm nộp'];
  // Scores with a decimal point: raw data for tools, not a Vietnamese display. Names and units are text (csvFile).
  return csvFile(header, data.people.map((p, i) => [i + 1, p.fullName, p.unitName, positionLabel(p.position), p.variantCode,
    p.correct, p.score, p.band, formatDateTimeVi(p.submittedAt)]));
}
