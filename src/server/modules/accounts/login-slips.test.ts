import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeLoginSlipsPdf } from './login-slips-pdf.ts';
import { writeLoginSlipsXlsx, type LoginSlip, type LoginSlipsInput } from './login-slips-xlsx.ts';

const HEADERS = ['STT', 'Họ và tên', 'Đơn vị', 'Tên đăng nhập', 'Mật khẩu ban đầu', 'Ký nhận'];
const HEADER_ROW = 7;
const LONG_UNIT = 'Trường Trung học cơ sở và Trung học phổ thông Nguyễn Bỉnh Khiêm, xã Hòa Thắng, tỉnh Lâm Đồng';

function slip(i: number): LoginSlip {
  return {
    fullName: i === 0 ? 'Nguyễn Thị Ánh Tuyết' : `Trần Văn Đức ${i}`,
    unitName: i === 1 ? LONG_UNIT : 'Trường Tiểu học Phú Lạc',
    username: `001085012${String(i).padStart(3, '0')}`,
    initialPassword: i === 0 ? 'k7mq2xra' : `pw${String(i).padStart(6, '0')}`,
  };
}

const input: LoginSlipsInput = {
  unitName: 'Phòng Giáo dục và Đào tạo Tuy Phong',
  siteUrl: 'http://localhost:3000',
  generatedAt: new Date('2026-06-01T17:30:00Z'), // 02/06/2026 in Vietnam
  slips: Array.from({ length: 23 }, (_, i) => slip(i)),
};

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe('writeLoginSlipsXlsx', () => {
  it('lists every account with text usernames and passwords, a note and a frozen header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeLoginSlipsXlsx(input)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Phiếu đăng nhập');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getCell('A1').value).toBe('PHIẾU ĐĂNG NHẬP HỆ THỐNG BỒI DƯỠNG');
    expect(sheet.getCell('A2').value).toBe('Phòng Giáo dục và Đào tạo Tuy Phong');
    const titles = [3, 4, 5].map((r) => String(sheet.getCell(`A${r}`).value)).join('\n');
    expect(titles).toContain('http://localhost:3000');
    expect(titles).toContain('Đổi mật khẩu ngay lần đăng nhập đầu tiên');
    const header = sheet.getRow(HEADER_ROW);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.rowCount).toBe(HEADER_ROW + 23);

    const first = sheet.getRow(HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('Nguyễn Thị Ánh Tuyết');
    expect(first.getCell(4).value).toBe('001085012000');
    expect(first.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(4).numFmt).toBe('@');
    expect(first.getCell(5).value).toBe('k7mq2xra');
    expect(first.getCell(6).value).toBeNull();
  });
});

describe('writeLoginSlipsPdf', () => {
  it('is an A4 PDF with 10 slips a page and embedded fonts', async () => {
    const pdf = await writeLoginSlipsPdf(input);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(3); // 23 slips → 10 + 10 + 3
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
  });

  it('still makes one page when there is nobody', async () => {
    const pdf = await writeLoginSlipsPdf({ ...input, slips: [] });
    expect(pageCount(pdf)).toBe(1);
  });

  it.skipIf(!hasPdftotext)('shows Vietnamese names, wrapped unit names, passwords and page footers (needs pdftotext)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slips-'));
    try {
      const file = path.join(dir, 'slips.pdf');
      fs.writeFileSync(file, await writeLoginSlipsPdf(input));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
      const words = text.replace(/\s+/g, ' ');
      expect(text).toContain('Nguyễn Thị Ánh Tuyết');
      expect(text).toContain('PHIẾU ĐĂNG NHẬP HỆ THỐNG BỒI DƯỠNG');
      expect(words).toContain('Tên đăng nhập: 001085012000');
      expect(words).toContain(LONG_UNIT); // wrapped over lines, not cut off
      expect(text.replace(/\s+/g, '')).toContain('k7mq2xra'); // one glyph per box
      expect(words).toContain('Địa chỉ: http://localhost:3000');
      expect(words).toContain('Không chia sẻ phiếu này.');
      expect(words).toContain('Trang 3/3');
      expect(words).toContain('02/06/2026');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
