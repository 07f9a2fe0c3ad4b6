import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';
import { DEFAULT_FILE_LIMITS } from '../../../domain/files/limits.ts';
import { parseQuestionFile } from './parse-file.ts';

const gift = (count: number) =>
  Array.from({ length: count }, (_, i) => `::Câu ${i + 1}:: Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng}`).join('\n\n');

describe('parseQuestionFile budgets', () => {
  it('refuses more questions than the limit, and a text file over its size, as 413 naming the limit', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    await expect(parseQuestionFile(encode(gift(10_001)), 'ngan-hang.gift')).rejects.toMatchObject({
      statusCode: 413,
      code: 'file_over_limit',
      message: 'Tệp có hơn 10.000 câu hỏi; hãy tách ngân hàng thành nhiều tệp.',
      details: { limit: 'questions', max: 10_000 },
    });
    await expect(parseQuestionFile(encode(gift(1000)), 'ngan-hang.gift')).resolves.toMatchObject({ problems: [] });
    await expect(
      parseQuestionFile(encode('x'.repeat(2 * 1024 * 1024)), 'ngan-hang.txt', { ...DEFAULT_FILE_LIMITS, textBytes: 1024 * 1024 }),
    ).rejects.toMatchObject({ statusCode: 413, message: 'Tệp văn bản lớn hơn 1 MB; hãy tách ngân hàng thành nhiều tệp.' });
  });

  it('takes each limit from its environment variable (bytes in MB), and refuses a wrong one in Vietnamese', () => {
    const { uploads } = loadConfig({ UPLOAD_LIMIT_ROWS: '500', UPLOAD_LIMIT_WORD_XML_MB: '8', UPLOAD_PARSE_HEAP_MB: '256' });
    expect(uploads.limits).toMatchObject({ rows: 500, wordXmlBytes: 8 * 1024 * 1024, paragraphs: 30_000 });
    expect(uploads).toMatchObject({ parseHeapMb: 256, parseRssMb: 1536, parseTimeoutMs: 60_000, parseConcurrency: 1, parseQueue: 4 });
    expect(() => loadConfig({ UPLOAD_LIMIT_ROWS: 'nhiều' })).toThrow(ConfigError);
    expect(() => loadConfig({ UPLOAD_LIMIT_ROWS: 'nhiều' })).toThrow('UPLOAD_LIMIT_ROWS không hợp lệ: nhiều (cần một số nguyên dương).');
  });
});
