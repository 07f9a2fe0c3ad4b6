import { describe, expect, it } from 'vitest';
import type { Material } from '../../api/training.ts';
import { attendanceOf, byDay, materialFacts, sessionTimeline, splitCampaigns, type MyCampaign, type MySession } from './schedule.ts';

let nextId = 1;
function session(date: string, startsAt: string, endsAt: string, myStatus: MySession['myStatus'] = null): MySession {
  return {
    id: nextId++,
    siteId: 1,
    date,
    startsAt,
    endsAt,
    topicId: null,
    topicName: null,
    lecturerId: null,
    lecturerName: null,
    note: null,
    myStatus,
    checkinOpen: false,
  };
}
function campaign(id: number, startsOn: string | null, endsOn: string | null, sessions: MySession[] = []): MyCampaign {
  return {
    id,
    name: `Đợt ${id}`,
    schoolYear: '2025–2026',
    startsOn,
    endsOn,
    site: { id, name: 'Điểm cầu', address: null, onlineUrl: null },
    sessions,
    materials: [],
  };
}
/** An instant given in Vietnam's time. */
const vn = (local: string) => Date.parse(`${local}:00+07:00`);

describe('sessionTimeline', () => {
  const sessions = [
    session('2026-07-07', '07:30', '11:00'),
    session('2026-07-06', '13:30', '17:00'),
    session('2026-07-06', '07:30', '11:00', 'late'),
    session('2026-07-08', '07:30', '11:00'),
  ];

  it('sorts by date and time, dims what is over and highlights the session on now; only the first later day is "next"', () => {
    const rows = sessionTimeline(sessions, vn('2026-07-06T08:00'));
    expect(rows.map((r) => `${r.session.date} ${r.session.startsAt} ${r.when}`)).toEqual([
      '2026-07-06 07:30 now',
      '2026-07-06 13:30 today',
      '2026-07-07 07:30 later',
      '2026-07-08 07:30 later',
    ]);
    // The session on now counts as held once the person is marked (here: late).
    expect(attendanceOf(rows)).toEqual({ held: 1, attended: 1 });
    expect(
      attendanceOf(
        sessionTimeline(
          sessions.map((s) => ({ ...s, myStatus: null })),
          vn('2026-07-06T08:00'),
        ),
      ),
    ).toEqual({ held: 0, attended: 0 });
  });

  it('calls the first session after a day without any "next", and counts what was held', () => {
    const rows = sessionTimeline(sessions, vn('2026-07-06T18:00'));
    expect(rows.map((r) => r.when)).toEqual(['past', 'past', 'next', 'later']);
    expect(attendanceOf(rows)).toEqual({ held: 2, attended: 1 });
    expect(byDay(rows).map((d) => [d.date, d.rows.length])).toEqual([
      ['2026-07-06', 2],
      ['2026-07-07', 1],
      ['2026-07-08', 1],
    ]);
  });

  it('reads the day in Vietnam: 23:30 UTC is already the next morning there', () => {
    const rows = sessionTimeline(sessions, Date.parse('2026-07-06T23:30:00Z')); // 06:30 on 7 July in Vietnam
    expect(rows.map((r) => r.when)).toEqual(['past', 'past', 'today', 'later']);
  });
});

describe('splitCampaigns', () => {
  it('shows current campaigns (nearest first) and folds ended ones away', () => {
    const now = vn('2026-07-10T09:00');
    const old = campaign(1, '2025-07-06', '2025-07-07');
    const summer = campaign(2, '2026-07-06', '2026-07-12');
    const autumn = campaign(3, '2026-09-01', null);
    const { shown, earlier, ended } = splitCampaigns([autumn, old, summer], now);
    expect(shown.map((c) => c.id)).toEqual([2, 3]);
    expect(earlier.map((c) => c.id)).toEqual([1]);
    expect([...ended]).toEqual([1]);
  });

  it('keeps the latest ended campaign in full when nothing is current; dates come from the sessions when the campaign has none', () => {
    const now = vn('2026-12-06T09:00');
    const a = campaign(1, '2025-07-06', '2025-07-07');
    const b = campaign(2, null, null, [session('2026-07-06', '07:30', '11:00')]);
    const undated = campaign(3, null, null);
    expect(splitCampaigns([a, b], now)).toMatchObject({ shown: [b], earlier: [a] });
    expect(splitCampaigns([a, undated], now).shown).toEqual([undated]);
    // A session added after the campaign's planned end keeps it current.
    const extended = campaign(4, '2026-07-06', '2026-07-07', [session('2026-12-06', '07:30', '11:00')]);
    expect(splitCampaigns([a, extended], now)).toMatchObject({ shown: [extended], earlier: [a] });
  });
});

describe('materialFacts', () => {
  const file = (contentType: string | null, size: number | null): Material => ({
    id: 1,
    title: 'x',
    kind: 'file',
    url: null,
    fileName: 'x',
    contentType,
    size,
    topicId: null,
    topicName: null,
    inline: false,
  });
  it('names the kind and the size in Vietnamese figures', () => {
    expect(materialFacts(file('application/pdf', 245_000))).toBe('PDF · 239 KB');
    expect(materialFacts(file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 1_300_000))).toBe('Word · 1,2 MB');
    expect(materialFacts(file('image/png', 10))).toBe('Ảnh · 1 KB');
    expect(materialFacts({ ...file(null, null), kind: 'link', url: 'https://example.vn' })).toBe('Liên kết');
  });
});
