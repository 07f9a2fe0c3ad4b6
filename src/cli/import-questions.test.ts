import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDocx, image, p } from '../domain/question-bank/docx/docx-test-builder.ts';
import { describeEachDialect } from '../server/test/harness.ts';
import { createCliEnv, type CliEnv } from '../server/test/cli-harness.ts';

describeEachDialect('import-questions command', (dialect) => {
  let env: CliEnv;
  let dir: string;
  const cli = (...args: string[]) => env.cli(...args);

  beforeAll(async () => {
    env = await createCliEnv(dialect);
    dir = env.dir;
    fs.writeFileSync(
      path.join(dir, 'de.docx'),
      await buildDocx([
        p('Phần I. Nghị quyết 29-NQ/TW'),
        p('Câu 1. Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?'),
        p('A. 2011'),
        p({ text: 'B.', underline: {} }, ' 2013'),
        p('C. 2015'),
        p('#D. Tất cả các phương án trên đều sai'),
        p('Câu 2: Hình bên minh họa điều gì?', image()),
        p('A. Trường học\tB. Bệnh viện'),
        p({ text: 'C. Nhà văn hóa', color: 'FF0000' }),
      ]),
    );
  });
  afterAll(async () => env.close());

  it('dry-runs a Word file into the documented JSON, then imports it into a new bank, then flags the repeat', async () => {
    const dry = await cli('import-questions', 'de.docx', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report.problems).toEqual([]);
    expect(report.questions).toEqual([
      {
        number: 1,
        stem: 'Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?',
        topic: 'Nghị quyết 29-NQ/TW',
        images: 0,
        options: [
          { letter: 'A', text: '2011', correct: false, pinned: false },
          { letter: 'B', text: '2013', correct: true, pinned: false },
          { letter: 'C', text: '2015', correct: false, pinned: false },
          { letter: 'D', text: 'Tất cả các phương án trên đều sai', correct: false, pinned: true },
        ],
      },
      {
        number: 2,
        stem: 'Hình bên minh họa điều gì?',
        topic: 'Nghị quyết 29-NQ/TW',
        images: 1,
        options: [
          { letter: 'A', text: 'Trường học', correct: false, pinned: false },
          { letter: 'B', text: 'Bệnh viện', correct: false, pinned: false },
          { letter: 'C', text: 'Nhà văn hóa', correct: true, pinned: false },
        ],
      },
    ]);
    const real = JSON.parse((await cli('import-questions', 'de.docx', '--bank', 'nh2026', '--json')).stdout);
    expect(real.written).toEqual({ imported: 2, topicsCreated: 1, total: 2 });
    const again = await cli('import-questions', 'de.docx', '--bank', 'NH2026', '--json');
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout).problems.map((p: { question: number; message: string }) => [p.question, p.message])).toEqual([
      [1, 'Có thể trùng với một câu hỏi đã có trong ngân hàng'],
      [2, 'Có thể trùng với một câu hỏi đã có trong ngân hàng'],
    ]);
  });

  it('explains a file it cannot read', async () => {
    fs.writeFileSync(path.join(dir, 'hong.docx'), 'không phải docx');
    const res = await cli('import-questions', 'hong.docx', '--dry-run');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Tệp không phải là tệp Word .docx hợp lệ.');
    fs.writeFileSync(path.join(dir, 'de.doc'), 'cũ');
    expect((await cli('import-questions', 'de.doc', '--dry-run')).stderr).toContain('lưu lại dạng .docx');
  });
});
