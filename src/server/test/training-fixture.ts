/** A small province for the training tests: two communes with a school each, an organiser, principals, proctors, teachers. */
import type { Clock } from '../context.ts';
import { findRootUnit } from '../modules/units/repository.ts';
import { buildPerson, buildUnit, buildUser } from './builders.ts';
import { createTestEnv, login, type Session } from './harness.ts';
import type { Dialect } from '../db/database.ts';

/** A clock the test moves by hand. */
export function manualClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (value: string) => {
      now = new Date(value);
    },
  };
}

export async function createTrainingFixture(dialect: Dialect, clockStart = '2026-07-01T00:00:00Z') {
  const clock = manualClock(clockStart);
  const env = await createTestEnv(dialect, { clock });
  const root = (await findRootUnit(env.ctx.db))!;
  const communeA = await buildUnit(env.ctx, { name: 'Xã Tân Lập', kind: 'commune', schoolLevel: null });
  const communeB = await buildUnit(env.ctx, { name: 'Xã Hồng Phong', kind: 'commune', schoolLevel: null });
  const schoolA = await buildUnit(env.ctx, { name: 'Trường THCS Tân Lập', parent: communeA, schoolLevel: 'thcs' });
  const schoolB = await buildUnit(env.ctx, { name: 'Trường THCS Hồng Phong', parent: communeB, schoolLevel: 'thcs' });
  const teachersA: Awaited<ReturnType<typeof buildUser>>[] = [];
  const teachersB: Awaited<ReturnType<typeof buildUser>>[] = [];
  for (let i = 0; i < 3; i++)
    teachersA.push(await buildUser(env.ctx, { unit: schoolA, fullName: ['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc'][i] }));
  for (let i = 0; i < 2; i++) teachersB.push(await buildUser(env.ctx, { unit: schoolB, fullName: ['Đỗ Văn Dũng', 'Hoàng Thị Em'][i] }));
  const organizerUser = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }], fullName: 'Trịnh Văn Tổ' });
  const communeOrganizerUser = await buildUser(env.ctx, { unit: communeB, roles: [{ role: 'organizer', unit: communeB }] });
  const principalAUser = await buildUser(env.ctx, {
    unit: schoolA,
    roles: [{ role: 'unit_manager', unit: schoolA }],
    fullName: 'Ngô Văn Hiệu',
  });
  const proctorUser = await buildUser(env.ctx, { unit: schoolA, roles: [{ role: 'proctor', unit: schoolA }], fullName: 'Bùi Thị Giám' });
  const outsider = await buildPerson(env.ctx, { unit: schoolB, fullName: 'Mai Văn Ngoài' });
  const [organizer, communeOrganizer, principalA, proctor] = await Promise.all(
    [organizerUser, communeOrganizerUser, principalAUser, proctorUser].map((u) => login(env.app, u.username, u.password)),
  );
  const teacherSession = (i: number): Promise<Session> => login(env.app, teachersA[i].username, teachersA[i].password);
  return {
    env,
    clock,
    root,
    communeA,
    communeB,
    schoolA,
    schoolB,
    teachersA,
    teachersB,
    outsider,
    organizer,
    communeOrganizer,
    principalA,
    proctor,
    proctorUser,
    teacherSession,
  };
}
