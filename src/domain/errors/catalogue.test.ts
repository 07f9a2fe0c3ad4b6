import { describe, expect, it } from 'vitest';
import { CATALOGUE, errorMessage, errorStatus, isErrorCode, type ErrorCode, type ErrorParams } from './catalogue.ts';

/**
 * Parameters for every code's message, as a page would get them (field labels, names, dates already in Vietnamese).
 * Typed per code: a new code does not compile here until it has its sample. A list tries every branch of a message.
 */
const SAMPLES: { [C in ErrorCode]: ErrorParams<C> | ErrorParams<C>[] } = {
  invalid_request: [{ field: 'số mã đề' }, {}],
  bad_request: undefined,
  route_not_found: undefined,
  internal_error: undefined,
  database_unavailable: undefined,
  unauthenticated: undefined,
  bad_credentials: undefined,
  account_disabled: undefined,
  password_change_required: undefined,
  csrf_failed: undefined,
  forbidden: [{ action: 'xem nhật ký' }, {}],
  login_throttled: [
    { scope: 'account', minutes: 15, at: '08:15' },
    { scope: 'address', minutes: 3, at: '08:03' },
  ],
  weak_password: { reason: 'Mật khẩu cần ít nhất 8 ký tự' },
  same_password: undefined,
  wrong_current_password: undefined,
  invalid_date: [{ field: 'ngày bắt đầu' }, { field: 'ngày sinh hoạt' }],
  invalid_date_range: [
    { end: 'ngày kết thúc', start: 'ngày bắt đầu', sameDayAllowed: true },
    { end: 'ngày kết thúc dự kiến', start: 'ngày khai giảng dự kiến' },
  ],
  invalid_time: undefined,
  invalid_time_range: undefined,
  invalid_period: undefined,
  file_required: [{ file: 'tệp Excel' }, { file: 'ảnh' }],
  file_too_large: { maxMb: 20 },
  file_over_limit: { reason: 'Tệp có hơn 100.000 dòng; hãy tách theo đơn vị.' },
  file_too_complex: [
    { limit: 'memory', max: 48, advice: 'hãy tách theo đơn vị' },
    { limit: 'time', max: 30, advice: 'hãy tách theo đơn vị' },
  ],
  files_busy: undefined,
  invalid_xlsx: [{ reason: 'Tệp không phải là tệp Excel .xlsx hợp lệ.' }, {}],
  unsupported_question_file: undefined,
  unreadable_question_file: { reason: 'Dòng 3 thiếu đáp án đúng' },
  encrypted_office_file: { name: 'de-thi.docx' },
  old_excel_file: { name: 'danh-sach.xlsx' },
  old_word_file: { name: 'de-thi.docx' },
  rtf_file: { name: 'de-thi.docx' },
  pdf_file: { name: 'de-thi.docx' },
  office_file_as_text: { name: 'de-thi.txt' },
  web_page_as_docx: { name: 'de-thi.docx' },
  utf16_text: { name: 'de-thi.txt' },
  not_utf8: { name: 'de-thi.txt' },
  image_too_large: { name: 'anh.png' },
  not_an_image: { name: 'anh.png' },
  unsupported_material: { name: 'tai-lieu.exe' },
  unsupported_draft: { name: 'du-thao.txt' },
  import_not_found: undefined,
  import_done: undefined,
  import_expired: undefined,
  unit_not_found: undefined,
  unit_name_required: undefined,
  invalid_unit_code: undefined,
  unit_code_taken: { code: 'X99' },
  invalid_school_level: undefined,
  school_level_not_allowed: { kind: 'Phòng' },
  root_unit_required: [{ action: 'xóa' }, { action: 'ngừng hoạt động' }],
  root_unit_fixed: undefined,
  unit_move_cycle: undefined,
  unit_in_use: [{ uses: '3 người, 1 đơn vị trực thuộc' }, {}],
  person_not_found: undefined,
  invalid_person_field: { reason: 'Số CCCD chỉ được gồm chữ số' },
  person_id_taken: { label: 'Mã định danh', value: '0100000001' },
  person_identifier_required: undefined,
  user_not_found: undefined,
  invalid_role: undefined,
  grant_exists: { name: 'Lý Thị Nga', role: 'Giám sát', unit: 'Trường Tiểu học Hồng Phong' },
  grant_not_found: undefined,
  last_admin: undefined,
  self_disable: undefined,
  slips_already_issued: [
    { count: 1200, unit: 'Trường Tiểu học Hồng Phong', lastIssuedAt: '05/12/2026 08:00' },
    { count: 3, unit: 'Trường Tiểu học Hồng Phong' },
  ],
  too_many_slips: { count: 12000, max: 5000 },
  invalid_title: undefined,
  import_has_problems: undefined,
  units_not_confirmed: [
    { units: ['Trường Tiểu học A', 'Trường Tiểu học B'] },
    { units: ['A', 'B', 'C', 'D', 'E', 'F'].map((x) => `Trường Mầm non ${x}`) },
  ],
  bank_not_found: undefined,
  bank_name_required: undefined,
  invalid_bank_code: undefined,
  bank_code_taken: { code: 'NH-TL' },
  share_not_found: undefined,
  invalid_material_url: undefined,
  topic_not_found: undefined,
  topic_name_required: undefined,
  topic_exists: { owner: 'Ngân hàng', name: 'Nghị quyết 29-NQ/TW' },
  topic_in_use: { name: 'Nghị quyết 29-NQ/TW', questions: 2 },
  question_not_found: undefined,
  image_not_found: undefined,
  invalid_question: { problems: ['Câu hỏi không có nội dung', 'Câu hỏi cần ít nhất 2 phương án'] },
  invalid_tags: { reason: 'Nhãn "lịch sử…" dài quá 50 ký tự' },
  question_incomplete: { numbers: [1, 4], problems: ['Không tìm thấy đáp án đúng'] },
  nothing_chosen: undefined,
  assessment_not_found: undefined,
  title_required: undefined,
  invalid_window: undefined,
  invalid_bands: { reason: 'Mức điểm của các xếp loại phải khác nhau' },
  selection_count_mismatch: [
    { mode: 'fixed', chosen: 9, questionCount: 10 },
    { mode: 'rules', chosen: 10, questionCount: 50 },
  ],
  invalid_variant_count: undefined,
  no_participants: undefined,
  invitee_out_of_scope: undefined,
  assessment_published: [{ change: 'xóa' }, { change: 'đổi thời gian làm bài, số mã đề' }],
  population_frozen: { frozenAt: '05/12/2026 17:00', eligible: 12500 },
  already_published: undefined,
  not_published: { consequence: 'chưa có mã đề' },
  window_closed: undefined,
  bank_too_small: { problems: ['Quy tắc 1 cần 10 câu nhưng chuyên đề chỉ có 4 câu.'] },
  variant_not_found: { code: '103' },
  attempt_not_found: undefined,
  attempt_not_in_progress: undefined,
  attempt_in_progress: { name: 'Giàng Thị Dua' },
  attempt_not_submitted: undefined,
  attempt_voided: undefined,
  attempt_closed: [
    { why: 'submitted', at: '05/12/2026 08:40', answered: 8 },
    { why: 'voided' },
    { why: 'expired', at: '05/12/2026 08:45', answered: 30 },
  ],
  deadline_not_reached: { deadline: '05/12/2026 08:45' },
  not_open_yet: { opensAt: '05/12/2026 08:00' },
  assessment_closed: { closedAt: '05/12/2026 17:00' },
  attendance_required: { campaign: 'Bồi dưỡng chính trị hè 2026', percent: 80 },
  no_attempts_left: [{ allowed: 1 }, { allowed: 3 }],
  invalid_position: { question: 41 },
  invalid_choice: { question: 1, option: 7 },
  invalid_key: { question: 3, options: 4 },
  same_key: { question: 3, letter: 'B' },
  campaign_not_found: undefined,
  campaign_name_required: undefined,
  site_not_found: undefined,
  attempt_on_edge: [{ site: 'Trường THCS Mường Lát' }, {}],
  edge_unauthorised: undefined,
  edge_nothing_to_prepare: undefined,
  edge_not_found: undefined,
  edge_revoked: undefined,
  edge_has_attempts: { count: 3 },
  site_name_required: undefined,
  nobody_to_assign: undefined,
  session_not_found: undefined,
  session_has_attendance: undefined,
  participant_not_found: undefined,
  checkin_throttled: { minutes: 15 },
  checkin_code_not_found: undefined,
  checkin_not_open: { startsAt: '07:30' },
  checkin_closed: undefined,
  material_not_found: undefined,
  material_title_required: undefined,
  lecturer_not_found: undefined,
  lecturer_name_required: undefined,
  class_not_found: undefined,
  class_name_required: undefined,
  class_type_not_found: undefined,
  class_type_required: undefined,
  class_type_code_taken: { code: 'BDTX' },
  trainee_not_found: undefined,
  trainee_name_required: { row: 3 },
  event_not_found: undefined,
  event_name_required: undefined,
  invalid_half_day: undefined,
  invitee_not_found: undefined,
  meeting_not_found: undefined,
  not_a_party_cell: { unit: 'Trường Tiểu học Hồng Phong' },
  criteria_required: undefined,
  criteria_set_required: undefined,
  invalid_score: { reason: 'Điểm tiêu chí "Nội dung" phải từ 0 đến 25' },
  invalid_members: undefined,
  invalid_vote: undefined,
  topic_required: undefined,
  draft_not_found: undefined,
  network_error: undefined,
  timeout: undefined,
  aborted: undefined,
  incomplete_response: undefined,
  request_failed: { status: 418 },
  unexpected_error: undefined,
};

