/** Attendance vocabulary, rates, the survey-eligibility rule and the self check-in window. Pure logic. */

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  late: 'Đi muộn',
  absent: 'Vắng',
};

/** Usual reasons for an absence; any other text is accepted too. */
export const ABSENCE_REASONS = ['Ốm', 'Đi công tác', 'Nghỉ thai sản', 'Việc gia đình', 'Không lý do'] as const;

export function isAttended(status: string | null | undefined): boolean {
  return status === 'present' || status === 'late';
}

export interface RateCounts {
  /** Person-sessions expected (participants × sessions already held). */
  expected: number;
  present: number;
  late: number;
  absent: number;
  /** Expected but nothing recorded. */
  unmarked: number;
}

/** Share attended (present + late) of the expected person-sessions, 0–100, or null when nothing was expected. */
export function attendanceRate(c: Pick<RateCounts, 'expected' | 'present' | 'late'>): number | null {
  return c.expected === 0 ? null : ((c.present + c.late) * 100) / c.expected;
}

/**
 * The campaign's survey rule: a person must have attended (present or late) at least `requiredPercent` of their
 * site's sessions. No rule (null) lets everyone through; a person without a site has attended nothing; a site
 * without sessions asks for nothing.
 */
export function meetsAttendanceRule(requiredPercent: number | null, sessions: number | null, attended: number): boolean {
  if (requiredPercent === null) return true;
  if (sessions === null) return false;
  if (sessions === 0) return true;
  return attended * 100 >= requiredPercent * sessions;
}

const VN_OFFSET_MS = 7 * 3_600_000;

/** The UTC instant of a local date ('YYYY-MM-DD') and time ('HH:MM') in Vietnam (UTC+7 all year). */
export function vnInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min) - VN_OFFSET_MS);
}

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Self check-in opens this long before the start; arriving later than this after the start counts as late. */
export const CHECKIN_OPENS_BEFORE_MIN = 30;
export const LATE_AFTER_MIN = 15;

export type CheckinState = 'not_yet' | 'open' | 'closed';

export function checkinState(session: { date: string; startsAt: string; endsAt: string }, now: Date): CheckinState {
  const opens = vnInstant(session.date, session.startsAt).getTime() - CHECKIN_OPENS_BEFORE_MIN * 60_000;
  const closes = vnInstant(session.date, session.endsAt).getTime();
  const t = now.getTime();
  return t < opens ? 'not_yet' : t > closes ? 'closed' : 'open';
}

/** Present, or late when the check-in comes more than LATE_AFTER_MIN minutes after the start. */
export function checkinStatus(session: { date: string; startsAt: string }, now: Date): AttendanceStatus {
  const lateFrom = vnInstant(session.date, session.startsAt).getTime() + LATE_AFTER_MIN * 60_000;
  return now.getTime() > lateFrom ? 'late' : 'present';
}

/** A session has been held (so an unmarked participant counts as expected) once it started. */
export function sessionStarted(session: { date: string; startsAt: string }, now: Date): boolean {
  return vnInstant(session.date, session.startsAt).getTime() <= now.getTime();
}

// No 0/O/1/I/L: read off a projector and typed on a phone without confusion.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A 6-character check-in code from random bytes (injected so tests are deterministic). */
export function checkinCode(randomBytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomBytes[i] % CODE_ALPHABET.length];
  return code;
}

export function normalizeCheckinCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isTime(value: string): boolean {
  return TIME.test(value);
}

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const HALVES = ['morning', 'afternoon'] as const;
export type Half = (typeof HALVES)[number];
export const HALF_LABELS: Record<Half, string> = { morning: 'Sáng', afternoon: 'Chiều' };

/** The half-days of an event from its first to its last day: both halves, or only mornings / afternoons. */
export function halfDays(startsOn: string, endsOn: string, halves: 'both' | Half): { day: string; half: Half }[] {
  const out: { day: string; half: Half }[] = [];
  for (let t = Date.parse(`${startsOn}T00:00:00Z`); t <= Date.parse(`${endsOn}T00:00:00Z`) && out.length < 200; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    for (const half of HALVES) if (halves === 'both' || halves === half) out.push({ day, half });
  }
  return out;
}
