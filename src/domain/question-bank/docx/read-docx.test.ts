import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildDocx, p } from './docx-test-builder.ts';
import { parseQuestionDocx } from './parse-docx.ts';
import { readDocx } from './read-docx.ts';
import { NOT_DOCX_MESSAGE, TOO_LARGE_MESSAGE } from './zip-guard.ts';

/** Overwrites the uncompressed size of every central directory entry (a lying zip bomb). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('readDocx safety', () => {
  it('refuses a file that is not a zip', async () => {
    await expect(parseQuestionDocx(new TextEncoder().encode('Câu 1. Đây không phải tệp Word'))).rejects.toThrow(NOT_DOCX_MESSAGE);
    await expect(parseQuestionDocx(new Uint8Array())).rejects.toThrow(NOT_DOCX_MESSAGE);
  });

  it('refuses a zip without word/document.xml', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    await expect(parseQuestionDocx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(NOT_DOCX_MESSAGE);
  });

  it('refuses a zip whose declared uncompressed size is above the limit, before inflating', async () => {
    const file = await buildDocx([p('Câu 1. Nghị quyết số 29-NQ/TW về vấn đề gì?')]);
    await expect(parseQuestionDocx(file, { maxUncompressedBytes: 1000 })).rejects.toThrow(TOO_LARGE_MESSAGE);
    await expect(parseQuestionDocx(file)).resolves.toMatchObject({ questions: [{ number: 1 }] });
  });

  it('stops inflating a zip bomb that lies about its sizes', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document>' + ' '.repeat(5_000_000) + '</w:document>', { compression: 'DEFLATE' });
    const bomb = lieAboutSizes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 100);
    expect(bomb.length).toBeLessThan(50_000);
    await expect(parseQuestionDocx(bomb, { maxUncompressedBytes: 1_000_000 })).rejects.toThrow(TOO_LARGE_MESSAGE);
  });

  it('refuses XML with a DOCTYPE (entity expansion)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body/></w:document>');
    await expect(parseQuestionDocx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(NOT_DOCX_MESSAGE);
  });

  it('reads run formatting, tabs, breaks and skips deleted text', async () => {
    const zip = new JSZip();
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>
      <w:p><w:r><w:rPr><w:u w:val="none"/><w:color w:val="000000"/><w:b w:val="0"/></w:rPr><w:t>Câu 1.</w:t></w:r>
        <w:r><w:tab/><w:t xml:space="preserve"> Hà &amp; Nội </w:t><w:br/><w:t>&#x1EA0;</w:t></w:r>
        <w:del><w:r><w:delText>xoá</w:delText></w:r></w:del>
        <w:hyperlink><w:r><w:rPr><w:u w:val="single"/><w:color w:val="auto"/><w:highlight w:val="yellow"/><w:i/></w:rPr><w:t>liên kết</w:t></w:r></w:hyperlink></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p/></w:body></w:document>`);
    const blocks = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(blocks.map((b) => [b.kind, b.line])).toEqual([['paragraph', 1], ['table', 2], ['paragraph', 3]]);
    const first = blocks[0];
    if (first.kind !== 'paragraph') throw new Error('expected a paragraph');
    expect(first.runs.map((r) => r.text).join('')).toBe('Câu 1.\t Hà & Nội \nẠliên kết');
    expect(first.runs[0]).toMatchObject({ underline: false, color: false, bold: false });
    expect(first.runs.at(-1)).toMatchObject({ underline: true, color: false, highlight: true, italic: true });
  });
});
