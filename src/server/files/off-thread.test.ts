import { describe, expect, it } from 'vitest';
import { OffThreadBusy, OffThreadFailure, OffThreadLane, renderOffThread, runOffThread } from './off-thread.ts';

it("passes a renderer's failure back to the caller instead of hanging the download", async () => {
  const module = new URL('../modules/reports/report-xlsx.ts', import.meta.url).href;
  await expect(renderOffThread(module, 'writeResultsXlsx', { people: null })).rejects.toThrow(/TypeError|Cannot read/);
  await expect(renderOffThread(module, 'noSuchRenderer')).rejects.toThrow(/not a function/);
});

it('gives each of several simultaneous downloads its own file (they queue for one child process)', async () => {
  const module = new URL('../modules/reports/report-csv.ts', import.meta.url).href;
  const data = (title: string) => ({
    title,
    units: [],
    scoring: { bands: [] },
    people: [
      { fullName: title, unitName: 'Trường THCS A', position: 'teacher', variantCode: '101', correct: 1, score: 5, band: 'Trung bình' },
    ],
  });
  const files = await Promise.all(
    ['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc'].map((name) => renderOffThread(module, 'writeResultsCsv', data(name))),
  );
  expect(files.map((f) => f.body.toString('utf8').split('\r\n')[1].split(';')[1])).toEqual(['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc']);
});

import type { records as recordsJob } from '../test/off-thread-jobs.ts';

const jobs = new URL('../test/off-thread-jobs.ts', import.meta.url).href;

describe('capped jobs', () => {
  it('sends the input through a pipe and brings the result back as plain data', async () => {
    const input = new Uint8Array(3 * 1024 * 1024).fill(7);
    input[0] = 1;
    const { value } = await runOffThread(jobs, 'echo', [new Date(Date.UTC(2026, 5, 1)), [1, 2, 3]], { lane: new OffThreadLane(1), input });
    expect(value).toEqual({ length: 3 * 1024 * 1024, first: 1, last: 7, year: 2026, list: [1, 2, 3] });
  });

  it('brings back a result of thousands of records whole and in order, the input sent as the chunks it arrived in', async () => {
    const chunks = ['Danh sách ', 'cán bộ ', 'năm học 2026'].map((t) => Buffer.from(t));
    const { value } = await runOffThread<ReturnType<typeof recordsJob>>(jobs, 'records', [2_500], {
      lane: new OffThreadLane(1),
      input: chunks,
    });
    expect(value.rows).toBe(2_500);
    expect(value.records).toHaveLength(2_500);
    expect(value.records[0]).toEqual({ row: 2, fullName: 'Người số 0', birth: new Date(Date.UTC(1980, 0, 1)) });
    expect(value.records[2_499].fullName).toBe('Người số 2499');
    expect(value.records.every((r, i) => r.row === i + 2)).toBe(true);
    expect(value.problems).toEqual([{ row: 3, message: 'Ngày sinh không hợp lệ' }]);
    expect(value.text).toBe('Danh sách cán bộ năm học 2026');
    expect(Buffer.from(value.packed).toString('utf8')).toBe('Danh');
  });

  it('kills a child past its time, past its resident memory and out of V8 heap, and says which', async () => {
    const lane = new OffThreadLane(1);
    const started = performance.now();
    await expect(runOffThread(jobs, 'spin', [], { lane, timeoutMs: 1500 })).rejects.toMatchObject({ reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(5000);
    await expect(runOffThread(jobs, 'hoard', [400], { lane, rssMb: 250 })).rejects.toMatchObject({ reason: 'memory' });
    await expect(runOffThread(jobs, 'exhaustHeap', [], { lane, heapMb: 64 })).rejects.toMatchObject({ reason: 'memory' });
    // The lane is free again for the next job.
    const { value } = await runOffThread(jobs, 'echo', [new Date(0), []], { lane, input: new Uint8Array([5]), timeoutMs: 30_000 });
    expect(value).toMatchObject({ length: 1, first: 5 });
  }, 60_000);

  it('runs one job at a time, queues a bounded number and refuses the rest at once', async () => {
    const lane = new OffThreadLane(1, 1);
    const first = runOffThread(jobs, 'spin', [], { lane, timeoutMs: 2000 });
    const second = runOffThread(jobs, 'echo', [new Date(0), []], { lane, input: new Uint8Array([1]) });
    expect(lane.full()).toBe(true);
    await expect(runOffThread(jobs, 'echo', [new Date(0), []], { lane, input: new Uint8Array([1]) })).rejects.toBeInstanceOf(OffThreadBusy);
    await expect(first).rejects.toBeInstanceOf(OffThreadFailure);
    await expect(second).resolves.toMatchObject({ value: { length: 1 } });
    expect(lane.load()).toEqual({ running: 0, waiting: 0 });
  }, 30_000);
});
