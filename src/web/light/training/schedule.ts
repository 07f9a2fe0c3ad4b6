/**
 * What the participant's schedule page says about time, without React: which campaigns are current, which session is
 * on now, today or next, which are past, and the size and kind of a material. "Now" is the server's time (the page
 * carries it forward from the reply's serverNow), never the phone's clock.
 */
import { formatNumberVi } from '../../../domain/text.ts';
import { vnInstant, vnToday } from '../../../domain/training/attendance.ts';
import type { Material, MyTraining } from '../../api/training.ts';

export type MyCampaign = MyTraining['campaigns'][number];
export type MySession = MyCampaign['sessions'][number];

/** past: over (dimmed); now: on at this moment; today: later today; next: the first one after today; later: the rest. */
export type SessionWhen = 'past' | 'now' | 'today' | 'next' | 'later';

export const WHEN_LABELS: Partial<Record<SessionWhen, string>> = { now: 'Đang diễn ra', today: 'Hôm nay', next: 'Buổi tới' };

const bySchedule = (a: MySession, b: MySession) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt) || a.id - b.id;

export function sortedSessions(sessions: MySession[]): MySession[] {
  return [...sessions].sort(bySchedule);
}

/** Each session of a campaign (sorted) with where it stands at `now`. Only the first upcoming session after today is "next". */
export function sessionTimeline(sessions: MySession[], now: number): { session: MySession; when: SessionWhen }[] {
  const today = vnToday(new Date(now));
  let nextGiven = false;
  return sortedSessions(sessions).map((session) => {
    const starts = vnInstant(session.date, session.startsAt).getTime();
    const ends = vnInstant(session.date, session.endsAt).getTime();
    let when: SessionWhen;
    if (ends < now) when = 'past';
    else if (starts <= now) when = 'now';
    else if (session.date === today) when = 'today';
    else when = nextGiven ? 'later' : 'next';
    if (when !== 'past') nextGiven = true;
    return { session, when };
  });
}

/** The sessions grouped by day, in order. */
export function byDay<T extends { session: MySession }>(rows: T[]): { date: string; rows: T[] }[] {
  const days: { date: string; rows: T[] }[] = [];
  for (const row of rows) {
    const last = days[days.length - 1];
    if (last && last.date === row.session.date) last.rows.push(row);
    else days.push({ date: row.session.date, rows: [row] });
  }
  return days;
}

/** The campaign's last day: its end date or its last session's, whichever is later, else its first day; null when nothing is dated. */
export function lastDay(campaign: MyCampaign): string | null {
  const sessions = sortedSessions(campaign.sessions);
  const lastSession = sessions[sessions.length - 1]?.date ?? null;
  if (campaign.endsOn && lastSession) return campaign.endsOn > lastSession ? campaign.endsOn : lastSession;
  return campaign.endsOn ?? lastSession ?? campaign.startsOn ?? null;
}

/**
 * Campaigns still running or to come (nearest first) are shown in full; ended ones (latest first) are folded away —
 * except the latest, shown in full when nothing is current, so that its materials stay at hand.
 */
export function splitCampaigns(campaigns: MyCampaign[], now: number): { shown: MyCampaign[]; earlier: MyCampaign[]; ended: Set<number> } {
  const today = vnToday(new Date(now));
  const isEnded = (c: MyCampaign) => {
    const last = lastDay(c);
    return last !== null && last < today;
  };
  const firstDay = (c: MyCampaign) => c.startsOn ?? sortedSessions(c.sessions)[0]?.date ?? '9999';
  const current = campaigns.filter((c) => !isEnded(c)).sort((a, b) => firstDay(a).localeCompare(firstDay(b)) || a.id - b.id);
  const ended = campaigns.filter(isEnded).sort((a, b) => lastDay(b)!.localeCompare(lastDay(a)!) || b.id - a.id);
  const shown = current.length > 0 ? current : ended.slice(0, 1);
  return { shown, earlier: ended.filter((c) => !shown.includes(c)), ended: new Set(ended.map((c) => c.id)) };
}

/** Sessions held (over, or on now and already marked), and how many of them the person attended (present or late). */
export function attendanceOf(rows: { session: MySession; when: SessionWhen }[]): { held: number; attended: number } {
  const held = rows.filter((r) => r.when === 'past' || (r.when === 'now' && r.session.myStatus !== null));
  return { held: held.length, attended: held.filter((r) => r.session.myStatus === 'present' || r.session.myStatus === 'late').length };
}

const KINDS: [RegExp, string][] = [
  [/^application\/pdf$/, 'PDF'],
  [/^image\//, 'Ảnh'],
  [/wordprocessingml/, 'Word'],
  [/presentationml/, 'PowerPoint'],
  [/spreadsheetml/, 'Excel'],
];

/** "PDF · 240 KB", "Word · 1,2 MB", "Liên kết". */
export function materialFacts(material: Material): string {
  if (material.kind === 'link') return 'Liên kết';
  const kind = KINDS.find(([pattern]) => pattern.test(material.contentType ?? ''))?.[1] ?? 'Tệp';
  if (material.size === null) return kind;
  const size =
    material.size < 1024 * 1024
      ? `${formatNumberVi(Math.max(1, Math.round(material.size / 1024)))} KB`
      : `${formatNumberVi(material.size / (1024 * 1024), 1)} MB`;
  return `${kind} · ${size}`;
}
