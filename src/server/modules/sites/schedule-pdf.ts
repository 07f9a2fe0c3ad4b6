import { dayLabel, viDate, writePdfReport } from '../../files/pdf-table.ts';
import type { siteSchedule } from './service.ts';

/** The printable schedule of one site: where, who watches, and each session's day, time, topic and lecturer. */
export function writeSchedulePdf(data: Awaited<ReturnType<typeof siteSchedule>>, generatedAt: Date): Promise<Buffer> {
  const { campaign, site, sessions, proctors, participants } = data;
  const period = campaign.starts_on
    ? `Thời gian: ${viDate(campaign.starts_on)}${campaign.ends_on ? ` – ${viDate(campaign.ends_on)}` : ''}`
    : '';
  const lines = [
    `Đơn vị: ${site.unit_name}`,
    site.address ? `Địa điểm: ${site.address}` : '',
    site.online_url ? `Trực tuyến: ${site.online_url}` : '',
    `Giám sát: ${proctors.map((p) => p.full_name).join(', ') || 'chưa phân công'}`,
    `Số học viên: ${participants.toLocaleString('vi-VN')}${site.capacity ? ` / sức chứa ${site.capacity.toLocaleString('vi-VN')}` : ''}`,
  ].filter(Boolean);
  return writePdfReport({
    title: 'LỊCH BỒI DƯỠNG',
    subtitles: [campaign.name, `Điểm cầu: ${site.name}`, period].filter(Boolean),
    generatedAt,
    footerLeft: `${campaign.name} — ${site.name}`,
    sections: [
      {
        lines,
        columns: [
          { header: 'Ngày', width: 22 },
          { header: 'Thời gian', width: 13, align: 'center' },
          { header: 'Chuyên đề', width: 38 },
          { header: 'Báo cáo viên', width: 27 },
        ],
        rows: sessions.map((s) => [
          dayLabel(s.date),
          `${s.starts_at}–${s.ends_at}`,
          [s.topic_name ?? '', s.note ?? ''].filter(Boolean).join('\n'),
          [s.lecturer_title, s.lecturer_name].filter(Boolean).join(' '),
        ]),
        empty: 'Chưa có buổi học nào.',
      },
    ],
  });
}
