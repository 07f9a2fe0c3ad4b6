/**
 * Raw data for those who want it: one row per person, UTF-8 with a BOM so Excel reads the diacritics. By default the
 * dialect a Vietnamese-locale Excel opens in columns (";" and decimal comma); 'intl' is the "," / "." file (csv.ts).
 */
import { positionLabel } from '../../../domain/statistics/index.ts';
import { formatDateTimeVi } from '../../../domain/datetime.ts';
import { csvFile, type CsvDialect } from '../../files/csv.ts';
import type { ReportData } from './report-data.ts';

export function writeResultsCsv(data: ReportData, dialect: CsvDialect = 'vi'): Buffer {
  const header = ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Mã đề', 'Số câu đúng', 'Điểm', 'Xếp loại', 'Thời điểm nộp'];
  return csvFile(
    header,
    data.people.map((p, i) => [
      i + 1,
      p.fullName,
      p.unitName,
      positionLabel(p.position),
      p.variantCode,
      p.correct,
      p.score,
      p.band,
      formatDateTimeVi(p.submittedAt),
    ]),
    dialect,
  );
}
