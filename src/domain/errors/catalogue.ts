/**
 * Every error code the server answers with (and the web makes itself), its HTTP status and its one Vietnamese
 * message. A message that names something (a row, a unit, a date field, a limit) is a function of typed parameters;
 * field names in parameters are the page's words (server/plugins/field-labels.ts), never the schema's.
 *
 * Pure data: the server (server/errors.ts `fail`), the CLI and the web (api/client.ts `ApiError.code`) import it.
 * To add an error: add its code here (snake_case, stable: the web switches on it), then `throw fail('code', params)`.
 * `catalogue.test.ts` checks every message is Vietnamese without internal names; `server/errors-scan.test.ts` fails
 * when a server file writes an error message outside this catalogue.
 */

type Message = string | ((params: never) => string);
interface Entry {
  status: number;
  message: Message;
}

/** First letter in upper case: a field label ("ngày bắt đầu") at the start of a sentence. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
const count = (n: number) => n.toLocaleString('vi-VN');
/** A sentence from a checker's phrase: capitalised, ending with a full stop. */
const sentence = (text: string) => capitalise(/[.!?…]$/.test(text) ? text : `${text}.`);

export const CATALOGUE = {
  // Requests, sessions, permissions
  invalid_request: {
    status: 400,
    message: (p: { field?: string }) =>
      p.field ? `Dữ liệu không hợp lệ ở trường "${p.field}".` : 'Dữ liệu gửi lên không hợp lệ. Hãy tải lại trang rồi thử lại.',
  },
  bad_request: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  route_not_found: { status: 404, message: 'Không tìm thấy địa chỉ yêu cầu.' },
  internal_error: { status: 500, message: 'Lỗi máy chủ. Vui lòng thử lại sau.' },
  database_unavailable: {
    status: 503,
    message: 'Máy chủ tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu đã lưu không bị mất; ' + 'vui lòng thử lại sau ít phút.',
  },
  unauthenticated: { status: 401, message: 'Vui lòng đăng nhập.' },
  bad_credentials: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  account_disabled: { status: 403, message: 'Tài khoản đã bị khóa. Liên hệ quản trị đơn vị.' },
  password_change_required: { status: 403, message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.' },
  csrf_failed: { status: 403, message: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.' },
  /** `action`: what was refused, as a verb phrase ("xem nhật ký"). */
  forbidden: { status: 403, message: (p: { action?: string } = {}) => `Bạn không có quyền ${p.action ?? 'thực hiện thao tác này'}.` },
  login_throttled: {
    status: 429,
    message: (p: { scope: 'account' | 'address'; minutes: number; at: string }) => {
      const when = `Vui lòng thử lại sau ${p.minutes} phút (lúc ${p.at}).`;
      return p.scope === 'account'
        ? `Tài khoản tạm khoá vì nhập sai mật khẩu quá nhiều lần. ${when}`
        : `Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. ${when} Nếu cả đơn vị dùng chung một đường mạng, hãy báo `
            + 'người quản trị hệ thống.';
    },
  },
  weak_password: { status: 400, message: (p: { reason: string }) => sentence(p.reason) },
  same_password: { status: 400, message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  wrong_current_password: { status: 400, message: 'Mật khẩu hiện tại không đúng.' },

  // Dates and times (the field in the page's words: FIELD_LABELS)
  invalid_date: { status: 400, message: (p: { field: string }) => `${capitalise(p.field)} không phải là một ngày hợp lệ.` },
  invalid_date_range: {
    status: 400,
    message: (p: { end: string; start: string; sameDayAllowed?: boolean }) =>
      `${capitalise(p.end)} phải sau ${p.sameDayAllowed ? 'hoặc trùng ' : ''}${p.start}.`,
  },
  invalid_time: { status: 400, message: 'Giờ phải có dạng HH:MM, ví dụ 07:30.' },
  invalid_time_range: { status: 400, message: 'Giờ kết thúc phải sau giờ bắt đầu.' },
  invalid_period: { status: 400, message: 'Năm (2000–2100) hoặc quý (1–4) không hợp lệ.' },

  // Uploaded files
  /** `file`: what should have been chosen ("tệp Excel", "ảnh"). */
  file_required: { status: 400, message: (p: { file: string }) => `Chưa chọn ${p.file}.` },
  file_too_large: { status: 413, message: (p: { maxMb: number }) => `Tệp quá lớn (tối đa ${count(p.maxMb)} MB).` },
  /** `reason`: the budget's own sentence (domain/files/limits.ts). */
  file_over_limit: { status: 413, message: (p: { reason: string }) => sentence(p.reason) },
  file_too_complex: {
    status: 413,
    message: (p: { limit: 'memory' | 'time'; max: number; advice: string }) =>
      p.limit === 'memory'
        ? `Tệp quá lớn hoặc quá phức tạp: việc đọc tệp vượt giới hạn bộ nhớ (${p.max} MB) nên đã bị dừng; ${p.advice}.`
        : `Tệp quá lớn hoặc quá phức tạp: việc đọc tệp quá ${p.max} giây nên đã bị dừng; ${p.advice}.`,
  },
  files_busy: { status: 503, message: 'Máy chủ đang xử lý tệp khác, vui lòng thử lại sau ít phút.' },
  invalid_xlsx: {
    status: 400,
    message: (p: { reason?: string } = {}) =>
      p.reason ? sentence(p.reason) : 'Chỉ nhận tệp Excel .xlsx (nếu là .xls, hãy mở bằng Excel và lưu lại dạng .xlsx).',
  },
  unsupported_question_file: {
    status: 400,
    message: 'Chỉ nhận tệp Word .docx, Excel .xlsx, GIFT (.gift) hoặc Aiken (.txt). ' + 'Tệp .doc cũ: mở bằng Word và lưu lại dạng .docx.',
  },
  unreadable_question_file: { status: 400, message: (p: { reason: string }) => sentence(p.reason) },
  encrypted_office_file: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" được đặt mật khẩu; hãy mở bằng Word hoặc ` + 'Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ) rồi lưu lại và tải lên.',
  },
  old_excel_file: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" là định dạng Excel cũ (.xls); hãy mở bằng Excel ` + 'và lưu lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel).',
  },
  old_word_file: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" là định dạng Word cũ (.doc); hãy mở bằng Word ` + 'và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word).',
  },
  rtf_file: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" là định dạng RTF, không phải .docx; hãy mở bằng Word ` + 'và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word).',
  },
  pdf_file: {
    status: 400,
    message: (p: { name: string }) => `Tệp "${p.name}" là tệp PDF; không đọc được câu hỏi từ PDF, hãy tải lên tệp Word .docx gốc.`,
  },
  office_file_as_text: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" là tệp Word hoặc Excel, không phải tệp ` + 'văn bản; hãy tải lên với đúng đuôi .docx hoặc .xlsx.',
  },
  web_page_as_docx: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" là trang web hoặc XML lưu từ Word, không phải `
      + '.docx; hãy mở bằng Word và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word).',
  },
  utf16_text: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" là tệp văn bản mã UTF-16; hãy lưu lại dạng UTF-8 ` + '(trong Notepad: Lưu thành → Mã hóa: UTF-8).',
  },
  not_utf8: {
    status: 400,
    message: (p: { name: string }) =>
      `Tệp "${p.name}" không phải bảng mã UTF-8 (có thể là TCVN3 hoặc ` + 'Windows-1258); hãy lưu lại với bảng mã UTF-8.',
  },
  image_too_large: { status: 413, message: (p: { name: string }) => `Ảnh "${p.name}" lớn hơn 2 MB. Hãy thu nhỏ ảnh rồi tải lên lại.` },
  not_an_image: { status: 400, message: (p: { name: string }) => `Tệp "${p.name}" không phải là ảnh PNG, JPEG, GIF hoặc WebP.` },
  unsupported_material: {
    status: 415,
    message: (p: { name: string }) =>
      'Chỉ nhận tài liệu PDF, Word (.docx), PowerPoint (.pptx), '
      + `Excel (.xlsx) hoặc ảnh (PNG, JPEG, GIF, WebP); tệp "${p.name}" không phải loại này.`,
  },
  unsupported_draft: {
    status: 415,
    message: (p: { name: string }) => `Dự thảo báo cáo phải là tệp PDF hoặc Word (.docx); tệp "${p.name}" không phải.`,
  },
  import_not_found: { status: 404, message: 'Không tìm thấy lượt nhập này.' },
  import_done: { status: 409, message: 'Lượt nhập này đã được ghi rồi; hãy tải tệp lên lại nếu muốn nhập tiếp.' },
  import_expired: { status: 409, message: 'Bản xem trước đã quá 24 giờ; hãy tải tệp lên lại.' },

  // Units, people, accounts
  unit_not_found: { status: 404, message: 'Không tìm thấy đơn vị.' },
  unit_name_required: { status: 400, message: 'Tên đơn vị không được để trống.' },
  invalid_unit_code: { status: 400, message: 'Mã đơn vị chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang.' },
  unit_code_taken: { status: 409, message: (p: { code: string }) => `Mã đơn vị ${p.code} đã được dùng.` },
  invalid_school_level: { status: 400, message: 'Cấp học không hợp lệ.' },
  school_level_not_allowed: { status: 400, message: (p: { kind: string }) => `Đơn vị loại "${p.kind}" không có cấp học.` },
  /** `action`: "ngừng hoạt động", "xóa". */
  root_unit_required: { status: 400, message: (p: { action: string }) => `Không thể ${p.action} đơn vị gốc.` },
  root_unit_fixed: { status: 400, message: 'Không thể chuyển đơn vị gốc.' },
  unit_move_cycle: { status: 400, message: 'Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.' },
  /** `uses`: what still refers to the unit ("3 người, 1 đơn vị trực thuộc"); none known when another request got there first. */
  unit_in_use: {
    status: 409,
    message: (p: { uses?: string } = {}) =>
      p.uses
        ? `Không thể xóa: đơn vị còn ${p.uses}. Nếu không dùng nữa, hãy chuyển đơn vị sang "Ngừng hoạt động".`
        : 'Không thể xóa: đơn vị vừa được dùng ở nơi khác. Hãy tải lại trang và thử lại.',
  },
  person_not_found: { status: 404, message: 'Không tìm thấy người này.' },
  /** `reason`: the field check's own phrase (domain/person-fields.ts), which names the field. */
  invalid_person_field: { status: 400, message: (p: { reason: string }) => sentence(p.reason) },
  person_id_taken: { status: 409, message: (p: { label: string; value: string }) => `${p.label} ${p.value} đã được dùng cho người khác.` },
  person_identifier_required: { status: 400, message: 'Cần ít nhất Mã định danh hoặc Số CCCD.' },
  user_not_found: { status: 404, message: 'Không tìm thấy tài khoản.' },
  invalid_role: { status: 400, message: 'Vai trò không hợp lệ.' },
  grant_exists: {
    status: 409,
    message: (p: { name: string; role: string; unit: string }) => `${p.name} đã có vai trò ${p.role} tại ${p.unit}.`,
  },
  grant_not_found: { status: 404, message: 'Không tìm thấy quyền này.' },
  last_admin: { status: 409, message: 'Không thể thu hồi quyền của quản trị viên cuối cùng.' },
  self_disable: { status: 400, message: 'Không thể tự khóa tài khoản của mình.' },
  slips_already_issued: {
    status: 409,
    message: (p: { count: number; unit: string; lastIssuedAt?: string }) =>
      `${count(p.count)} tài khoản chưa đăng nhập của ${p.unit} đều đã có phiếu`
      + `${p.lastIssuedAt ? ` (lần gần nhất lúc ${p.lastIssuedAt})` : ''}; phiếu đã in vẫn dùng được. Nếu phiếu bị thất lạc, `
      + 'chọn "Cấp lại mật khẩu ban đầu".',
  },
  too_many_slips: {
    status: 400,
    message: (p: { count: number; max: number }) =>
      `Đơn vị có ${count(p.count)} tài khoản chưa đăng ` + `nhập; hãy in theo từng đơn vị cấp dưới (tối đa ${count(p.max)} phiếu mỗi lần).`,
  },
  invalid_title: { status: 400, message: 'Chức vụ cần xếp nhóm không hợp lệ.' },
  import_has_problems: { status: 400, message: 'Dữ liệu đã thay đổi kể từ lúc xem trước; không ghi dòng nào. Hãy kiểm tra lại.' },
  units_not_confirmed: {
    status: 409,
    message: (p: { units: string[] }) =>
      `Tệp sẽ tạo mới ${p.units.length} đơn vị chưa được xác `
      + `nhận: ${p.units.slice(0, 5).join('; ')}${p.units.length > 5 ? '; …' : ''}. Hãy kiểm tra tên đơn vị trong bản xem trước và `
      + 'xác nhận tạo mới; không ghi dòng nào.',
  },

  // Question banks and questions
  bank_not_found: { status: 404, message: 'Không tìm thấy ngân hàng câu hỏi.' },
  bank_name_required: { status: 400, message: 'Tên ngân hàng câu hỏi không được để trống.' },
  invalid_bank_code: { status: 400, message: 'Mã ngân hàng chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang.' },
  bank_code_taken: { status: 409, message: (p: { code: string }) => `Mã ngân hàng ${p.code} đã được dùng.` },
  share_not_found: { status: 404, message: 'Không tìm thấy lượt chia sẻ này.' },
  invalid_material_url: { status: 400, message: 'Đường dẫn tài liệu phải bắt đầu bằng http:// hoặc https://.' },
  topic_not_found: { status: 404, message: 'Không tìm thấy chuyên đề.' },
  topic_name_required: { status: 400, message: 'Tên chuyên đề không được để trống.' },
  /** `owner`: "Ngân hàng", "Đợt bồi dưỡng". */
  topic_exists: { status: 409, message: (p: { owner: string; name: string }) => `${p.owner} đã có chuyên đề "${p.name}".` },
  topic_in_use: {
    status: 409,
    message: (p: { name: string; questions: number }) =>
      `Không xóa được chuyên đề "${p.name}" vì còn `
      + `${count(p.questions)} câu hỏi. Hãy chuyển các câu hỏi sang chuyên đề khác hoặc xóa chúng trước.`,
  },
  question_not_found: { status: 404, message: 'Không tìm thấy câu hỏi.' },
  image_not_found: { status: 404, message: 'Không tìm thấy ảnh.' },
  /** `problems`: the editor's checks (domain/question-bank/validate.ts), each a sentence without its full stop. */
  invalid_question: { status: 400, message: (p: { problems: string[] }) => `${p.problems.join('. ')}.` },
  invalid_tags: { status: 400, message: (p: { reason: string }) => sentence(p.reason) },
  question_incomplete: {
    status: 400,
    message: (p: { numbers: number[]; problems: string[] }) =>
      `Không thể nhập câu ` + `${p.numbers.join(', ')}: ${p.problems.join('; ').toLowerCase()}. Bỏ chọn hoặc sửa tệp.`,
  },
  nothing_chosen: { status: 400, message: 'Chưa chọn câu hỏi nào để nhập.' },

  // Assessments, the exam, statistics
  assessment_not_found: { status: 404, message: 'Không tìm thấy bài khảo sát.' },
  title_required: { status: 400, message: 'Tên bài khảo sát không được để trống.' },
  invalid_window: { status: 400, message: 'Thời điểm đóng bài phải sau thời điểm mở bài.' },
  invalid_bands: { status: 400, message: (p: { reason: string }) => sentence(p.reason) },
  selection_count_mismatch: {
    status: 400,
    message: (p: { mode: 'fixed' | 'rules'; chosen: number; questionCount: number }) =>
      p.mode === 'fixed'
        ? `Đã chọn ${p.chosen} câu hỏi nhưng số câu của bài là ${p.questionCount}.`
        : `Tổng số câu của các quy tắc chọn là ${p.chosen}, khác số câu của bài (${p.questionCount}).`,
  },
  invalid_variant_count: { status: 400, message: 'Cần ít nhất một mã đề.' },
  no_participants: { status: 400, message: 'Chưa có ai phải làm bài: hãy chọn ít nhất một đơn vị hoặc một người.' },
  invitee_out_of_scope: { status: 400, message: 'Có người trong danh sách mời không thuộc phạm vi quản lý của bạn.' },
  /** `change`: what a published assessment refuses ("xóa", "đổi số mã đề"). */
  assessment_published: { status: 409, message: (p: { change: string }) => `Bài khảo sát đã phát hành nên không thể ${p.change}.` },
  population_frozen: {
    status: 409,
    message: (p: { frozenAt: string; eligible: number }) =>
      `Bài khảo sát đã đóng và số liệu chính `
      + `thức đã chốt lúc ${p.frozenAt} (${count(p.eligible)} người phải làm) nên không thể đổi thời gian đóng bài.`,
  },
  already_published: { status: 409, message: 'Bài khảo sát đã được phát hành.' },
  /** `consequence`: what is missing because of it ("chưa có mã đề"). */
  not_published: { status: 409, message: (p: { consequence: string }) => `Bài khảo sát chưa phát hành nên ${p.consequence}.` },
  window_closed: { status: 400, message: 'Thời điểm đóng bài đã qua: hãy sửa thời gian mở bài trước khi phát hành.' },
  bank_too_small: { status: 400, message: (p: { problems: string[] }) => `Không thể tạo đề: ${p.problems.join(' ')}` },
  variant_not_found: { status: 404, message: (p: { code: string }) => `Không tìm thấy mã đề ${p.code}.` },
  attempt_not_found: { status: 404, message: 'Không tìm thấy bài làm.' },
  attempt_not_in_progress: { status: 409, message: 'Chỉ gia hạn được bài đang làm; bài đã nộp thì dùng "Mở lại bài".' },
  attempt_in_progress: {
    status: 409,
    message: (p: { name: string }) =>
      `${p.name} đang làm bài; thời gian cộng thêm chỉ đặt được ` + 'trước khi bắt đầu. Hãy dùng "Gia hạn thời gian".',
  },
  attempt_not_submitted: { status: 409, message: 'Chỉ mở lại được bài đã nộp.' },
  attempt_voided: { status: 409, message: 'Bài làm này đã bị hủy.' },
  /** Why an attempt takes no more answers; `at`: the submission or the deadline; `answered`: what the server counted. */
  attempt_closed: {
    status: 409,
    message: (p: { why: 'submitted' | 'voided' | 'expired'; at?: string; answered?: number }) => {
      const counted = `Máy chủ đã ghi nhận ${p.answered ?? 0} câu trả lời của bạn.`;
      if (p.why === 'voided') return 'Bài làm đã bị hủy; câu trả lời này không được lưu.';
      return p.why === 'submitted' ? `Bài làm đã được nộp lúc ${p.at}. ${counted}` : `Đã hết giờ làm bài (${p.at}). ${counted}`;
    },
  },
  deadline_not_reached: {
    status: 409,
    message: (p: { deadline: string }) =>
      `Chưa hết giờ làm bài: hạn nộp là ${p.deadline} theo ` + 'đồng hồ máy chủ. Bài làm chưa được nộp; các câu trả lời đã được lưu.',
  },
  not_open_yet: { status: 409, message: (p: { opensAt: string }) => `Bài khảo sát mở lúc ${p.opensAt}.` },
  assessment_closed: { status: 409, message: (p: { closedAt: string }) => `Bài khảo sát đã đóng lúc ${p.closedAt}.` },
  attendance_required: {
    status: 409,
    message: (p: { campaign: string; percent: number }) =>
      `Bạn chưa đủ điều kiện làm bài: đợt `
      + `"${p.campaign}" yêu cầu tham dự ít nhất ${p.percent}% số buổi học tại điểm cầu của mình. Liên hệ ban tổ chức nếu có sai sót.`,
  },
  no_attempts_left: {
    status: 409,
    message: (p: { allowed: number }) => (p.allowed === 1 ? 'Bạn đã làm bài khảo sát này.' : `Bạn đã dùng hết ${p.allowed} lần làm bài.`),
  },
  invalid_position: { status: 400, message: (p: { question: number }) => `Bài làm không có câu ${p.question}.` },
  invalid_choice: {
    status: 400,
    message: (p: { question: number; option: number }) => `Câu ${p.question} không có phương án thứ ${p.option}.`,
  },
  invalid_key: { status: 400, message: (p: { question: number; options: number }) => `Câu ${p.question} chỉ có ${p.options} phương án.` },
  same_key: { status: 409, message: (p: { question: number; letter: string }) => `Đáp án câu ${p.question} đã là ${p.letter}.` },

  /** The person's attempt at this survey lives on a site's edge server (edges/lease rule in README). */
  attempt_on_edge: {
    status: 409,
    message: (p: { site?: string } = {}) =>
      `Bài khảo sát của bạn được làm tại máy chủ điểm cầu${p.site ? ` "${p.site}"` : ''}. `
      + 'Hãy làm bài tại điểm cầu; câu trả lời và điểm sẽ về máy chủ tỉnh khi điểm cầu đồng bộ.',
  },
  edge_unauthorised: { status: 401, message: 'Máy chủ điểm cầu này chưa được chuẩn bị hoặc đã bị thu hồi: hãy chuẩn bị lại máy.' },
  edge_nothing_to_prepare: {
    status: 409,
    message: 'Điểm cầu không có học viên nào cần làm bài khảo sát đang mở hoặc sắp mở (hoặc mọi người đã bắt đầu làm trên máy chủ tỉnh).',
  },
  edge_not_found: { status: 404, message: 'Không tìm thấy máy chủ điểm cầu.' },
  edge_revoked: {
    status: 409,
    message:
      'Máy chủ điểm cầu này đã được ban tổ chức thu hồi nên không nhận bài làm mới. Hãy báo giám sát điểm cầu; '
      + 'bạn có thể làm bài trên máy chủ tỉnh.',
  },
  edge_has_attempts: {
    status: 409,
    message: (p: { count: number }) =>
      `Máy chủ điểm cầu đã gửi lên ${count(p.count)} bài làm; chỉ trả về tỉnh được người chưa bắt đầu làm.`,
  },

  // Training: campaigns, sites, attendance, materials, lecturers, classes, events, cell meetings
  campaign_not_found: { status: 404, message: 'Không tìm thấy đợt bồi dưỡng.' },
  campaign_name_required: { status: 400, message: 'Tên đợt bồi dưỡng không được để trống.' },
  site_not_found: { status: 404, message: 'Không tìm thấy điểm cầu.' },
  site_name_required: { status: 400, message: 'Tên điểm cầu không được để trống.' },
  nobody_to_assign: { status: 400, message: 'Không có ai để xếp vào điểm cầu (đơn vị không có người đang làm việc?).' },
  session_not_found: { status: 404, message: 'Không tìm thấy buổi học.' },
  session_has_attendance: { status: 409, message: 'Buổi này đã có điểm danh nên không xóa được; hãy sửa ngày giờ nếu lịch thay đổi.' },
  participant_not_found: { status: 404, message: 'Không tìm thấy học viên này trong danh sách điểm cầu.' },
  checkin_throttled: {
    status: 429,
    message: (p: { minutes: number }) =>
      `Bạn đã nhập sai mã điểm danh quá nhiều lần. Vui lòng thử ` + `lại sau ${p.minutes} phút hoặc nhờ giám sát điểm cầu điểm danh.`,
  },
  checkin_code_not_found: { status: 404, message: 'Không tìm thấy buổi học có mã điểm danh này; kiểm tra lại mã trên màn hình.' },
  checkin_not_open: { status: 409, message: (p: { startsAt: string }) => `Chưa đến giờ điểm danh: buổi học bắt đầu lúc ${p.startsAt}.` },
  checkin_closed: { status: 409, message: 'Buổi học đã kết thúc, không thể tự điểm danh; liên hệ giám sát điểm cầu.' },
  material_not_found: { status: 404, message: 'Không tìm thấy tài liệu.' },
  material_title_required: { status: 400, message: 'Tên tài liệu không được để trống.' },
  lecturer_not_found: { status: 404, message: 'Không tìm thấy giảng viên, báo cáo viên này.' },
  lecturer_name_required: { status: 400, message: 'Họ và tên báo cáo viên: cần cả họ và tên.' },
  class_not_found: { status: 404, message: 'Không tìm thấy lớp bồi dưỡng.' },
  class_name_required: { status: 400, message: 'Tên lớp không được để trống.' },
  class_type_not_found: { status: 404, message: 'Không tìm thấy loại lớp.' },
  class_type_required: { status: 400, message: 'Loại lớp cần có cả mã và tên.' },
  class_type_code_taken: { status: 409, message: (p: { code: string }) => `Mã loại lớp ${p.code} đã được dùng.` },
  trainee_not_found: { status: 404, message: 'Không tìm thấy học viên.' },
  trainee_name_required: { status: 400, message: (p: { row: number }) => `Dòng ${p.row}: họ và tên học viên cần cả họ và tên.` },
  event_not_found: { status: 404, message: 'Không tìm thấy hội nghị, lớp tập huấn.' },
  event_name_required: { status: 400, message: 'Tên hội nghị, lớp tập huấn không được để trống.' },
  invalid_half_day: { status: 400, message: 'Buổi này không thuộc thời gian của hội nghị, lớp tập huấn.' },
  invitee_not_found: { status: 404, message: 'Không tìm thấy người này trong danh sách mời.' },
  meeting_not_found: { status: 404, message: 'Không tìm thấy buổi sinh hoạt chuyên đề.' },
  not_a_party_cell: { status: 400, message: (p: { unit: string }) => `${p.unit} không phải là chi bộ.` },
  criteria_required: { status: 400, message: 'Bộ tiêu chí cần tên và ít nhất một tiêu chí có tên.' },
  criteria_set_required: { status: 400, message: 'Chọn bộ tiêu chí trước khi chấm điểm.' },
  invalid_score: { status: 400, message: (p: { reason: string }) => sentence(p.reason) },
  invalid_members: { status: 400, message: 'Số đảng viên có mặt không thể lớn hơn tổng số đảng viên.' },
  invalid_vote: { status: 400, message: 'Tổng số phiếu biểu quyết lớn hơn số đảng viên có mặt.' },
  topic_required: { status: 400, message: 'Chuyên đề sinh hoạt không được để trống.' },
  draft_not_found: { status: 404, message: 'Không tìm thấy dự thảo báo cáo.' },

  // Made by the web client itself (api/client.ts), never sent by the server
  network_error: { status: 0, message: 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.' },
  timeout: { status: 0, message: 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.' },
  aborted: { status: 0, message: 'Đã hủy tải lên.' },
  incomplete_response: { status: 0, message: 'Máy chủ ngắt kết nối trước khi xử lý xong. Vui lòng thử lại.' },
  request_failed: { status: 0, message: (p: { status: number }) => `Yêu cầu không thành công (mã ${p.status}).` },
  unexpected_error: { status: 0, message: 'Đã có lỗi xảy ra. Vui lòng thử lại.' },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof CATALOGUE;

type MessageOf<C extends ErrorCode> = (typeof CATALOGUE)[C]['message'];
/** The parameters of a code's message; `undefined` for a fixed message. */
export type ErrorParams<C extends ErrorCode> = MessageOf<C> extends (params: infer P) => string ? P : undefined;
/** Codes whose message needs no parameter (a fixed message, or one whose parameters are all optional). */
export type PlainErrorCode = { [C in ErrorCode]: undefined extends ErrorParams<C> ? C : never }[ErrorCode];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(CATALOGUE, code);
}

export function errorStatus(code: ErrorCode): number {
  return CATALOGUE[code].status;
}

/** The Vietnamese message of a code with its parameters. */
export function errorMessage<C extends ErrorCode>(
  code: C,
  ...[params]: undefined extends ErrorParams<C> ? [params?: ErrorParams<C>] : [params: ErrorParams<C>]
): string {
  const message: Message = CATALOGUE[code].message;
  return typeof message === 'string' ? message : (message as (p: unknown) => string)(params ?? {});
}
