import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';

describeEachDialect('accounts and roles', (dialect) => {
  let env: TestEnv;
  let principal: Session;
  let principalUser: Awaited<ReturnType<typeof buildUser>>;
  let school: Awaited<ReturnType<typeof buildUnit>>;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    school = await buildUnit(env.ctx, { name: 'Trường Tiểu học Hồng Phong' });
    principalUser = await buildUser(env.ctx, { unit: school, roles: [{ role: 'unit_manager', unit: school }] });
    principal = await login(env.app, principalUser.username, principalUser.password);
  });
  afterAll(async () => env.close());

  it('prints login slips with fresh passwords for accounts that never logged in; the first login asks for a new password', async () => {
    const created = await principal.request('POST', '/api/people', {
      fullName: 'Hà Thị Thu',
      staffId: '0123400001',
      unitId: school.id,
      position: 'teacher',
    });
    expect(created.json().username).toBe('0123400001');
    await principal.request('POST', '/api/people', {
      fullName: 'Mai Văn Tuấn',
      staffId: '0123400002',
      unitId: school.id,
      position: 'staff',
    });
    const noPassword = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '0123400001', password: '' } });
    expect(noPassword.statusCode).toBe(400);

    const res = await principal.request('POST', `/api/units/${school.id}/login-slips`, { format: 'xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('phieu-dang-nhap');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const slips = new Map<string, string>();
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      const username = values.find((v) => v === '0123400001' || v === '0123400002') as string | undefined;
      if (username) slips.set(username, String(values[values.indexOf(username) + 1]));
    });
    expect(slips.size).toBe(2);
    // The principal has logged in already: no slip for them.
    expect(Number(res.headers['x-slip-count'])).toBe(2);

    const first = await login(env.app, '0123400001', slips.get('0123400001')!);
    const me = (await first.request('GET', '/api/auth/me')).json();
    expect(me.mustChangePassword).toBe(true);
    expect((await first.request('GET', `/api/people/${me.personId}`)).json().code).toBe('password_change_required');
    await first.request('POST', '/api/auth/change-password', { currentPassword: slips.get('0123400001'), newPassword: 'HaThiThu2026' });
    expect((await first.request('GET', `/api/people/${me.personId}`)).json().fullName).toBe('Hà Thị Thu');

    // Printing again (PDF after Excel) never voids the slips handed out: only a newcomer gets one.
    const hashOf = async (username: string) =>
      (await env.ctx.db.selectFrom('users').select('password_hash').where('username', '=', username).executeTakeFirstOrThrow())
        .password_hash;
    const printed = await hashOf('0123400002');
    expect((await principal.request('GET', `/api/units/${school.id}/login-slips`)).json()).toMatchObject({ pending: 0, issued: 1 });
    const again = await principal.request('POST', `/api/units/${school.id}/login-slips`, { format: 'pdf' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('slips_already_issued');
    expect(again.json().message).toContain('phiếu đã in vẫn dùng được');
    await principal.request('POST', '/api/people', {
      fullName: 'Đỗ Thị Lan',
      staffId: '0123400003',
      unitId: school.id,
      position: 'teacher',
    });
    const newcomer = await principal.request('POST', `/api/units/${school.id}/login-slips`, { format: 'both' });
    expect(newcomer.headers['x-slip-count']).toBe('1');
    const zip = await JSZip.loadAsync(newcomer.rawPayload);
    const files = Object.keys(zip.files).sort();
    expect(files).toEqual([`phieu-dang-nhap-${school.name}.pdf`, `phieu-dang-nhap-${school.name}.xlsx`]);
    expect((await zip.file(files[0])!.async('nodebuffer')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await hashOf('0123400002')).toBe(printed);

    // "Cấp lại mật khẩu ban đầu" is asked for explicitly, and the old slips stop working.
    const reissue = await principal.request('POST', `/api/units/${school.id}/login-slips`, { format: 'pdf', reissue: true });
    expect(reissue.headers['x-slip-count']).toBe('2');
    expect(reissue.headers['x-slip-reissued']).toBe('2');
    const stale = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '0123400002', password: slips.get('0123400002') },
    });
    expect(stale.statusCode).toBe(401);
    const audit = (await principal.request('GET', '/api/audit')).json().items as { summary: string }[];
    expect(audit.map((a) => a.summary)).toContain(
      `In 2 phiếu đăng nhập cho ${school.name}, cấp lại mật khẩu ban đầu của 2 tài khoản đã có phiếu`,
    );
  });

  it('grants and revokes roles inside the subtree, each written to the audit log', async () => {
    const teacher = await buildUser(env.ctx, { unit: school, fullName: 'Lý Thị Nga' });
    const grant = await principal.request('POST', '/api/grants', { userId: teacher.userId, role: 'proctor', unitId: school.id });
    expect(grant.statusCode).toBe(200);
    const again = await principal.request('POST', '/api/grants', { userId: teacher.userId, role: 'proctor', unitId: school.id });
    expect(again.json().message).toBe('Lý Thị Nga đã có vai trò Giám sát tại Trường Tiểu học Hồng Phong.');
    const list = (await principal.request('GET', '/api/grants')).json().items as {
      displayName: string;
      roleLabel: string;
      grantId: number;
    }[];
    expect(list.some((g) => g.displayName === 'Lý Thị Nga' && g.roleLabel === 'Giám sát')).toBe(true);
    const proctor = await login(env.app, teacher.username, teacher.password);
    expect((await proctor.request('GET', '/api/people')).json().total).toBeGreaterThan(0);
    expect(
      (
        await proctor.request('POST', '/api/people', {
          fullName: 'Thử Quyền Ghi',
          staffId: '99990001',
          unitId: school.id,
          position: 'teacher',
        })
      ).statusCode,
    ).toBe(403);

    expect((await principal.request('DELETE', `/api/grants/${grant.json().grantId}`)).statusCode).toBe(200);
    expect((await proctor.request('GET', '/api/people')).json().total).toBe(0);
    const audit = (await principal.request('GET', '/api/audit')).json().items as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        'Giao vai trò Giám sát tại Trường Tiểu học Hồng Phong cho Lý Thị Nga (' + teacher.username + ')',
        'Thu hồi vai trò Giám sát tại Trường Tiểu học Hồng Phong của Lý Thị Nga (' + teacher.username + ')',
      ]),
    );
  });

  it('resets a password (shown once, lifting a lock from wrong guesses) and disables an account, which ends its sessions', async () => {
    const person = await buildUser(env.ctx, { unit: school, fullName: 'Chu Văn Sơn' });
    const session = await login(env.app, person.username, person.password);
    // Someone locks the account with wrong guesses; the new password from the principal works at once all the same.
    for (let i = 0; i < 6; i++) {
      await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: person.username, password: `sai-${i}-matkhau` },
      });
    }
    const locked = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: person.username, password: person.password },
    });
    expect(locked.json().code).toBe('login_throttled');
    const reset = (await principal.request('POST', `/api/accounts/${person.userId}/reset-password`)).json();
    expect(reset.password).toMatch(/^[a-z2-9]{8}$/);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await login(env.app, person.username, reset.password);
    expect((await principal.request('POST', `/api/accounts/${person.userId}/disabled`, { disabled: true })).statusCode).toBe(200);
    expect((await again.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: person.username, password: reset.password },
    });
    expect(refused.json().code).toBe('account_disabled');
    const self = await principal.request('POST', `/api/accounts/${principalUser.userId}/disabled`, { disabled: true });
    expect(self.json().message).toBe('Không thể tự khóa tài khoản của mình.');
  });

  it('answers 503 on /healthz when the database is gone', async () => {
    const broken = await createTestEnv(dialect);
    await broken.ctx.db.destroy();
    const res = await broken.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().message).toMatch(/^Không kết nối được cơ sở dữ liệu: máy chủ tạm ngừng phục vụ/);
    await broken.close().catch(() => {});
  });
});
