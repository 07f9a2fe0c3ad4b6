import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import {
  attendanceRate,
  checkinCode,
  checkinState,
  checkinStatus,
  normalizeCheckinCode,
  sessionStarted,
  type AttendanceStatus,
} from '../../../domain/training/attendance.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { countFailures, recordFailure } from '../auth/repository.ts';
import { campaignAccess } from '../campaigns/access.ts';
import { participantScope, siteAccess, siteForMarking } from '../sites/access.ts';
import { findSession, participantsOf, sitesOf } from '../sites/repository.ts';
import * as repo from './repository.ts';

async function sessionOf(ctx: AppContext, sessionId: number) {
  const session = await findSession(ctx.db, sessionId);
  if (!session) throw fail('session_not_found');
  return session;
}

/** The phone list a proctor marks: the site's participants (a unit manager sees only their own) with their marks. */
export async function markingList(ctx: AppContext, actor: Actor, sessionId: number) {
  const session = await sessionOf(ctx, sessionId);
  const access = await siteAccess(ctx.db, actor, session.site_id);
  const [people, marks] = await Promise.all([
    participantsOf(ctx.db, access.site.id, participantScope(access)),
    repo.marksOf(ctx.db, [session.id]),
  ]);
  const markOf = new Map(marks.map((m) => [m.person_id, m]));
  return {
    session: {
      id: session.id,
      date: session.date,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      topicName: session.topic_name,
      lecturerName: session.lecturer_name,
      siteId: access.site.id,
      siteName: access.site.name,
      checkin: checkinState({ date: session.date, startsAt: session.starts_at, endsAt: session.ends_at }, ctx.clock.now()),
    },
    canMark: access.proctor || Boolean(access.campaign?.manage),
    items: people.map((p) => {
      const m = markOf.get(p.id);
      return {
        personId: p.id,
        fullName: p.full_name,
        staffId: p.staff_id,
        unitName: p.unit_name,
        status: (m?.status ?? null) as AttendanceStatus | null,
        reason: m?.reason ?? null,
        note: m?.note ?? null,
        via: (m?.via ?? null) as 'proctor' | 'self' | null,
        markedAt: m?.marked_at ?? null,
      };
    }),
  };
}

export async function mark(
  ctx: AppContext,
  actor: Actor,
  sessionId: number,
  personId: number,
  input: { status: AttendanceStatus; reason?: string | null; note?: string | null },
) {
  const session = await sessionOf(ctx, sessionId);
  await siteForMarking(ctx.db, actor, session.site_id);
  if (!(await repo.isParticipantOf(ctx.db, session.site_id, personId))) {
    throw fail('participant_not_found');
  }
  const reason = input.status === 'absent' && input.reason ? normalizeText(input.reason).slice(0, 200) || null : null;
  await repo.upsertMark(ctx.db, {
    session_id: session.id,
    person_id: personId,
    status: input.status,
    reason,
    note: input.note ? normalizeText(input.note).slice(0, 500) || null : null,
    via: 'proctor',
    marked_by: actor.userId || null,
    marked_at: nowIso(ctx),
  });
  return { status: input.status, reason };
}

/** Marks everyone not yet marked with one status (usually "present" once the absent ones are ticked). */
export async function markRest(ctx: AppContext, actor: Actor, sessionId: number, status: AttendanceStatus) {
  const session = await sessionOf(ctx, sessionId);
  const access = await siteForMarking(ctx.db, actor, session.site_id);
  const [people, marks] = await Promise.all([participantsOf(ctx.db, access.site.id, null), repo.marksOf(ctx.db, [session.id])]);
  const marked = new Set(marks.map((m) => m.person_id));
  const rest = people.filter((p) => !marked.has(p.id));
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of rest) {
      await repo.upsertMark(trx, {
        session_id: session.id,
        person_id: p.id,
        status,
        reason: null,
        note: null,
        via: 'proctor',
        marked_by: actor.userId || null,
        marked_at: at,
      });
    }
  });
  return { marked: rest.length };
}

/** The code and QR to show at the site; created on first request. */
export async function checkinDisplay(ctx: AppContext, actor: Actor, sessionId: number, origin: string) {
  const session = await sessionOf(ctx, sessionId);
  await siteForMarking(ctx.db, actor, session.site_id);
  let code = session.checkin_code;
  if (!code) {
    do code = checkinCode(crypto.randomBytes(6));
    while (await repo.codeTaken(ctx.db, code));
    await repo.setCheckinCode(ctx.db, session.id, code);
  }
  const url = `${origin}/cua-toi/diem-danh?ma=${code}`;
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return {
    code,
    url,
    qrSvg,
    state: checkinState({ date: session.date, startsAt: session.starts_at, endsAt: session.ends_at }, ctx.clock.now()),
    date: session.date,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
  };
}

/** Wrong codes a participant may type per window before check-in pauses: a typo is fine, guessing a site's code is not. */
const MAX_WRONG_CODES = 10;
const WRONG_CODE_WINDOW_MIN = 15;

