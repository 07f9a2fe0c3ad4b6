import { describe, expect, it } from 'vitest';
import { duplicateKey, duplicateProblems, searchText } from './keys.ts';
import type { ParsedQuestion } from './types.ts';

const q = (number: number, stem: string): ParsedQuestion => ({
  number,
  line: number * 3,
  stem,
  topic: null,
  difficulty: null,
  images: [],
  options: [
    { letter: 'A', text: 'Năm 2013', correct: true, pinned: false, images: [] },
    { letter: 'B', text: 'Năm 2011', correct: false, pinned: false, images: [] },
  ],
});

describe('question keys', () => {
  it('folds stems and options for search', () => {
    expect(searchText(q(1, 'Nghị quyết 29-NQ/TW ban hành năm nào?'))).toContain('nghi quyet 29-nq/tw');
    expect(searchText(q(1, 'x'))).toContain('nam 2013');
  });

  it('flags likely duplicates in the file and in the bank, whatever the numbering, case and accents', () => {
    expect(duplicateKey('Câu 3. Nghị quyết 29-NQ/TW ban hành năm nào?')).toBe(duplicateKey('nghi quyet 29 NQ TW ban hanh nam nao'));
    const problems = duplicateProblems(
      [q(1, 'Nghị quyết 29-NQ/TW ban hành năm nào?'), q(2, 'NGHỊ QUYẾT 29-NQ/TW BAN HÀNH NĂM NÀO'), q(3, 'Đại hội XIII diễn ra năm nào?')],
      new Set([duplicateKey('Đại hội XIII diễn ra năm nào')]),
    );
    expect(problems).toEqual([
      { question: 2, line: 6, message: 'Có thể trùng với câu 1 trong tệp' },
      { question: 3, line: 9, message: 'Có thể trùng với một câu hỏi đã có trong ngân hàng' },
    ]);
  });
});
