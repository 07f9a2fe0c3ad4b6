import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCitizenId,
  parseEmail,
  parseFullName,
  parseGender,
  parsePartyMember,
  parsePhone,
  parsePosition,
  parsePositionGroup,
  parseSchoolLevel,
  parseExtraMinutes,
  parseStaffId,
  parseTheoryLevel,
} from './fields.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) => (parsed.ok ? parsed.value : parsed.message);

describe('parseFullName', () => {
  it('normalises spaces and Unicode form', () => {
    expect(value(parseFullName('  Nguyễn   Văn\u00a0An '.normalize('NFD')))).toBe('Nguyễn Văn An');
  });

  it('turns ALL CAPS and all lower case into title case, Vietnamese letters included', () => {
    expect(value(parseFullName('NGUYỄN VĂN AN'))).toBe('Nguyễn Văn An');
    expect(value(parseFullName('ĐỖ THỊ ÚT'))).toBe('Đỗ Thị Út');
    expect(value(parseFullName('ỨNG ƯNG ỄNH'))).toBe('Ứng Ưng Ễnh');
    expect(value(parseFullName("H'HEN NIÊ"))).toBe("H'Hen Niê");
    expect(value(parseFullName('lê thị hồng'))).toBe('Lê Thị Hồng');
  });

  it('leaves mixed case as typed', () => {
    expect(value(parseFullName('Nguyễn Thị McLean'))).toBe('Nguyễn Thị McLean');
  });

  it('needs two words of letters', () => {
    expect(value(parseFullName(''))).toBe('Thiếu họ và tên');
    expect(value(parseFullName('An'))).toBe('Họ và tên phải có ít nhất 2 từ (họ và tên): An');
    expect(value(parseFullName('Nguyễn Văn 2'))).toBe('Họ và tên không hợp lệ: Nguyễn Văn 2 (chỉ được gồm chữ cái)');
  });
});

describe('parseCitizenId', () => {
  it('keeps 12 and 9 digits and strips spaces, dots and dashes', () => {
    expect(value(parseCitizenId('038 085.001-234'))).toBe('038085001234');
    expect(value(parseCitizenId('012345678'))).toBe('012345678');
  });

  it('gives back the leading zeros a number cell lost', () => {
    expect(value(parseCitizenId(38085001234))).toBe('038085001234');
    expect(value(parseCitizenId(1085001234))).toBe('001085001234');
    expect(value(parseCitizenId(12345678))).toBe('012345678');
    expect(value(parseCitizenId(1.2e11))).toBe('120000000000');
    expect(value(parseCitizenId('38085001234'))).toBe('038085001234');
  });

  it('reports letters, exponent text and wrong lengths', () => {
    expect(value(parseCitizenId('03808500123A'))).toBe('Số CCCD chỉ được gồm chữ số');
    expect(value(parseCitizenId(38085001234.5))).toBe('Số CCCD chỉ được gồm chữ số');
    expect(value(parseCitizenId('3,80850E+11'))).toMatch(/số mũ/);
    expect(value(parseCitizenId('1234567'))).toBe('Số CCCD phải có 12 chữ số (hoặc 9 chữ số CMND cũ)');
    expect(value(parseCitizenId('1234567890123'))).toBe('Số CCCD phải có 12 chữ số (hoặc 9 chữ số CMND cũ)');
    expect(value(parseCitizenId(1e17))).toMatch(/Excel đã làm tròn/);
  });

  it('empty is null', () => {
    expect(value(parseCitizenId(null))).toBeNull();
    expect(value(parseCitizenId(' - '))).toBeNull();
  });

  it('any CCCD stripped of its leading zeros by a number cell reads back as the same 12 digits', () => {
    const cccd = fc
      .tuple(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([province, rest]) => String(province).padStart(3, '0') + String(rest).padStart(9, '0'));
    fc.assert(fc.property(cccd, (id) => value(parseCitizenId(Number(id))) === id));
  });

  it('any CCCD written with spaces, dots or dashes reads back the same', () => {
    const written = fc.array(fc.constantFrom('', '', ' ', '.', '-'), { minLength: 12, maxLength: 12 });
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, written, (id, seps) => {
        const text = [...id].map((digit, i) => digit + seps[i]).join('');
        return value(parseCitizenId(text)) === id;
      }),
    );
  });
});

