import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeQuestionsXlsx } from '../../../domain/question-bank/export/write-xlsx.ts';
import { ROUND_TRIP_BANK } from '../../../domain/question-bank/export/round-trip-bank.ts';
import type { ParsedQuestion } from '../../../domain/question-bank/types.ts';
import { hasLibreOffice, hasPoppler, renderWithLibreOffice } from '../../test/render-office.ts';

const LONG =
  'Theo Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Hội nghị Trung ương 8 khóa XI, nhiệm vụ và giải pháp nào sau đây được '
  + 'xác định là khâu then chốt trong đổi mới căn bản, toàn diện giáo dục và đào tạo?';

/** 60 questions: stems of one to four long sentences and a few lines, long options; each ends with a marker (one word). */
const BANK: ParsedQuestion[] = Array.from({ length: 60 }, (_, i) => {
  const base = ROUND_TRIP_BANK[i % ROUND_TRIP_BANK.length];
  const stem = `${Array.from({ length: 1 + (i % 4) }, () => LONG).join(' ')}${i % 5 === 0 ? '\nDòng thứ hai của câu hỏi' : ''} «Q${i + 1}»`;
  return {
    ...base,
    stem,
    stemRich: undefined,
    options: base.options.map((o) => ({
      ...o,
      text: i % 3 === 0 ? `${o.text} — phương án có nội dung dài, phải xuống dòng trong ô «${o.letter}${i + 1}»` : o.text,
    })),
  };
});

describe.skipIf(!hasLibreOffice || !hasPoppler)('bank Excel export printed by LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bank-xlsx-render-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints A4 landscape, every column on each page under the repeated header, no wrapped text cut off', async () => {
    const pdf = renderWithLibreOffice(
      Buffer.from(await writeQuestionsXlsx(BANK, { title: 'Ngân hàng câu hỏi: Đề cương hè 2026' })),
      'ngan-hang.xlsx',
      dir,
    );
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' }))!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([842, 595]);
    expect(pdf.pages).toBeGreaterThan(1);
    const pages = pdf.allPages();
    for (const text of pages) {
      // The header row on every page, its last column included: printed one page wide with print titles.
      expect(text).toMatch(/STT\s+Câu hỏi\s+A\s+B\s+C\s+D\s+E\s+F\s+G\s+H\s+Đáp án\s+Chuyên đề\s+Mức độ\s+Cố định/);
    }
    // A row too low for its wrapped text shows only its first lines: every end marker must be printed.
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (let i = 1; i <= BANK.length; i++) expect(all).toContain(`«Q${i}»`);
    for (const [i, q] of BANK.entries()) {
      if (i % 3 === 0) for (const o of q.options) expect(all).toContain(`«${o.letter}${i + 1}»`);
    }
  }, 180_000);
});
