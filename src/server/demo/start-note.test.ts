import { describe, expect, it } from 'vitest';
import { demoStartNote } from './start-note.ts';

describe('demoStartNote', () => {
  it('names the account to use and the page to open first, with the flagged question', () => {
    const note = demoStartNote({
      baseUrl: 'http://localhost:3000',
      surveyId: 1,
      campaignId: 1,
      lastYear: { assessmentId: 2, miskeyedOrdinal: 3 },
      accounts: [{ role: 'organizer', label: 'Ban tổ chức (Sở)', username: '5276649767', password: 'x', fullName: 'A', unitName: 'Sở' }],
    });
    expect(note[0]).toBe('Bắt đầu từ đây:');
    expect(note[1]).toContain('đăng nhập tài khoản Ban tổ chức (Sở) 5276649767');
    expect(note[2]).toContain('http://localhost:3000/bai-khao-sat/2');
    expect(note[3]).toContain('câu 4 bị cảnh báo có thể sai đáp án');
    expect(note.join('\n')).toContain('http://localhost:3000/dot-boi-duong/1');
  });
});
