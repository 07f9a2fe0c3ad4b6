import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseRosterSheet } from '../../../domain/roster-import/parse-roster.ts';
import { NOT_XLSX_MESSAGE, readRosterWorkbook } from './xlsx-read.ts';
import { buildRosterTemplate, TEMPLATE_HEADER_ROW, TEMPLATE_TITLE } from './xlsx-template.ts';

const TODAY = new Date(Date.UTC(2026, 5, 1));
const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Chức vụ', 'Email', 'Điện thoại'];

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A sheet as offices send it: two merged title lines, a blank row, the header on row 4. */
function officeSheet(workbook: ExcelJS.Workbook, name = 'DS') {
  const sheet = workbook.addWorksheet(name);
  sheet.getCell('A1').value = 'UBND TỈNH THANH HOÁ';
  sheet.mergeCells('A1:H1');
  sheet.getCell('A2').value = { richText: [{ text: 'DANH SÁCH ', font: { bold: true } }, { text: 'CÁN BỘ, GIÁO VIÊN' }] };
  sheet.mergeCells('A2:H2');
  sheet.getRow(4).values = HEADER;
  return sheet;
}

describe('readRosterWorkbook', () => {
  it('reads values as plain cells, as Excel numbers the rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = officeSheet(workbook);
    sheet.getRow(5).values = [
      1,
      { richText: [{ text: 'NGUYỄN ', font: { bold: true } }, { text: 'VĂN AN' }] },
      new Date(Date.UTC(1985, 2, 15)),
      38085001234,
      { formula: 'CONCATENATE("Trường ","THCS Lê Lợi")', result: 'Trường THCS Lê Lợi' },
      'Giáo viên',
      { text: 'An@Example.vn', hyperlink: 'mailto:An@Example.vn' },
      912345678,
    ];
    sheet.getCell('C5').numFmt = 'dd/mm/yyyy';
    sheet.getRow(6).values = [2, 'Trần Thị Bình', { error: '#N/A' }, '001190000002', 'Trường THCS Lê Lợi', 'GV'];

    const rows = await readRosterWorkbook(await toBuffer(workbook));
    expect(rows.map((r) => r.excelRow)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0].cells).toEqual(Array(8).fill('UBND TỈNH THANH HOÁ'));
    expect(rows[1].cells[0]).toBe('DANH SÁCH CÁN BỘ, GIÁO VIÊN');
    expect(rows[2].cells).toEqual([]);
    expect(rows[4].cells).toEqual([
      1,
      'NGUYỄN VĂN AN',
      new Date(Date.UTC(1985, 2, 15)),
      38085001234,
      'Trường THCS Lê Lợi',
      'Giáo viên',
      'An@Example.vn',
      912345678,
    ]);
    expect(rows[5].cells[2]).toBeNull();

    const result = parseRosterSheet(rows, { today: TODAY });
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(4);
    expect(result.records[0]).toMatchObject({
      excelRow: 5,
      fullName: 'Nguyễn Văn An',
      birthDate: '1985-03-15',
      citizenId: '038085001234',
      unitName: 'Trường THCS Lê Lợi',
      position: 'teacher',
      email: 'an@example.vn',
      phone: '0912345678',
    });
    expect(result.records[1]).toMatchObject({ excelRow: 6, birthDate: null, citizenId: '001190000002' });
  });

  it('fills a unit merged down a column into every row, not a name merged across a row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS');
    sheet.getRow(1).values = ['Họ và tên', null, 'Số CCCD', 'Đơn vị', 'Chức vụ'];
    sheet.mergeCells('A1:B1');
    sheet.getRow(2).values = ['Nguyễn Văn', 'An', '001085000001', 'Trường A', 'GV'];
    sheet.getRow(3).values = ['Lê Thị Hoa', null, '001185000002', 'Trường B', 'GV'];
    sheet.mergeCells('A3:B3');
    sheet.getRow(4).values = ['Phạm Văn Tú', null, '001085000003', 'Trường C', 'GV'];
    sheet.getRow(5).values = ['Phạm Thị Hà', null, '001185000004', null, 'GV'];
    sheet.mergeCells('D4:D5');

    const rows = await readRosterWorkbook(await toBuffer(workbook));
    expect(rows[0].cells.slice(0, 2)).toEqual(['Họ và tên', 'Họ và tên']);
    expect(rows[2].cells.slice(0, 2)).toEqual(['Lê Thị Hoa', null]);
    expect(rows[4].cells[3]).toBe('Trường C');
    const result = parseRosterSheet(rows, { today: TODAY });
    expect(result.records.map((r) => [r.fullName, r.unitName])).toEqual([
      ['Nguyễn Văn An', 'Trường A'],
      ['Lê Thị Hoa', 'Trường B'],
      ['Phạm Văn Tú', 'Trường C'],
      ['Phạm Thị Hà', 'Trường C'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('picks the first sheet with a roster header', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').getCell('A1').value = 'Số liệu tháng 6';
    officeSheet(workbook, 'Danh sách').getRow(5).values = [1, 'Lê Thị Hoa', '01/02/1980', '001180000001', 'Trường A', 'GV'];
    const rows = await readRosterWorkbook(await toBuffer(workbook));
    expect(parseRosterSheet(rows, { today: TODAY }).records.map((r) => r.fullName)).toEqual(['Lê Thị Hoa']);
  });

  it('falls back to the first sheet when none has a header', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Một').getCell('B2').value = 'một';
    workbook.addWorksheet('Hai').getCell('A1').value = 'hai';
    const rows = await readRosterWorkbook(await toBuffer(workbook));
    expect(rows).toEqual([
      { excelRow: 1, cells: [] },
      { excelRow: 2, cells: [null, 'một'] },
    ]);
  });

  it('rejects files that are not .xlsx', async () => {
    const valid = await toBuffer(
      (() => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('A').getCell('A1').value = 1;
        return workbook;
      })(),
    );
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]);
    const samples = [
      Buffer.alloc(0),
      Buffer.from('Họ và tên,Đơn vị\nAn,Trường A\n'),
      xls,
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
      valid.subarray(0, Math.floor(valid.length / 2)),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]),
    ];
    for (const sample of samples) {
      await expect(readRosterWorkbook(sample)).rejects.toThrow(NOT_XLSX_MESSAGE);
    }
  });
});

