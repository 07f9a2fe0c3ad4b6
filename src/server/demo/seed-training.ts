import { generateDemoClasses } from '../../domain/demo/classes.ts';
import type { DemoProvince } from '../../domain/demo/province.ts';
import { fold } from '../../domain/text.ts';
import { nowIso, type AppContext } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { insertClass, insertTrainees, replaceClassLecturers, classTypes } from '../modules/classes/repository.ts';
import { insertLecturer } from '../modules/lecturers/repository.ts';
import { insertCampaign, insertTopic, replaceTargets } from '../modules/campaigns/repository.ts';
import { insertParticipants, insertSession, insertSite, replaceProctors } from '../modules/sites/repository.ts';

/** A year of political centres' classes (with lecturers, trainees, completions, evaluations) and a summer campaign with sites. */
export async function seedDemoTraining(ctx: AppContext, province: DemoProvince, options: { seed?: number } = {}) {
  const today = ctx.clock.now();
  const year = today.getUTCFullYear();
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const units = new Map((await trx.selectFrom('units').select(['id', 'code', 'name']).execute()).map((u) => [u.code, u]));
    const centres = province.units.filter((u) => u.kind === 'political_center');
    const { lecturers, classes } = generateDemoClasses({
      centreCodes: centres.map((c) => c.code),
      centreNames: centres.map((c) => c.name),
      communeNames: province.units.filter((u) => u.kind === 'commune').map((u) => u.name.replace(/^(Xã|Phường) /, '')),
      year,
      today,
      seed: options.seed,
    });
    const lecturerIds = new Map<string, number[]>();
    for (const l of lecturers) {
      const id = await insertLecturer(trx, {
        unit_id: units.get(l.centreCode)!.id,
        person_id: null,
        full_name: l.fullName,
        name_folded: fold(l.fullName),
        title: l.title,
        workplace: l.workplace,
        kind: l.kind,
        created_at: at,
      });
      lecturerIds.set(l.centreCode, [...(lecturerIds.get(l.centreCode) ?? []), id]);
    }
    const typeIds = new Map((await classTypes(trx, true)).map((t) => [t.code, t.id]));
    let trainees = 0;
    for (const c of classes) {
      const classId = await insertClass(trx, {
        unit_id: units.get(c.centreCode)!.id,
        type_id: typeIds.get(c.typeCode)!,
        name: c.name,
        planned_start: c.plannedStart,
        planned_end: c.plannedEnd,
        actual_start: c.actualStart,
        actual_end: c.actualEnd,
        planned_trainees: c.plannedTrainees,
        location: units.get(c.centreCode)!.name,
        notes: null,
        created_by: null,
        at,
      });
      const own = lecturerIds.get(c.centreCode)!;
      const chosen = c.lecturers.map((i) => own[i]);
      await replaceClassLecturers(trx, classId, chosen);
      await insertTrainees(
        trx,
        c.trainees.map((t) => ({ class_id: classId, person_id: null, full_name: t.fullName, workplace: t.workplace, created_at: at })),
      );
      trainees += c.trainees.length;
      await markResults(trx, classId, c, chosen, at);
    }
    await seedCampaign(trx, province, units, year, at);
    await seedEventAndMeetings(trx, province, units, today, at);
    return { classes: classes.length, trainees, lecturers: lecturers.length };
  });
}

async function markResults(
  trx: Executor,
  classId: number,
  c: ReturnType<typeof generateDemoClasses>['classes'][number],
  lecturerIds: number[],
  at: string,
) {
  const rows = await trx.selectFrom('class_trainees').select('id').where('class_id', '=', classId).orderBy('id').execute();
  for (const [i, row] of rows.entries()) {
    const t = c.trainees[i];
    if (t.completed)
      await trx.updateTable('class_trainees').set({ completed: 1, certificate_no: t.certificateNo }).where('id', '=', row.id).execute();
  }
  const evaluations = lecturerIds.flatMap((lecturerId, l) =>
    c.scores[l].map((score, k) => ({
      class_id: classId,
      lecturer_id: lecturerId,
      trainee_id: rows[k].id,
      score,
      comment: null,
      created_at: at,
    })),
  );
  if (evaluations.length) await trx.insertInto('lecturer_evaluations').values(evaluations).execute();
}

