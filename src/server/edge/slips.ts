/** The site exam codes as a file the proctor prints once: the laptop keeps only their argon2id hashes. */
import type { EdgeSlip } from '../../domain/edge/bundle.ts';
import { csvFile } from '../files/csv.ts';

export function slipsCsv(slips: EdgeSlip[]): Buffer {
  return csvFile(
    ['Họ và tên', 'Đơn vị', 'Tên đăng nhập', 'Mã dự thi tại điểm cầu'],
    slips.map((s) => [s.fullName, s.unitName, s.username, s.code]),
  );
}
