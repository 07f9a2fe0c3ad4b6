import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { distributionBinShortLabel, type GroupSummary } from '../../../domain/statistics/index.ts';
import type { ItemView, UnitFigures } from '../../api/statistics.ts';
import { BAND_COLORS, ChartView } from '../../components/chart.tsx';

export function DistributionChart({ summary }: { summary: GroupSummary }) {
  const config = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: summary.distribution.map((_, i) => distributionBinShortLabel(i)),
        datasets: [{ label: 'Số bài', data: summary.distribution, backgroundColor: '#3b82f6' }],
      },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [summary],
  );
  return <ChartView config={config} label="Phổ điểm: số bài theo khoảng điểm" />;
}

/** One horizontal bar per unit, split by band shares (%). */
export function BandsByUnitChart({ rows }: { rows: UnitFigures[] }) {
  const shown = rows.filter((r) => r.took > 0);
  const config = useMemo<ChartConfiguration<'bar'>>(() => {
    const labels = shown[0]?.summary.bands.map((b) => b.label) ?? [];
    return {
      type: 'bar',
      data: {
        labels: shown.map((r) => r.name),
        datasets: labels.map((label, i) => ({
          label,
          backgroundColor: BAND_COLORS[i % BAND_COLORS.length],
          data: shown.map((r) => r.summary.bands[i]?.percent ?? 0),
        })),
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { position: 'top' } },
        scales: { x: { stacked: true, max: 100, ticks: { callback: (v) => `${v}%` } }, y: { stacked: true } },
      },
    };
  }, [shown]);
  return <ChartView config={config} height={Math.max(160, 24 * shown.length + 60)} label="Xếp loại theo đơn vị (tỷ lệ %)" />;
}

export function ParticipationChart({ rows }: { rows: UnitFigures[] }) {
  const config = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: rows.map((r) => r.name),
        datasets: [
          { label: 'Đã làm', data: rows.map((r) => r.took), backgroundColor: '#1f7a3d' },
          { label: 'Chưa làm', data: rows.map((r) => r.didNotTake), backgroundColor: '#cbd5e1' },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    }),
    [rows],
  );
  return <ChartView config={config} height={Math.max(160, 24 * rows.length + 60)} label="Tham gia theo đơn vị" />;
}

/** Facility against discrimination: questions low on the right-hand side are suspect. */
export function ItemScatter({ items }: { items: ItemView[] }) {
  const config = useMemo<ChartConfiguration<'scatter'>>(
    () => ({
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Câu hỏi',
            data: items
              .filter((i) => i.flags.length === 0 && i.facility !== null)
              .map((i) => ({ x: i.facility!, y: i.pointBiserial ?? 0, label: i.index + 1 })),
            backgroundColor: '#3b82f6',
          },
          {
            label: 'Câu có cảnh báo',
            data: items
              .filter((i) => i.flags.length > 0 && i.facility !== null)
              .map((i) => ({ x: i.facility!, y: i.pointBiserial ?? 0, label: i.index + 1 })),
            backgroundColor: '#dc2626',
          },
        ],
      },
      options: {
        scales: {
          x: { min: 0, max: 1, title: { display: true, text: 'Độ khó (tỷ lệ làm đúng)' } },
          y: { min: -0.5, max: 1, title: { display: true, text: 'Độ phân biệt' } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (c) => {
                const point = c.raw as { x: number; y: number; label: number };
                return `Câu ${point.label}: độ khó ${point.x.toLocaleString('vi-VN', { maximumFractionDigits: 3 })}, phân biệt ${point.y.toLocaleString('vi-VN', { maximumFractionDigits: 3 })}`;
              },
            },
          },
        },
      },
    }),
    [items],
  );
  return <ChartView config={config} height={280} label="Độ khó và độ phân biệt của từng câu" />;
}
