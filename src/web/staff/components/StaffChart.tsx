import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

// the staff app's smallest text (14 px) for every label ECharts draws; its own defaults are 11–12 px
const TEXT = { fontSize: 14 };
const AXIS = { axisLabel: TEXT, nameTextStyle: TEXT };
echarts.registerTheme('jw-staff', {
  textStyle: TEXT,
  categoryAxis: AXIS,
  valueAxis: AXIS,
  legend: { textStyle: TEXT },
  tooltip: { textStyle: TEXT },
  bar: { label: TEXT },
});

/**
 * The staff app's bar charts: drawn as SVG, so the text is real text (zooms, measurable by the
 * size check in the browser tests), at the app's sizes.
 */
export function StaffChart({
  option,
  height,
  className,
}: {
  option: echarts.EChartsCoreOption;
  height: number;
  className?: string;
}) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      theme="jw-staff"
      opts={{ renderer: 'svg' }}
      className={className}
      style={{ height }}
      notMerge
    />
  );
}