describe('parseStaffId', () => {
  it('keeps leading zeros of text and reads number cells without exponent', () => {
    expect(value(parseStaffId('0123456'))).toBe('0123456');
    expect(value(parseStaffId(123456789012))).toBe('123456789012');
    expect(value(parseStaffId('MS-1234'))).toBe('Mã định danh chỉ được gồm chữ số');
    expect(value(parseStaffId('123'))).toBe('Mã định danh phải có từ 4 đến 20 chữ số');
  });
});

describe('vocabulary fields', () => {
  it.each([
    ['Nam', 'male'],
    ['Nữ', 'female'],
    ['nữ', 'female'],
    ['NỮ', 'female'],
    ['nu', 'female'],
    ['F', 'female'],
    ['M', 'male'],
    ['Female', 'female'],
    ['Male', 'male'],
  ])('gender %s', (text, gender) => {
    expect(value(parseGender(text))).toBe(gender);
  });

  it('gender: empty is null, anything else lists the allowed values', () => {
    expect(value(parseGender(''))).toBeNull();
    expect(value(parseGender('khác'))).toBe('Giới tính không hợp lệ: khác (chỉ nhận Nam, Nữ)');
  });

  it.each([
    ['Cán bộ quản lý', 'manager'],
    ['CBQL', 'manager'],
    ['Quản lý', 'manager'],
    ['Giáo viên', 'teacher'],
    ['GV', 'teacher'],
    ['Nhân viên', 'staff'],
    ['NV', 'staff'],
  ])('position: the category named itself (%s) keeps no title', (text, position) => {
    expect(value(parsePosition(text))).toEqual({ title: null, position });
  });

  it.each([
    ['Hiệu trưởng', 'manager'],
    ['Phó Hiệu trưởng', 'manager'],
    ['Phó Hiệu trưởng phụ trách chuyên môn', 'manager'],
    ['Giám đốc', 'manager'],
    ['Phó giám đốc', 'manager'],
    ['Trưởng phòng', 'manager'],
    ['Phó trưởng phòng GDTH', 'manager'],
    ['Giảng viên', 'teacher'],
    ['Giáo viên Tiếng Anh', 'teacher'],
    ['Tổ trưởng chuyên môn', 'teacher'],
    ['Tổ phó', 'teacher'],
    ['Giáo viên chủ nhiệm', 'teacher'],
    ['GVCN lớp 5A', 'teacher'],
    ['Tổng phụ trách Đội', 'teacher'],
    ['Kế toán', 'staff'],
    ['Kế toán trưởng', 'staff'],
    ['Văn thư', 'staff'],
    ['Văn thư – Thủ quỹ', 'staff'],
    ['Y tế', 'staff'],
    ['Thư viện', 'staff'],
    ['Bảo vệ', 'staff'],
    ['nhân viên kế toán', 'staff'],
    ['Chuyên viên', 'staff'],
    ['Nhân viên hợp đồng', 'staff'],
    ['Hợp đồng 68', 'staff'],
  ])('position: the title %s is kept as written and counted as %s', (text, position) => {
    expect(value(parsePosition(text))).toEqual({ title: text, position });
  });

  it('position: empty is a problem; a title the vocabulary does not know is kept with no category (never guessed)', () => {
    expect(value(parsePosition(null))).toBe('Thiếu chức vụ');
    expect(value(parsePosition('Tài xế'))).toEqual({ title: 'Tài xế', position: null });
  });

  it('position group: one of the three categories, named or abbreviated', () => {
    expect(value(parsePositionGroup('CBQL'))).toBe('manager');
    expect(value(parsePositionGroup('Giáo viên'))).toBe('teacher');
    expect(value(parsePositionGroup(''))).toBeNull();
    expect(value(parsePositionGroup('Tổ trưởng'))).toBe(
      'Nhóm chức vụ không hợp lệ: Tổ trưởng (chỉ nhận Cán bộ quản lý, Giáo viên, Nhân viên)',
    );
  });

  it.each([
    ['Mầm non', 'mam_non'],
    ['Tiểu học', 'tieu_hoc'],
    ['THCS', 'thcs'],
    ['Trung học cơ sở', 'thcs'],
    ['THPT', 'thpt'],
    ['Trung học phổ thông', 'thpt'],
    ['GDTX', 'gdtx'],
    ['GDNN-GDTX', 'gdtx'],
    ['Liên cấp', 'lien_cap'],
    ['TH&THCS', 'lien_cap'],
    ['THCS&THPT', 'lien_cap'],
    ['', null],
  ])('school level %s', (text, level) => {
    expect(value(parseSchoolLevel(text))).toBe(level);
  });

  it('school level: unknown is a problem', () => {
    expect(value(parseSchoolLevel('Đại học'))).toMatch(/^Cấp học không hợp lệ: Đại học/);
  });

  it.each([
    ['x', true],
    ['X', true],
    ['có', true],
    ['Có', true],
    ['1', true],
    ['Đảng viên', true],
    [true, true],
    [1, true],
    ['', false],
    [null, false],
    ['không', false],
    ['0', false],
    [false, false],
  ] as const)('party member %s', (cell, member) => {
    expect(value(parsePartyMember(cell))).toEqual({ member, joinedOn: null });
  });

  it('party member: a date in the column means a member who joined then', () => {
    expect(value(parsePartyMember('19/05/2012'))).toEqual({ member: true, joinedOn: '2012-05-19' });
    expect(value(parsePartyMember('chưa rõ'))).toMatch(/^Đảng viên không hợp lệ/);
  });

  it('theory level is normalised free text', () => {
    expect(parseTheoryLevel('  SƠ CẤP ')).toBe('Sơ cấp');
    expect(parseTheoryLevel('trung cap')).toBe('Trung cấp');
    expect(parseTheoryLevel('Đang học trung cấp')).toBe('Đang học trung cấp');
    expect(parseTheoryLevel(null)).toBeNull();
  });
});

