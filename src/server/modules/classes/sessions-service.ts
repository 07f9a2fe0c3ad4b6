import type { Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import { isIsoDate, type AttendanceStatus, type Half } from '../../../domain/training/attendance.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { findLecturerForUse } from '../lecturers/service.ts';
import { classForActor } from './service.ts';

/** A class's half-day sessions (topic, lecturer) and each trainee's attendance at them. */
export async function classSessions(ctx: AppContext, actor: Actor, classId: number) {
  const cls = await classForActor(ctx.db, actor, classId, 'read');
  const sessions = await ctx.db
    .selectFrom('class_sessions')
    .leftJoin('lecturers', 'lecturers.id', 'class_sessions.lecturer_id')
    .select([
      'class_sessions.id',
      'class_sessions.date',
      'class_sessions.half',
      'class_sessions.topic',
      'class_sessions.lecturer_id',
      'lecturers.full_name as lecturer_name',
    ])
    .where('class_sessions.class_id', '=', cls.id)
    .orderBy('class_sessions.date')
    .orderBy('class_sessions.half', 'desc')
    .execute();
  const marks =
    sessions.length === 0
      ? []
      : await ctx.db
          .selectFrom('class_attendance')
          .select(['session_id', 'trainee_id', 'status', 'reason'])
          .where(
            'session_id',
            'in',
            sessions.map((s) => s.id),
          )
          .execute();
  return sessions.map((s) => ({
    id: s.id,
    date: s.date,
    half: s.half,
    topic: s.topic,
    lecturerId: s.lecturer_id,
    lecturerName: s.lecturer_name,
    marks: marks.filter((m) => m.session_id === s.id).map((m) => ({ traineeId: m.trainee_id, status: m.status, reason: m.reason })),
  }));
}

export async function addClassSession(
  ctx: AppContext,
  actor: Actor,
  classId: number,
  input: { date: string; half: Half; topic?: string | null; lecturerId?: number | null },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const cls = await classForActor(trx, actor, classId, 'manage');
    if (!isIsoDate(input.date)) throw fail('invalid_date', { field: 'ngày học' });
    const lecturerId = input.lecturerId ? (await findLecturerForUse(trx, actor, input.lecturerId)).id : null;
    const { id } = await trx
      .insertInto('class_sessions')
      .values({
        class_id: cls.id,
        date: input.date,
        half: input.half,
        topic: input.topic ? normalizeText(input.topic) || null : null,
        lecturer_id: lecturerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'class.session',
      entityType: 'training_class',
      entityId: cls.id,
      unitId: cls.unit_id,
      summary: `Thêm buổi học ${input.date.split('-').reverse().join('/')} (${input.half === 'morning' ? 'sáng' : 'chiều'}) lớp "${cls.name}"`,
    });
    return { id };
  });
}

async function sessionOfClass(db: Executor, sessionId: number) {
  const session = await db.selectFrom('class_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw fail('session_not_found');
  return session;
}

export async function markClassAttendance(
  ctx: AppContext,
  actor: Actor,
  sessionId: number,
  traineeId: number,
  input: { status: AttendanceStatus; reason?: string | null },
) {
  const session = await sessionOfClass(ctx.db, sessionId);
  await classForActor(ctx.db, actor, session.class_id, 'manage');
  const trainee = await ctx.db.selectFrom('class_trainees').select(['id', 'class_id']).where('id', '=', traineeId).executeTakeFirst();
  if (!trainee || trainee.class_id !== session.class_id) throw fail('trainee_not_found');
  const reason = input.status === 'absent' && input.reason ? normalizeText(input.reason).slice(0, 200) || null : null;
  await ctx.db
    .insertInto('class_attendance')
    .values({ session_id: session.id, trainee_id: trainee.id, status: input.status, reason })
    .onConflict((oc) => oc.columns(['session_id', 'trainee_id']).doUpdateSet({ status: input.status, reason }))
    .execute();
  return { ok: true };
}
