import { afterAll, beforeAll, expect, it } from 'vitest';
import { findRootUnit } from '../units/repository.ts';
import { buildPerson, buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';

/** A principal of school A reaches nothing of school B, whatever id they type. */
describeEachDialect('unit subtree scope', (dialect) => {
  let env: TestEnv;
  let principalA: Session;
  let organizer: Session;
  let schoolA: Awaited<ReturnType<typeof buildUnit>>;
  let schoolB: Awaited<ReturnType<typeof buildUnit>>;
  let personB: Awaited<ReturnType<typeof buildPerson>>;
  let userB: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const commune = await buildUnit(env.ctx, { name: 'Xã Tân Lập', kind: 'commune', schoolLevel: null });
    schoolA = await buildUnit(env.ctx, { name: 'Trường THCS Tân Lập', parent: commune, schoolLevel: 'thcs' });
    schoolB = await buildUnit(env.ctx, { name: 'Trường THCS Hồng Phong', parent: commune, schoolLevel: 'thcs' });
    personB = await buildPerson(env.ctx, { unit: schoolB, fullName: 'Trần Thị Bích' });
    userB = await buildUser(env.ctx, { unit: schoolB, fullName: 'Lê Văn Bảo' });
    const a = await buildUser(env.ctx, { unit: schoolA, roles: [{ role: 'unit_manager', unit: schoolA }] });
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    principalA = await login(env.app, a.username, a.password);
    organizer = await login(env.app, o.username, o.password);
  });
  afterAll(async () => env.close());

  it('lists only the own subtree', async () => {
    const units = (await principalA.request('GET', '/api/units')).json().units as { name: string }[];
    expect(units.map((u) => u.name)).toEqual(['Trường THCS Tân Lập']);
    const people = (await principalA.request('GET', '/api/people?pageSize=200')).json();
    expect(people.items.some((p: { fullName: string }) => p.fullName === 'Trần Thị Bích')).toBe(false);
    const all = (await organizer.request('GET', '/api/people?q=tran thi bich')).json();
    expect(all.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Trần Thị Bích']);
  });

  it('answers 404 or 403 for anything of school B', async () => {
    const attempts = await Promise.all([
      principalA.request('GET', `/api/people/${personB.id}`),
      principalA.request('PATCH', `/api/people/${personB.id}`, { fullName: 'Đổi Tên' }),
      principalA.request('GET', `/api/people?unitId=${schoolB.id}`),
      principalA.request('PATCH', `/api/units/${schoolB.id}`, { name: 'Tên mới' }),
      principalA.request('POST', `/api/units/${schoolB.id}/move`, { parentId: schoolA.id }),
      principalA.request('DELETE', `/api/units/${schoolB.id}`),
      principalA.request('POST', '/api/people', {
        fullName: 'Người Mới Toanh',
        unitId: schoolB.id,
        position: 'teacher',
        staffId: '55550001',
      }),
      principalA.request('POST', `/api/accounts/${userB.userId}/reset-password`),
      principalA.request('POST', `/api/accounts/${userB.userId}/disabled`, { disabled: true }),
      principalA.request('POST', '/api/grants', { userId: userB.userId, role: 'proctor', unitId: schoolB.id }),
      principalA.request('POST', `/api/units/${schoolB.id}/login-slips`, { format: 'xlsx' }),
      principalA.request('GET', `/api/roster/export.xlsx?unitId=${schoolB.id}`),
      principalA.request('GET', `/api/audit?unitId=${schoolB.id}`),
    ]);
    for (const res of attempts) expect([403, 404]).toContain(res.statusCode);
    const stored = await env.ctx.db.selectFrom('people').select('full_name').where('id', '=', personB.id).executeTakeFirstOrThrow();
    expect(stored.full_name).toBe('Trần Thị Bích');
    const b = await env.ctx.db.selectFrom('units').select('name').where('id', '=', schoolB.id).executeTakeFirstOrThrow();
    expect(b.name).toBe('Trường THCS Hồng Phong');
  });

  it('cannot grant a role above its own, nor grant outside its subtree', async () => {
    const inA = await buildUser(env.ctx, { unit: schoolA });
    const organizerGrant = await principalA.request('POST', '/api/grants', { userId: inA.userId, role: 'organizer', unitId: schoolA.id });
    expect(organizerGrant.statusCode).toBe(403);
    const proctor = await principalA.request('POST', '/api/grants', { userId: inA.userId, role: 'proctor', unitId: schoolA.id });
    expect(proctor.statusCode).toBe(200);
  });

  it('cannot take over an organiser account of its school by resetting its password', async () => {
    const root = (await findRootUnit(env.ctx.db))!;
    const boss = await buildUser(env.ctx, { unit: schoolA, roles: [{ role: 'organizer', unit: root }] });
    const res = await principalA.request('POST', `/api/accounts/${boss.userId}/reset-password`);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('vai trò cao hơn');
  });

  it('a participant reads only their own record', async () => {
    const teacher = await buildUser(env.ctx, { unit: schoolA, fullName: 'Phạm Thị Hoa' });
    const session = await login(env.app, teacher.username, teacher.password);
    expect((await session.request('GET', `/api/people/${teacher.person.id}`)).json().fullName).toBe('Phạm Thị Hoa');
    expect((await session.request('GET', `/api/people/${personB.id}`)).statusCode).toBe(404);
    expect((await session.request('GET', '/api/people')).json().total).toBe(0);
    expect((await session.request('GET', '/api/units')).json().units).toEqual([]);
    expect((await session.request('GET', '/api/audit')).statusCode).toBe(403);
  });
});
