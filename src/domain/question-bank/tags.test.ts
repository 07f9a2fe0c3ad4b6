import { describe, expect, it } from 'vitest';
import { sniffImageType } from './image-type.ts';
import { normalizeTags } from './tags.ts';
import { TINY_PNG } from './docx/docx-test-builder.ts';

describe('normalizeTags', () => {
  it('keeps one spelling per tag, ignoring case, diacritics and spacing', () => {
    expect(normalizeTags(['Luật  Nhà giáo', 'luat nha giao', ' ', 'Ôn tập 2026', 'LUẬT NHÀ GIÁO'])).toEqual({
      tags: ['Luật Nhà giáo', 'Ôn tập 2026'],
      problem: null,
    });
  });

  it('names a tag that is too long and too many tags', () => {
    expect(normalizeTags(['x'.repeat(51)]).problem).toBe(`Nhãn "${'x'.repeat(20)}…" dài quá 50 ký tự`);
    expect(normalizeTags(Array.from({ length: 21 }, (_v, i) => `nhãn ${i}`)).problem).toBe('Một câu hỏi có tối đa 20 nhãn');
  });
});

describe('sniffImageType', () => {
  it('reads the type from the bytes, whatever the file is called', () => {
    expect(sniffImageType(TINY_PNG)).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a\x01\x00'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('MZ\x90\x00\x03'))).toBeNull(); // a Windows program
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
