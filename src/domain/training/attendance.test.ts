import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendanceRate,
  checkinCode,
  checkinState,
  checkinStatus,
  meetsAttendanceRule,
  normalizeCheckinCode,
  vnInstant,
  vnToday,
} from './attendance.ts';

describe('attendance rules', () => {
  it('reads session times in Vietnam time', () => {
    expect(vnInstant('2026-07-06', '07:30').toISOString()).toBe('2026-07-06T00:30:00.000Z');
    expect(vnToday(new Date('2026-07-05T17:30:00Z'))).toBe('2026-07-06');
  });

  it('opens self check-in 30 minutes before the start, counts late after 15 minutes, closes at the end', () => {
    const s = { date: '2026-07-06', startsAt: '07:30', endsAt: '11:00' };
    expect(checkinState(s, new Date('2026-07-05T23:59:00Z'))).toBe('not_yet');
    expect(checkinState(s, new Date('2026-07-06T00:00:00Z'))).toBe('open');
    expect(checkinState(s, new Date('2026-07-06T04:01:00Z'))).toBe('closed');
    expect(checkinStatus(s, new Date('2026-07-06T00:45:00Z'))).toBe('present');
    expect(checkinStatus(s, new Date('2026-07-06T00:46:00Z'))).toBe('late');
  });

  it('lets everyone through without a rule, nobody without a site, and otherwise compares the attended share', () => {
    expect(meetsAttendanceRule(null, null, 0)).toBe(true);
    expect(meetsAttendanceRule(80, null, 0)).toBe(false);
    expect(meetsAttendanceRule(100, 0, 0)).toBe(true);
    expect(meetsAttendanceRule(80, 5, 4)).toBe(true);
    expect(meetsAttendanceRule(80, 5, 3)).toBe(false);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 40 }),
        (percent, sessions) =>
          meetsAttendanceRule(percent, sessions, sessions) && (percent === 0 || !meetsAttendanceRule(percent, sessions, 0)),
      ),
    );
  });

  it('rates attended person-sessions', () => {
    expect(attendanceRate({ expected: 0, present: 0, late: 0 })).toBeNull();
    expect(attendanceRate({ expected: 8, present: 5, late: 1 })).toBe(75);
  });

  it('makes 6-character codes without look-alike characters and reads them back however typed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const code = checkinCode(bytes);
        return /^[2-9A-HJKMNP-Z]{6}$/.test(code) && normalizeCheckinCode(` ${code.toLowerCase().slice(0, 3)}-${code.slice(3)} `) === code;
      }),
    );
  });
});
