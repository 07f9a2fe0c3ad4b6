import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildDocx, p } from './docx-test-builder.ts';
import { parseQuestionDocx } from './parse-docx.ts';
import { readDocx } from './read-docx.ts';
import { FileLimitError } from '../../files/limits.ts';
import { NOT_DOCX_MESSAGE } from './messages.ts';

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

  it('refuses a document above the byte budget while it inflates', async () => {
    const file = await buildDocx([p('Câu 1. Nghị quyết số 29-NQ/TW về vấn đề gì?')]);
    const refusal = parseQuestionDocx(file, { limits: { wordXmlBytes: 1000 } });
    await expect(refusal).rejects.toThrow(FileLimitError);
    await expect(refusal).rejects.toThrow('Nội dung tệp Word lớn hơn 1 KB sau khi giải nén; hãy tách ngân hàng thành nhiều tệp.');
    await expect(parseQuestionDocx(file)).resolves.toMatchObject({ questions: [{ number: 1 }] });
  });

  it('stops inflating a zip bomb that lies about its sizes, with the real limits', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document>' + ' '.repeat(80 * 1024 * 1024) + '</w:document>', { compression: 'DEFLATE' });
    const bomb = lieAboutSizes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 100);
    expect(bomb.length).toBeLessThan(200_000);
    await expect(parseQuestionDocx(bomb)).rejects.toThrow('Nội dung tệp Word lớn hơn 64 MB sau khi giải nén');
  });

  it('counts paragraphs and XML elements as they stream, before the tree is whole', async () => {
    const zip = new JSZip();
    const paragraphs = '<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(40_000);
    zip.file('word/document.xml', `<w:document><w:body>${paragraphs}</w:body></w:document>`, { compression: 'DEFLATE' });
    const file = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(parseQuestionDocx(file)).rejects.toThrow('Tệp Word có hơn 30.000 đoạn văn; hãy tách ngân hàng thành nhiều tệp.');
    await expect(parseQuestionDocx(file, { limits: { paragraphs: 100_000, wordXmlElements: 50_000 } })).rejects.toThrow(
      'Tệp Word quá phức tạp (hơn 50.000 thành phần XML)',
    );
  });

  it("bounds the images: how many, one image's bytes (a bomb declaring a small size) and all of them", async () => {
    const zip = new JSZip();
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    zip.file('word/document.xml', `<w:document ${w}><w:body><w:p><w:r><w:t>Câu 1. Ảnh?</w:t></w:r></w:p></w:body></w:document>`);
    const rels = [0, 1, 2].map((i) => `<Relationship Id="rId${i}" Type="image" Target="media/image${i}.png"/>`).join('');
    zip.file('word/_rels/document.xml.rels', `<Relationships>${rels}</Relationships>`);
    for (const i of [0, 1, 2]) zip.file(`word/media/image${i}.png`, new Uint8Array(3 * 1024 * 1024), { compression: 'DEFLATE' });
    const file = lieAboutSizes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 10);
    expect(file.length).toBeLessThan(50_000);
    await expect(readDocx(file, { limits: { images: 2 } })).rejects.toThrow('Tệp Word có hơn 2 hình ảnh');
    await expect(readDocx(file, { limits: { imageBytes: 2 * 1024 * 1024 } })).rejects.toThrow(
      'Một hình ảnh trong tệp Word (word/media/image0.png) lớn hơn 2 MB sau khi giải nén; hãy thu nhỏ ảnh rồi tải lên lại.',
    );
    await expect(readDocx(file, { limits: { imagesTotalBytes: 8 * 1024 * 1024 } })).rejects.toThrow('Hình ảnh trong tệp Word lớn hơn 8 MB');
    await expect(readDocx(file)).resolves.toHaveLength(1);
  });

  it('refuses XML with a DOCTYPE (entity expansion)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body/></w:document>');
    await expect(parseQuestionDocx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(NOT_DOCX_MESSAGE);
  });

  it('reads run formatting, tabs, breaks and skips deleted text', async () => {
    const zip = new JSZip();
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>
      <w:p><w:r><w:rPr><w:u w:val="none"/><w:color w:val="000000"/><w:b w:val="0"/></w:rPr><w:t>Câu 1.</w:t></w:r>
        <w:r><w:tab/><w:t xml:space="preserve"> Hà &amp; Nội </w:t><w:br/><w:t>&#x1EA0;</w:t></w:r>
        <w:del><w:r><w:delText>xoá</w:delText></w:r></w:del>
        <w:hyperlink><w:r><w:rPr><w:u w:val="single"/><w:color w:val="auto"/><w:highlight w:val="yellow"/><w:i/></w:rPr><w:t>liên kết</w:t></w:r></w:hyperlink></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p/></w:body></w:document>`,
    );
    const blocks = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(blocks.map((b) => [b.kind, b.line])).toEqual([
      ['paragraph', 1],
      ['table', 2],
      ['paragraph', 3],
    ]);
    const first = blocks[0];
    if (first.kind !== 'paragraph') throw new Error('expected a paragraph');
    expect(first.runs.map((r) => r.text).join('')).toBe('Câu 1.\t Hà & Nội \nẠliên kết');
    expect(first.runs[0]).toMatchObject({ underline: false, color: false, bold: false });
    expect(first.runs.at(-1)).toMatchObject({ underline: true, color: false, highlight: true, italic: true });
  });
});