describe('contact fields', () => {
  it('phone: digits kept, leading 0 restored for 9-digit numbers', () => {
    expect(value(parsePhone(912345678))).toBe('0912345678');
    expect(value(parsePhone('0912 345 678'))).toBe('0912345678');
    expect(value(parsePhone('0912.345.678'))).toBe('0912345678');
    expect(value(parsePhone('+84 912-345-678'))).toBe('+84912345678');
    expect(value(parsePhone('0237.3852.123'))).toBe('02373852123');
    expect(value(parsePhone(null))).toBeNull();
    expect(value(parsePhone('12345'))).toBe('Số điện thoại không hợp lệ: 12345 (cần 9–11 chữ số)');
    expect(value(parsePhone('0912345678 / 0987654321'))).toMatch(/^Số điện thoại không hợp lệ/);
  });

  it('email: lower-cased, checked', () => {
    expect(value(parseEmail(' An.Nguyen@Example.EDU.vn '))).toBe('an.nguyen@example.edu.vn');
    expect(value(parseEmail('mailto:an@example.vn'))).toBe('an@example.vn');
    expect(value(parseEmail('an@example'))).toBe('Email không hợp lệ: an@example');
    expect(value(parseEmail('an nguyen@example.vn'))).toMatch(/^Email không hợp lệ/);
    expect(value(parseEmail(''))).toBeNull();
  });
});

describe('parseExtraMinutes', () => {
  it('reads whole minutes written as a number, with a unit, or in hours; blank is 0', () => {
    for (const [cell, minutes] of [
      [30, 30],
      ['30', 30],
      ['30 phút', 30],
      ["15'", 15],
      ['45p', 45],
      ['1 giờ', 60],
      ['1,5 giờ', 90],
      ['2h', 120],
      [0, 0],
      ['', 0],
      [null, 0],
      ['Không', 0],
      ['240', 240],
    ] as const) {
      expect(parseExtraMinutes(cell)).toEqual({ ok: true, value: minutes });
    }
  });

  it('says what is wrong, in Vietnamese, for anything else', () => {
    for (const cell of ['nửa giờ', -5, 12.5, 300, '5 giờ', 'x']) {
      const parsed = parseExtraMinutes(cell);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^Thời gian cộng thêm không hợp lệ: .+ \(ghi số phút từ 0 đến 240, ví dụ 30/);
    }
  });
});
