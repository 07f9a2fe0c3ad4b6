import { expect, it } from 'vitest';
import { renderOffThread } from './off-thread.ts';

it('passes a renderer\'s failure back to the caller instead of hanging the download', async () => {
  const module = new URL('../modules/reports/report-xlsx.ts', import.meta.url).href;
  await expect(renderOffThread(module, 'writeResultsXlsx', { people: null })).rejects.toThrow(/TypeError|Cannot read/);
  await expect(renderOffThread(module, 'noSuchRenderer')).rejects.toThrow(/not a function/);
});