describe('buildRosterTemplate', () => {
  it('parses with no problems and gives the two example rows', async () => {
    const rows = await readRosterWorkbook(await buildRosterTemplate());
    const result = parseRosterSheet(rows, { today: TODAY });
    expect(result.headerRow).toBe(TEMPLATE_HEADER_ROW);
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(2);
    expect(result.records).toMatchObject([
      { excelRow: 4, fullName: 'Nguyễn Văn An', staffId: '0100123456', citizenId: '038085001234', partyMember: true },
      { excelRow: 5, fullName: 'Trần Thị Bình', position: 'manager', schoolLevel: 'tieu_hoc', partyMember: false },
    ]);
  });

  it('has the title, a styled frozen header, text id columns and the guide sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRosterTemplate()) as unknown as ExcelJS.Buffer);
    const [list, guide] = workbook.worksheets;
    expect(list.getCell('A1').value).toBe(TEMPLATE_TITLE);
    expect(list.getRow(2).hasValues).toBe(false);
    const header = list.getRow(TEMPLATE_HEADER_ROW);
    expect(header.getCell(2).value).toBe('Họ và tên');
    expect(header.getCell(2).font?.bold).toBe(true);
    expect(header.getCell(2).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW });
    expect(list.getColumn(5).numFmt).toBe('@');
    expect(list.getColumn(6).numFmt).toBe('@');
    expect(list.getColumn(2).width).toBeGreaterThan(20);
    expect(guide.name).toBe('Hướng dẫn');
    const guideText = guide
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    for (const expected of [
      'Giới tính',
      'Nam hoặc Nữ',
      'Cán bộ quản lý, Giáo viên, Nhân viên',
      'Mầm non, Tiểu học, THCS',
      'dd/mm/yyyy',
      '"x"',
      '"Có"',
    ]) {
      expect(guideText).toContain(expected);
    }
  });
});

describe('readRosterWorkbook budgets', () => {
  /** A workbook whose one sheet is the given XML inside <sheetData>, and after it. */
  async function rawSheet(sheetData: string, after = ''): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${sheetData}</sheetData>${after}</worksheet>`);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
  const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Người ${r}</t></is></c></row>`;

  it('counts rows as they stream, and a row numbered past the limit is too many rows', async () => {
    const file = await rawSheet(Array.from({ length: 60 }, (_, i) => row(i + 1)).join(''));
    await expect(readRosterWorkbook(file, { limits: { rows: 50 } })).rejects.toThrow('Tệp có hơn 50 dòng; hãy tách theo đơn vị.');
    await expect(readRosterWorkbook(file, { limits: { rows: 60 } })).resolves.toHaveLength(60);
    await expect(readRosterWorkbook(await rawSheet(row(1_048_576)))).rejects.toThrow('Tệp có hơn 100.000 dòng');
  });

  it('counts the cells of merged ranges one by one (a range over the whole sheet is refused, not expanded)', async () => {
    const file = await rawSheet(row(1), '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>');
    await expect(readRosterWorkbook(file)).rejects.toThrow(
      'Tệp có hơn 3.000.000 ô dữ liệu (ô gộp tính từng ô); hãy xoá các cột, ô gộp thừa hoặc tách theo đơn vị.',
    );
    await expect(
      readRosterWorkbook(await rawSheet(row(1) + row(2), '<mergeCells><mergeCell ref="A1:C1"/></mergeCells>'), { limits: { cells: 3 } }),
    ).rejects.toThrow('Tệp có hơn 3 ô dữ liệu');
  });

  it('stops a sheet whose XML is over the byte budget while it inflates, and says what to do for a question file', async () => {
    const file = await rawSheet(row(1) + ' '.repeat(3 * 1024 * 1024));
    await expect(
      readRosterWorkbook(file, { limits: { sheetXmlBytes: 1024 * 1024 }, advice: 'hãy tách ngân hàng thành nhiều tệp' }),
    ).rejects.toThrow('Một trang tính của tệp Excel lớn hơn 1 MB sau khi giải nén; hãy tách ngân hàng thành nhiều tệp.');
  });

  it('refuses a DOCTYPE and XML it cannot read as not an .xlsx', async () => {
    await expect(readRosterWorkbook(await rawSheet('<!DOCTYPE x [<!ENTITY a "b">]>'))).rejects.toThrow(NOT_XLSX_MESSAGE);
    await expect(readRosterWorkbook(await rawSheet('<row r="1><c/>'))).rejects.toThrow(NOT_XLSX_MESSAGE);
  });
});
