import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DEFAULT_FILE_LIMITS, FileLimitError } from './limits.ts';
import { NotZipError, ZipFile, zipEntryNames } from './zip.ts';

const options = { limits: DEFAULT_FILE_LIMITS, advice: 'hãy tách thành nhiều tệp' };

/** Overwrites every uncompressed size the zip declares (local headers and directory): a bomb that lies. */
function lie(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

describe('ZipFile', () => {
  it('counts the bytes that come out of an entry, not the size it declares', async () => {
    const source = new JSZip();
    source.file('big.xml', new Uint8Array(50 * 1024 * 1024), { compression: 'DEFLATE' });
    const bomb = lie(await source.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 10);
    expect(bomb.length).toBeLessThan(100_000);
    const zip = ZipFile.open(bomb, options);
    let seen = 0;
    const read = zip.stream('big.xml', { max: 5 * 1024 * 1024, tooLarge: () => new Error('over budget') }, (chunk) => {
      seen += chunk.length;
    });
    await expect(read).rejects.toThrow('over budget');
    // Stopped within a chunk of the budget, not after inflating all 50 MB.
    expect(seen).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(zip.inflated).toBeLessThan(6 * 1024 * 1024);
  });

  it('bounds the whole file as well as each entry', async () => {
    const source = new JSZip();
    for (let i = 0; i < 3; i++) source.file(`part${i}.xml`, new Uint8Array(2 * 1024 * 1024), { compression: 'DEFLATE' });
    const zip = ZipFile.open(await source.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), {
      ...options,
      limits: { ...DEFAULT_FILE_LIMITS, totalBytes: 5 * 1024 * 1024 },
    });
    const budget = { max: 3 * 1024 * 1024, tooLarge: () => new Error('entry') };
    await zip.read('part0.xml', budget);
    await zip.read('part1.xml', budget);
    await expect(zip.read('part2.xml', budget)).rejects.toThrow(
      'Tệp lớn hơn 5 MB sau khi giải nén (có thể là tệp độc hại); hãy tách thành nhiều tệp.',
    );
  });

  it('reads stored entries, refuses non-zips, truncated zips, encrypted entries and too many entries', async () => {
    const source = new JSZip();
    source.file('a.txt', 'xin chào');
    for (let i = 0; i < 30; i++) source.file(`m/${i}`, '');
    const bytes = await source.generateAsync({ type: 'uint8array' });
    const zip = ZipFile.open(bytes, options);
    expect(new TextDecoder().decode(await zip.read('a.txt', { max: 100, tooLarge: () => new Error('x') }))).toBe('xin chào');
    expect(() => ZipFile.open(new TextEncoder().encode('PK không phải zip'), options)).toThrow(NotZipError);
    expect(() => ZipFile.open(bytes.subarray(0, bytes.length - 30), options)).toThrow(NotZipError);
    expect(() => ZipFile.open(bytes, { ...options, limits: { ...DEFAULT_FILE_LIMITS, zipEntries: 10 } })).toThrow(FileLimitError);
    const encrypted = bytes.slice();
    const view = new DataView(encrypted.buffer);
    for (let i = 0; i + 46 <= encrypted.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
    await expect(ZipFile.open(encrypted, options).read('a.txt', { max: 100, tooLarge: () => new Error('x') })).rejects.toThrow(NotZipError);
    expect(zipEntryNames(bytes)).toContain('a.txt');
    expect(zipEntryNames(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
