import { expect, it } from 'vitest';
import { encodeResult, FRAME_ITEMS, ResultDecoder } from './result-frames.ts';

function decodeIn(pieces: number, out: unknown) {
  const bytes = Buffer.concat([...encodeResult(out)]);
  const decoder = new ResultDecoder();
  // Cut at uneven places, so that lengths and payloads straddle the pipe's chunks.
  const step = Math.max(1, Math.floor(bytes.length / pieces));
  for (let i = 0; i < bytes.length;) {
    const size = Math.max(1, step - (i % 7));
    decoder.push(bytes.subarray(i, i + size));
    i += size;
  }
  return decoder.result();
}

it('rebuilds a result object whose long array crossed in slices, whatever the chunk boundaries', () => {
  const out = { records: Array.from({ length: FRAME_ITEMS * 2 + 17 }, (_, i) => ({ i, name: `Cán bộ ${i}` })), rows: 2017, empty: [] };
  for (const pieces of [1, 3, 1000, 40_000]) expect(decodeIn(pieces, out)).toEqual({ kind: 'value', value: out });
});

it('passes bytes through as bytes, and a value that is not an object as it is', () => {
  const file = new Uint8Array([80, 75, 3, 4, 9]);
  const raw = decodeIn(2, file);
  expect(raw.kind).toBe('bytes');
  expect([...(raw as { bytes: Uint8Array }).bytes]).toEqual([80, 75, 3, 4, 9]);
  expect(decodeIn(5, [1, 2, 3])).toEqual({ kind: 'value', value: [1, 2, 3] });
  expect(decodeIn(1, {})).toEqual({ kind: 'value', value: {} });
});

it('refuses a result cut off in the middle of a frame', () => {
  const bytes = Buffer.concat([...encodeResult({ rows: 5, records: [1, 2, 3] })]);
  const decoder = new ResultDecoder();
  decoder.push(bytes.subarray(0, bytes.length - 3));
  expect(() => decoder.result()).toThrow(/mid-frame/);
});
