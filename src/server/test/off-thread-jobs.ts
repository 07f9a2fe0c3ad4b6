/** Jobs for the tests of files/off-thread.ts, run in its child process. */

/** Echoes its input and arguments, to check what crosses (bytes through the pipe, Dates and arrays by clone). */
export function echo(input: Uint8Array, when: Date, list: number[]) {
  return { length: input.byteLength, first: input[0], last: input[input.byteLength - 1], year: when.getUTCFullYear(), list };
}

/** Never returns. */
export function spin(): never {
  for (;;) {
    /* a parse caught in a loop */
  }
}

/** Holds `mb` of memory outside the V8 heap (buffers, as inflated data is), then waits. */
export async function hoard(mb: number): Promise<number> {
  const held: Buffer[] = [];
  for (let i = 0; i < mb; i++) held.push(Buffer.alloc(1024 * 1024, i));
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  return held.length;
}

/** Fills the V8 heap with small objects until it runs out. */
export function exhaustHeap(): number {
  const held: { n: number; s: string }[] = [];
  for (let i = 0; ; i++) held.push({ n: i, s: `objet ${i}` });
}

/** A parse's shape: many records (crossing in slices), a few problems, a count, packed bytes; the input's chunks joined. */
export function records(input: Uint8Array, count: number) {
  return {
    records: Array.from({ length: count }, (_, i) => ({
      row: i + 2,
      fullName: `Người số ${i}`,
      birth: new Date(Date.UTC(1980, 0, 1 + i)),
    })),
    problems: [{ row: 3, message: 'Ngày sinh không hợp lệ' }],
    rows: count,
    packed: input.subarray(0, 4),
    text: Buffer.from(input).toString('utf8'),
  };
}
