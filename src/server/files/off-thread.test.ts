import { expect, it } from 'vitest';
import { renderOffThread } from './off-thread.ts';

it('passes a renderer\'s failure back to the caller instead of hanging the download', async () => {
  const module = new URL('../modules/reports/report-xlsx.ts', import.meta.url).href;
  await expect(renderOffThread(module, 'writeResultsXlsx', { people: null })).rejects.toThrow(/TypeError|Cannot read/);
  await expect(renderOffThread(module, 'noSuchRenderer')).rejects.toThrow(/not a function/);
});

it('gives each of several simultaneous downloads its own file (they queue for one child process)', async () => {
  const module = new URL('../modules/reports/report-csv.ts', import.meta.url).href;
  const data = (title: string) => ({ title, units: [], scoring: { bands: [] },
    people: [{ fullName: title, unitName: 'Trường THCS A', position: 'teacher', variantCode: '101', correct: 1, score: 5, band: 'Trung bình' }] });
  const files = await Promise.all(['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc'].map((name) => renderOffThread(module, 'writeResultsCsv', data(name))));
  expect(files.map((f) => f.body.toString('utf8').split('\r\n')[1].split(',')[1])).toEqual(['Lê Thị An', 'Phạm Văn Bình', 'Võ Thị Cúc']);
});
