/** A Chart.js chart on a canvas, rebuilt when its data change. Staff pages only (the exam stays without it). */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, PointElement, ScatterController, Legend, Tooltip);
Chart.defaults.font.family = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
Chart.defaults.locale = 'vi-VN';

export const BAND_COLORS = ['#1f7a3d', '#3b82f6', '#f59e0b', '#94a3b8', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#65a30d', '#78716c'];

export function ChartView<T extends ChartType>({
  config,
  height = 260,
  label,
}: {
  config: ChartConfiguration<T>;
  height?: number;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const options = { maintainAspectRatio: false, responsive: true, ...config.options };
    const chart = new Chart(canvas.current, { ...config, options } as ChartConfiguration);
    return () => chart.destroy();
  }, [config]);
  return (
    <div style={{ position: 'relative', height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