/** The summer campaign: three sites (the first upper-secondary school, the first lower-secondary school, one more), two sessions each. */
async function seedCampaign(
  trx: Executor,
  province: DemoProvince,
  units: Map<string, { id: number; code: string; name: string }>,
  year: number,
  at: string,
) {
  const root = units.get(province.units[0].code)!;
  const campaignId = await insertCampaign(trx, {
    name: `Bồi dưỡng chính trị hè năm học ${year - 1}–${year}`,
    name_folded: fold(`Boi duong chinh tri he ${year}`),
    school_year: `${year - 1}–${year}`,
    unit_id: root.id,
    starts_on: `${year}-07-06`,
    ends_on: `${year}-07-07`,
    description: null,
    attendance_required_percent: null,
    created_by: null,
    at,
  });
  await replaceTargets(trx, campaignId, [{ unit_id: root.id, positions: 'manager,teacher' }]);
  const topics = [];
  for (const name of [
    'Những nội dung cơ bản của Nghị quyết Đại hội XIV của Đảng',
    'Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ' + year,
    `Tình hình kinh tế – xã hội của tỉnh ${province.provinceName}`,
  ]) {
    topics.push(await insertTopic(trx, { campaign_id: campaignId, name, name_folded: fold(name), description: null, lecturer_id: null }));
  }
  const thcs = province.units.find((u) => u.kind === 'school' && u.schoolLevel === 'thcs')!;
  const thpt = province.units.filter((u) => u.kind === 'school' && u.schoolLevel === 'thpt').slice(0, 2);
  for (const unit of [thpt[0], thcs, thpt[1]]) {
    const u = units.get(unit.code)!;
    const siteId = await insertSite(trx, {
      campaign_id: campaignId,
      unit_id: u.id,
      name: `Điểm cầu ${u.name.replace(/^Trường /, '')}`,
      address: `Hội trường ${u.name}`,
      capacity: 120,
      online_url: null,
      created_at: at,
    });
    const people = await trx.selectFrom('people').select(['id', 'position']).where('unit_id', '=', u.id).orderBy('sort_key').execute();
    await insertParticipants(
      trx,
      campaignId,
      siteId,
      people.filter((p) => p.position !== 'staff').map((p) => p.id),
    );
    const proctor = unit === thpt[0] ? await proctorOf(trx, u.id) : undefined;
    if (proctor) await replaceProctors(trx, siteId, [proctor]);
    for (const [i, [start, end]] of [
      ['07:30', '11:00'],
      ['13:30', '17:00'],
    ].entries()) {
      await insertSession(trx, {
        site_id: siteId,
        date: `${year}-07-06`,
        starts_at: start,
        ends_at: end,
        topic_id: topics[i],
        lecturer_id: null,
        note: null,
      });
    }
    await insertSession(trx, {
      site_id: siteId,
      date: `${year}-07-07`,
      starts_at: '07:30',
      ends_at: '11:00',
      topic_id: topics[2],
      lecturer_id: null,
      note: null,
    });
  }
}

/** The person holding the proctor role at the unit (the demo's proctor account), if any. */
async function proctorOf(trx: Executor, unitId: number) {
  const row = await trx
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select('users.person_id')
    .where('role_grants.role', '=', 'proctor')
    .where('role_grants.unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.person_id ?? undefined;
}

/** A half-day conference for the schools' managers, and thematic meetings of some party cells last month. */
async function seedEventAndMeetings(
  trx: Executor,
  province: DemoProvince,
  units: Map<string, { id: number; code: string; name: string }>,
  today: Date,
  at: string,
) {
  const root = units.get(province.units[0].code)!;
  const day = today.toISOString().slice(0, 10);
  const { id: eventId } = await trx
    .insertInto('events')
    .values({
      unit_id: root.id,
      kind: 'conference',
      name: 'Hội nghị cán bộ quản lý chủ chốt triển khai nhiệm vụ năm học',
      starts_on: day,
      ends_on: day,
      halves: 'morning',
      location: 'Hội trường Sở Giáo dục và Đào tạo',
      programme: '07:30 Đón tiếp đại biểu\n08:00 Khai mạc\n08:15 Báo cáo tổng kết\n09:30 Thảo luận\n11:00 Bế mạc',
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const managers = await trx
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select('people.id')
    .where('people.position', '=', 'manager')
    .where('units.kind', '=', 'school')
    .execute();
  for (let i = 0; i < managers.length; i += 500) {
    await trx
      .insertInto('event_invitees')
      .values(managers.slice(i, i + 500).map((m) => ({ event_id: eventId, person_id: m.id })))
      .execute();
  }
  const set = await trx.selectFrom('criteria_sets').select('id').where('unit_id', 'is', null).orderBy('id').executeTakeFirst();
  const criteria = set
    ? await trx.selectFrom('criteria').select(['id', 'max_points']).where('set_id', '=', set.id).orderBy('position').execute()
    : [];
  const cells = province.units.filter((u) => u.kind === 'party_cell').slice(0, 3);
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
  for (const [i, cell] of cells.entries()) {
    const present = 14 - i;
    const { id } = await trx
      .insertInto('cell_meetings')
      .values({
        cell_unit_id: units.get(cell.code)!.id,
        topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về đổi mới căn bản, toàn diện giáo dục',
        held_on: lastMonth,
        chair: 'Bí thư chi bộ',
        secretary: 'Đảng viên được phân công',
        guests: null,
        members_total: 15,
        members_present: present,
        absent_members: i ? `${15 - present} đồng chí đi công tác` : 'Không',
        criteria_set_id: set?.id ?? null,
        vote_for: present,
        vote_against: 0,
        vote_abstain: 0,
        conclusion: 'Chi bộ thống nhất ban hành nghị quyết chuyên đề và phân công đảng viên thực hiện.',
        draft_storage_key: null,
        draft_file_name: null,
        draft_content_type: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('cell_meeting_opinions')
      .values(
        Array.from({ length: 4 + i * 3 }, (_, k) => ({
          meeting_id: id,
          position: k + 1,
          speaker: `Đảng viên ${k + 1}`,
          summary: 'Nhất trí với dự thảo, đề nghị bổ sung giải pháp gắn với nhiệm vụ năm học.',
        })),
      )
      .execute();
    if (criteria.length) {
      await trx
        .insertInto('cell_meeting_scores')
        .values(criteria.map((c, k) => ({ meeting_id: id, criterion_id: c.id, score: Number(c.max_points) - (k < i * 2 ? 2.5 : 0) })))
        .execute();
    }
  }
}
