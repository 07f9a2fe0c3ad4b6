import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../../test/builders.ts';
import { createTestEnv, describeEachDialect, login, ndjsonResult, uploadAs, type Session, type TestEnv } from '../../test/harness.ts';
import { findRootUnit } from '../units/repository.ts';

const GIFT = '::Câu 1:: Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo ban hành năm nào? { ~2011 =2013 ~2015 }\n';
const AIKEN = 'Ngày Nhà giáo Việt Nam là ngày nào?\nA. 20/10\nB. 20/11\nC. 19/5\nANSWER: B\n';

/** What Notepad writes for "Unicode" (UTF-16LE) and "Unicode big endian", with or without the BOM. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const body = Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le');
  if (order === 'be') body.swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), body]) : body);
}

/**
 * An OLE compound file as Word 97–2003 (.doc), Excel 97–2003 (.xls) or a password-protected .docx write it: the
 * 512-byte header, one FAT sector, then a directory sector naming the streams.
 */
function compoundFile(streams: string[]): Uint8Array {
  const sector = 512;
  const file = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 24); // minor version
  file.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 28); // byte order
  file.writeUInt16LE(9, 30); // sector shift
  file.writeUInt16LE(6, 32); // mini sector shift
  file.writeUInt32LE(1, 44); // FAT sectors
  file.writeUInt32LE(1, 48); // first directory sector
  file.writeUInt32LE(4096, 56); // mini stream cutoff
  file.writeUInt32LE(0xfffffffe, 60);
  file.writeUInt32LE(0xfffffffe, 68);
  file.writeUInt32LE(0, 76); // DIFAT[0] = sector 0
  for (let i = 1; i < 109; i++) file.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = sector;
  file.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  file.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
  for (let i = 2; i < 128; i++) file.writeUInt32LE(0xffffffff, fat + i * 4);
  ['Root Entry', ...streams].forEach((name, i) => {
    const entry = sector * 2 + i * 128;
    file.write(`${name}\0`, entry, 'utf16le');
    file.writeUInt16LE((name.length + 1) * 2, entry + 64);
    file.writeUInt8(i === 0 ? 5 : 2, entry + 66);
  });
  return new Uint8Array(file);
}

describeEachDialect('question files as offices save them', (dialect) => {
  let env: TestEnv;
  let organizer: Session;
  let bankId: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const root = (await findRootUnit(env.ctx.db))!;
    const o = await buildUser(env.ctx, { unit: root, roles: [{ role: 'organizer', unit: root }] });
    organizer = await login(env.app, o.username, o.password);
    bankId = (await organizer.request('POST', '/api/banks', { name: 'Ngân hàng hè 2026', unitId: root.id })).json().id;
  });
  afterAll(async () => env.close());

  const upload = (file: Uint8Array | string, fileName: string) =>
    uploadAs(env.app, organizer, `/api/banks/${bankId}/question-imports`, file, fileName);
  const refusal = async (file: Uint8Array | string, fileName: string) => {
    const res = await upload(file, fileName);
    expect(res.statusCode).toBe(200); // the preview streams its progress; the refusal is its last line
    return ndjsonResult(res).error;
  };
  const stored = async () => ({
    questions: (await env.ctx.db.selectFrom('questions').select('id').execute()).length,
    imports: (await env.ctx.db.selectFrom('question_imports').select('id').execute()).length,
  });

  it('reads a GIFT or Aiken file saved as UTF-16 with its BOM (Notepad\'s "Unicode")', async () => {
    const gift = ndjsonResult(await upload(utf16(GIFT, 'le', true), 'de-unicode.gift')).result;
    expect(gift.problems).toEqual([]);
    expect(gift.questions.map((q: { stem: string }) => q.stem)).toEqual([
      'Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo ban hành năm nào?',
    ]);
    const aiken = ndjsonResult(await upload(utf16(AIKEN, 'be', true), 'de-big-endian.txt')).result;
    expect(aiken.problems).toEqual([]);
    expect(aiken.questions[0]).toMatchObject({ stem: 'Ngày Nhà giáo Việt Nam là ngày nào?' });
    expect(aiken.questions[0].options.map((o: { text: string; correct: boolean }) => `${o.text}${o.correct ? '*' : ''}`)).toEqual([
      '20/10',
      '20/11*',
      '19/5',
    ]);
  });

  it('says how to save a UTF-16 file without BOM, or another encoding, as UTF-8, and keeps nothing', async () => {
    const before = await stored();
    expect(await refusal(utf16(GIFT, 'le', false), 'de.gift')).toEqual({
      code: 'utf16_text',
      message: 'Tệp "de.gift" là tệp văn bản mã UTF-16; hãy lưu lại dạng UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8).',
    });
    expect(await refusal(utf16(AIKEN, 'be', false), 'de.txt')).toMatchObject({ code: 'utf16_text' });
    const windows1258 = Buffer.from('Ng\xe0y Nh\xe0 gi\xe1o Vi\xd2t Nam?\r\nA. 20/10\r\nB. 20/11\r\nANSWER: B\r\n', 'latin1');
    expect(await refusal(windows1258, 'de-1258.txt')).toEqual({
      code: 'not_utf8',
      message: 'Tệp "de-1258.txt" không phải bảng mã ' + 'UTF-8 (có thể là TCVN3 hoặc Windows-1258); hãy lưu lại với bảng mã UTF-8.',
    });
    expect(await stored()).toEqual(before);
  });

  it('names an old .doc/.xls, a password-protected file or an RTF under a new name, and keeps nothing', async () => {
    const before = await stored();
    expect(await refusal(compoundFile(['WordDocument', '1Table', '\u0005SummaryInformation']), 'de-cuong.docx')).toEqual({
      code: 'old_word_file',
      message: 'Tệp "de-cuong.docx" là định dạng Word cũ (.doc); hãy mở bằng Word và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word).',
    });
    expect(await refusal(compoundFile(['Workbook', '\u0005SummaryInformation']), 'cau-hoi.xlsx')).toEqual({
      code: 'old_excel_file',
      message:
        'Tệp "cau-hoi.xlsx" là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel).',
    });
    expect(await refusal(compoundFile(['EncryptionInfo', 'EncryptedPackage']), 'de-mat-khau.docx')).toMatchObject({
      code: 'encrypted_office_file',
      message: expect.stringContaining('Tệp "de-mat-khau.docx" được đặt mật khẩu'),
    });
    const rtf =
      '{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}'
      + '\\pard C\\u226?u 1. Ng\\u224?y Nh\\u224? gi\\u225?o Vi\\u7879?t Nam?\\par A. 20/10\\par B. 20/11\\par}';
    expect(await refusal(rtf, 'de.docx')).toEqual({
      code: 'rtf_file',
      message:
        'Tệp "de.docx" là định dạng RTF, không phải .docx; hãy mở bằng Word và lưu lại dạng .docx (Tệp → Lưu thành → Tài liệu Word).',
    });
    expect(await refusal(compoundFile(['WordDocument']), 'de.gift')).toMatchObject({ code: 'old_word_file' });
    expect(await stored()).toEqual(before);
    const doc = await upload(compoundFile(['WordDocument']), 'de-cuong.doc');
    expect(doc.statusCode).toBe(400);
    expect(doc.json().message).toContain('Tệp .doc cũ: mở bằng Word và lưu lại dạng .docx');
  });
});