/** A participant checks in with the code shown at the site, only while the session is on. */
export async function selfCheckin(ctx: AppContext, actor: Actor, rawCode: string) {
  const key = `checkin:u:${actor.userId}`;
  const since = new Date(ctx.clock.now().getTime() - WRONG_CODE_WINDOW_MIN * 60_000).toISOString();
  if ((await countFailures(ctx.db, key, since)) >= MAX_WRONG_CODES) {
    throw fail('checkin_throttled', { minutes: WRONG_CODE_WINDOW_MIN });
  }
  const code = normalizeCheckinCode(rawCode);
  const session = code.length === 6 ? await repo.findSessionByCode(ctx.db, code) : undefined;
  if (!session) {
    await recordFailure(ctx.db, [key], nowIso(ctx));
    throw fail('checkin_code_not_found');
  }
  const now = ctx.clock.now();
  const state = checkinState({ date: session.date, startsAt: session.starts_at, endsAt: session.ends_at }, now);
  if (state === 'not_yet') throw fail('checkin_not_open', { startsAt: session.starts_at });
  if (state === 'closed') throw fail('checkin_closed');
  if (actor.personId === null || !(await repo.isParticipantOf(ctx.db, session.site_id, actor.personId))) {
    throw fail('forbidden', { action: `điểm danh tại điểm cầu "${session.site_name}" (bạn không có trong danh sách điểm cầu này)` });
  }
  const existing = await repo.findMark(ctx.db, session.id, actor.personId);
  if (existing && (existing.status !== 'absent' || existing.via === 'self')) {
    return { status: existing.status as AttendanceStatus, already: true, siteName: session.site_name, topicName: session.topic_name };
  }
  const status = checkinStatus({ date: session.date, startsAt: session.starts_at }, now);
  await repo.upsertMark(ctx.db, {
    session_id: session.id,
    person_id: actor.personId,
    status,
    reason: null,
    note: null,
    via: 'self',
    marked_by: actor.userId || null,
    marked_at: nowIso(ctx),
  });
  return { status, already: false, siteName: session.site_name, topicName: session.topic_name };
}

/** Vietnam's local date and HH:MM: a session has started when its (date, starts_at) is not after it. */
function vnClock(now: Date) {
  const local = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

interface Tally {
  participants: number;
  expected: number;
  present: number;
  late: number;
  absent: number;
}
const emptyTally = (): Tally => ({ participants: 0, expected: 0, present: 0, late: 0, absent: 0 });
const finish = <T extends Tally>(t: T) => ({
  ...t,
  unmarked: Math.max(0, t.expected - t.present - t.late - t.absent),
  rate: attendanceRate(t),
});

/** Attendance rates of the sessions already started, per site, per unit and for the whole campaign (in the reader's scope). */
export async function attendanceSummary(ctx: AppContext, actor: Actor, campaignId: number) {
  const access = await campaignAccess(ctx.db, actor, campaignId);
  const now = ctx.clock.now();
  const sessions = await repo.campaignSessions(ctx.db, access.campaign.id);
  const started = sessions.filter((s) => sessionStarted({ date: s.date, startsAt: s.starts_at }, now));
  const heldBySite = new Map<number, number>();
  for (const s of started) heldBySite.set(s.site_id, (heldBySite.get(s.site_id) ?? 0) + 1);
  const [participants, marks, sites] = await Promise.all([
    repo.participantCounts(ctx.db, access.campaign.id, access.scopePaths),
    repo.markCounts(ctx.db, access.campaign.id, vnClock(now), access.scopePaths),
    sitesOf(ctx.db, access.campaign.id),
  ]);
  const bySite = new Map<number, Tally>();
  const byUnit = new Map<number, Tally & { unitName: string }>();
  const total = emptyTally();
  for (const p of participants) {
    const n = Number(p.n);
    const expected = n * (heldBySite.get(p.site_id) ?? 0);
    for (const t of [
      bySite.get(p.site_id) ?? bySite.set(p.site_id, emptyTally()).get(p.site_id)!,
      byUnit.get(p.unit_id) ?? byUnit.set(p.unit_id, { ...emptyTally(), unitName: p.unit_name }).get(p.unit_id)!,
      total,
    ]) {
      t.participants += n;
      t.expected += expected;
    }
  }
  for (const m of marks) {
    const key = m.status as 'present' | 'late' | 'absent';
    for (const t of [bySite.get(m.site_id), byUnit.get(m.unit_id), total]) if (t) t[key] += Number(m.n);
  }
  return {
    heldSessions: started.length,
    totalSessions: sessions.length,
    total: finish(total),
    sites: sites
      .filter((s) => bySite.has(s.id))
      .map((s) => ({ siteId: s.id, siteName: s.name, held: heldBySite.get(s.id) ?? 0, ...finish(bySite.get(s.id)!) })),
    units: [...byUnit.entries()]
      .map(([unitId, t]) => ({ unitId, ...finish(t) }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
  };
}

/** Who missed which started session (absent, or not marked at all), in the reader's scope. */
export async function absentees(ctx: AppContext, actor: Actor, campaignId: number) {
  const access = await campaignAccess(ctx.db, actor, campaignId);
  const now = ctx.clock.now();
  const started = (await repo.campaignSessions(ctx.db, access.campaign.id)).filter((s) =>
    sessionStarted({ date: s.date, startsAt: s.starts_at }, now),
  );
  const [people, marks] = await Promise.all([
    repo.participantsWithMarks(ctx.db, access.campaign.id, access.scopePaths),
    repo.marksOf(
      ctx.db,
      started.map((s) => s.id),
    ),
  ]);
  const markOf = new Map(marks.map((m) => [`${m.session_id}:${m.person_id}`, m]));
  const rows = [];
  for (const p of people) {
    for (const s of started.filter((x) => x.site_id === p.site_id)) {
      const m = markOf.get(`${s.id}:${p.id}`);
      if (m && m.status !== 'absent') continue;
      rows.push({
        personId: p.id,
        fullName: p.full_name,
        staffId: p.staff_id,
        unitId: p.unit_id,
        unitName: p.unit_name,
        siteName: s.site_name,
        sessionId: s.id,
        date: s.date,
        startsAt: s.starts_at,
        topicName: s.topic_name,
        status: m ? ('absent' as const) : ('unmarked' as const),
        reason: m?.reason ?? null,
      });
    }
  }
  return { campaign: access.campaign, rows };
}
