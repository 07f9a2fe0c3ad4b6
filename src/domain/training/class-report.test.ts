import { describe, expect, it } from 'vitest';
import { buildClassReport, reportPeriod } from './class-report.ts';

const types = [
  { id: 1, name: 'Bồi dưỡng đối tượng kết nạp Đảng' },
  { id: 2, name: 'Bồi dưỡng đảng viên mới' },
  { id: 3, name: 'Cập nhật kiến thức' },
];
const cls = (id: number, typeId: number, plannedStart: string, actualStart: string | null, trainees: number) => ({
  id,
  typeId,
  plannedStart,
  actualStart,
  plannedTrainees: 50,
  trainees,
  completed: trainees - 1,
  certificates: trainees - 2,
});

describe('class report', () => {
  it('bounds quarters and years', () => {
    expect(reportPeriod(2026, 1)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(reportPeriod(2028, 1).to).toBe('2028-03-31');
    expect(reportPeriod(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(reportPeriod(2026)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(() => reportPeriod(2026, 5)).toThrow();
  });

  it('counts planned classes by planned start, opened ones and their trainees by actual start, and says it in a sentence', () => {
    const classes = [
      cls(1, 1, '2026-01-10', '2026-01-12', 60),
      cls(2, 1, '2026-02-01', '2026-02-03', 55),
      cls(3, 2, '2026-03-20', '2026-04-02', 40), // planned in Q1, opened in Q2
      cls(4, 3, '2026-03-01', null, 0), // planned, not opened
    ];
    const evaluations = [
      { lecturerId: 7, lecturerName: 'Trần Thị Giảng', lecturerKind: 'full_time', classId: 1, score: 5 },
      { lecturerId: 7, lecturerName: 'Trần Thị Giảng', lecturerKind: 'full_time', classId: 2, score: 4 },
      { lecturerId: 8, lecturerName: 'Lê Văn Kiêm', lecturerKind: 'part_time', classId: 3, score: 3 },
    ];
    const q1 = buildClassReport(reportPeriod(2026, 1), types, classes, evaluations);
    expect(q1.rows.map((r) => [r.plannedClasses, r.openedClasses, r.trainees])).toEqual([
      [2, 2, 115],
      [1, 0, 0],
      [1, 0, 0],
    ]);
    expect(q1.total).toMatchObject({
      plannedClasses: 4,
      openedClasses: 2,
      plannedTrainees: 200,
      trainees: 115,
      completed: 113,
      certificates: 111,
    });
    expect(q1.lecturers).toEqual([
      { lecturerId: 7, lecturerName: 'Trần Thị Giảng', lecturerKind: 'full_time', classes: 2, evaluations: 2, average: 4.5 },
    ]);
    expect(q1.summary).toBe('Quý I năm 2026: mở 2 lớp (kế hoạch 4), 115 lượt học viên; trong đó bồi dưỡng đối tượng kết nạp Đảng 2 lớp.');
    const year = buildClassReport(reportPeriod(2026), types, classes, evaluations);
    expect(year.total).toMatchObject({ plannedClasses: 4, openedClasses: 3, trainees: 155 });
    expect(year.summary).toContain('bồi dưỡng đảng viên mới 1 lớp');
  });
});
