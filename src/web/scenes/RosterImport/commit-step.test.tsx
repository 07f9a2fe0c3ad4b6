import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../../test/render.tsx';
import { CommitStep } from './commit-step.tsx';
import type { ImportState } from './use-roster-import.ts';

const base: ImportState = {
  phase: 'committing',
  fileName: 'ds.xlsx',
  uploadPercent: 100,
  server: null,
  preview: null,
  summary: null,
  error: null,
  commitProblems: [],
  source: null,
};

describe('CommitStep', () => {
  it('shows the bar while writing', () => {
    renderScreen(
      <CommitStep state={{ ...base, server: { phase: 'write', done: 250, total: 1000 } }} onShowList={vi.fn()} onAnother={vi.fn()} />,
    );
    expect(screen.getByText(/Đang ghi dữ liệu… Vui lòng không đóng trang\./)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Đang ghi dữ liệu…' }).getAttribute('aria-valuenow')).toBe('25');
  });

  it('sums up what was written, with the way on', () => {
    const onAnother = vi.fn();
    renderScreen(
      <CommitStep
        state={{ ...base, phase: 'done', summary: { created: 1200, updated: 3, unchanged: 0, unitsCreated: 2 } }}
        onShowList={vi.fn()}
        onAnother={onAnother}
      />,
    );
    expect(screen.getByText('Đã nhập xong')).toBeTruthy();
    expect(screen.getByText('1.200 người mới · 3 cập nhật · 0 không đổi · 2 đơn vị mới')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nhập tệp khác' }));
    expect(onAnother).toHaveBeenCalledOnce();
  });
});