const CODES = Object.keys(CATALOGUE) as ErrorCode[];

function messagesOf(code: ErrorCode): string[] {
  const sample = SAMPLES[code] as unknown;
  const list = Array.isArray(sample) ? sample : [sample];
  return list.map((params) => (errorMessage as (c: ErrorCode, p?: unknown) => string)(code, params));
}

/** Letters only Vietnamese has (or that carry its tones): every message is written in Vietnamese. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** Internal identifiers: camelCase (variantCount), snake_case (staff_id), words from code or logs. */
const CAMEL = /\b[a-z]+[A-Z]\w*/;
const SNAKE = /\b[a-z0-9]+_[a-z0-9_]+\b/i;
const ENGLISH = /\b(invalid|null|undefined|NaN|error|required|not found|failed|object Object|true|false)\b/i;

describe('error catalogue', () => {
  it('gives every code a snake_case name and an HTTP status (0: made by the web client)', () => {
    for (const code of CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      const status = errorStatus(code);
      expect(status === 0 || (status >= 400 && status < 600), code).toBe(true);
    }
  });

  it.each(CODES)('%s: a Vietnamese sentence without internal names', (code) => {
    for (const message of messagesOf(code)) {
      expect(message.length, code).toBeGreaterThan(5);
      expect(message, code).toMatch(VIETNAMESE);
      expect(message, code).toMatch(/^[\p{Lu}\d"]/u);
      expect(message, code).toMatch(/[.!?…]$/);
      expect(message, code).not.toMatch(CAMEL);
      expect(message, code).not.toMatch(SNAKE);
      expect(message, code).not.toMatch(ENGLISH);
      expect(message, code).not.toMatch(/\$\{|\s{2}|\.\.(?!\.)/);
    }
  });

  it("keeps one wording per code: invalid_date names the field in the page's words", () => {
    expect(errorMessage('invalid_date', { field: 'ngày sinh hoạt' })).toBe('Ngày sinh hoạt không phải là một ngày hợp lệ.');
    expect(errorMessage('invalid_date_range', { end: 'ngày kết thúc', start: 'ngày bắt đầu', sameDayAllowed: true })).toBe(
      'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.',
    );
    expect(errorMessage('file_required', { file: 'tệp Excel' })).toBe('Chưa chọn tệp Excel.');
  });

  it('knows its codes', () => {
    expect(isErrorCode('unit_not_found')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});
