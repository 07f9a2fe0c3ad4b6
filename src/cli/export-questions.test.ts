import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectedAfterRoundTrip, ROUND_TRIP_BANK } from '../domain/question-bank/export/round-trip-bank.ts';
import { writeQuestionsDocx } from '../domain/question-bank/export/write-docx.ts';
import type { ParsedQuestion } from '../domain/question-bank/types.ts';
import { describeEachDialect } from '../server/test/harness.ts';
import { createCliEnv, type CliEnv } from '../server/test/cli-harness.ts';

/** What import-questions --json says of a question (its documented report). */
const reported = (q: ParsedQuestion) => ({
  stem: q.stem,
  topic: q.topic,
  images: q.images.length + q.options.reduce((n, o) => n + o.images.length, 0),
  options: q.options.map((o) => ({ letter: o.letter, text: o.text, correct: o.correct, pinned: o.pinned })),
});
const byStem = (a: { stem: string }, b: { stem: string }) => a.stem.localeCompare(b.stem);

describeEachDialect('export-questions command', (dialect) => {
  let source: CliEnv;
  let fresh: CliEnv;

  beforeAll(async () => {
    [source, fresh] = [await createCliEnv(dialect), await createCliEnv(dialect)];
    fs.writeFileSync(
      path.join(source.dir, 'nguon.docx'),
      await writeQuestionsDocx(ROUND_TRIP_BANK, { title: 'Đề cương bồi dưỡng hè 2026' }),
    );
    const imported = await source.cli('import-questions', 'nguon.docx', '--bank', 'NH2026', '--json');
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await source?.close();
    await fresh?.close();
  });

  for (const format of ['docx', 'xlsx', 'gift', 'aiken'] as const) {
    it(`exports ${format} with the CLI and imports the file with the CLI into a fresh database`, async () => {
      const out = path.join(source.dir, 'xuat', `nh2026.${format === 'aiken' ? 'txt' : format}`);
      const exported = await source.cli('export-questions', '--bank', 'nh2026', '--format', format, '--out', out);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toBe(
        `Đã ghi ${out}: 5 câu hỏi của ngân hàng Ngân hàng NH2026 (${{ docx: 'Word', xlsx: 'Excel', gift: 'GIFT', aiken: 'Aiken' }[format]}).\n`,
      );
      if (format === 'docx') expect(exported.stderr).toBe('');
      else expect(exported.stderr).toMatch(/^Lưu ý: Tệp (Excel|GIFT|Aiken) không mang được: hình ảnh \(1 câu\);.*\.\n$/);

      const copy = fs.readFileSync(out);
      const target = path.join(fresh.dir, path.basename(out));
      fs.writeFileSync(target, copy);
      const imported = await fresh.cli('import-questions', path.basename(out), '--bank', `BAN-${format}`, '--json');
      expect(imported.code, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout);
      expect(report.problems).toEqual([]);
      expect(report.written).toMatchObject({ imported: 5 });
      const expected = ROUND_TRIP_BANK.map((q) => expectedAfterRoundTrip(format, q));
      expect(report.questions.map(({ number: _n, ...q }: { number: number }) => q).sort(byStem)).toEqual(
        expected.map(reported).sort(byStem),
      );
    });
  }

  it('explains a missing or wrong option, an unknown bank, in one Vietnamese line', async () => {
    const noBank = await source.cli('export-questions', '--format', 'gift', '--out', 'a.gift');
    expect([noBank.code, noBank.stderr]).toEqual([
      2,
      'Lỗi: Thiếu --bank MÃ: ngân hàng cần xuất. Dùng: '
        + 'npx boiduong export-questions --bank MÃ --format docx|xlsx|gift|aiken|qti --out TỆP\n',
    ]);
    const badFormat = await source.cli('export-questions', '--bank', 'NH2026', '--format', 'pdf', '--out', 'a.pdf');
    expect([badFormat.code, badFormat.stderr]).toEqual([2, 'Lỗi: --format phải là docx, xlsx, gift, aiken hoặc qti (nhận được "pdf").\n']);
    const noOut = await source.cli('export-questions', '--bank', 'NH2026', '--format', 'qti');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('Lỗi: Thiếu --out TỆP');
    const unknown = await source.cli('export-questions', '--bank', 'KHONGCO', '--format', 'qti', '--out', 'a.zip');
    expect([unknown.code, unknown.stderr]).toEqual([1, 'Lỗi: Không tìm thấy ngân hàng câu hỏi có mã KHONGCO.\n']);
    expect(fs.existsSync(path.join(source.dir, 'a.zip'))).toBe(false);
    const qti = await source.cli('export-questions', '--bank', 'NH2026', '--format', 'qti', '--out', 'nh2026-qti.zip');
    expect(qti.code).toBe(0);
    expect(qti.stderr).toBe('Lưu ý: Tệp IMS QTI không mang được: chuyên đề (4 câu); mức độ (3 câu).\n');
    expect(fs.readFileSync(path.join(source.dir, 'nh2026-qti.zip')).subarray(0, 2).toString()).toBe('PK');
  });
});
