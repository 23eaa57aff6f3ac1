import { StaffChart } from '../../components/StaffChart.tsx';
import { formatYuan } from '../../../shared/yuan.ts';
import type { WhatIfScheme } from './types.ts';
import { useWords } from './words.ts';

/** Colour-blind-safe series colours (Okabe–Ito), one per scheme. */
const COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'];

/** Per-floor totals of each scheme as grouped bars; the table beside it holds the same figures. */
export function PerFloorChart({ schemes }: { schemes: WhatIfScheme[] }) {
  const w = useWords();
  const floors = [...new Set(schemes.flatMap((s) => s.perFloor.map((p) => p.floor)))].sort((a, b) => a - b);
  const option = {
    aria: { enabled: true, label: { description: w.chartLabel(schemes.map((s) => s.name).join('、')) } },
    color: COLORS,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => `${formatYuan(Math.round(v * 100))} ${w.yuan}`,
    },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: floors.map((f) => w.floorN(f)) },
    yAxis: { type: 'value', name: w.yuan },
    // ECharts draws numbers: yuan as a whole-fen quotient, shown with two decimals in the tooltip
    series: schemes.map((s) => ({
      type: 'bar',
      name: s.name,
      data: floors.map((f) => (s.perFloor.find((p) => p.floor === f)?.fen ?? 0) / 100),
    })),
  };
  return (
    <div
      role="img"
      aria-label={w.chartLabel(schemes.map((s) => s.name).join('、'))}
      data-testid="per-floor-chart"
    >
      <StaffChart option={option} height={300} />
    </div>
  );
}
