import { Card, Flex, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/i18n.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import type { Answer, ItemOf } from '../../../shared/api.ts';
import { $api } from '../../data.ts';
import './work.css';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

type Bottleneck = ItemOf<Answer<'/api/v1/approvals/bottlenecks'>>;

/** Across the projects in scope: average and slowest days per approval step, slowest first. */
export default function BottlenecksPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const query = $api.useQuery('get', '/api/v1/approvals/bottlenecks');
  return (
    <>
      <PageHeader title={t('menu.bottlenecks')} />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => {
          const items = query.data!.items;
          return (
            <Flex vertical gap={16}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('work.bottleneckHint')}
              </Typography.Paragraph>
              <Card size="small" title={<h2 className="jw-card-title">{t('work.bottleneckTable')}</h2>}>
                <Table<Bottleneck>
                  size="small"
                  rowKey="key"
                  pagination={false}
                  scroll={{ x: 560 }}
                  dataSource={items}
                  aria-label={t('work.bottleneckTable')}
                  columns={[
                    { title: t('work.step'), key: 'name', render: (_, b) => pick(b.name) },
                    { title: t('work.avgDays'), dataIndex: 'avgDays', align: 'right', width: 110 },
                    { title: t('work.maxDays'), dataIndex: 'maxDays', align: 'right', width: 110 },
                    { title: t('work.doneSteps'), dataIndex: 'done', align: 'right', width: 100 },
                    { title: t('work.openSteps'), dataIndex: 'inProgress', align: 'right', width: 100 },
                  ]}
                />
              </Card>
              {items.length > 0 && (
                <Card size="small" title={<h2 className="jw-card-title">{t('work.bottleneckChart')}</h2>}>
                  <Chart items={items} />
                </Card>
              )}
            </Flex>
          );
        }}
      </QueryState>
    </>
  );
}

function Chart({ items }: { items: Bottleneck[] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  // slowest at the top of a horizontal bar chart: ECharts draws the category axis bottom-up
  const rows = [...items].reverse();
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: t('work.days') },
    yAxis: {
      type: 'category',
      data: rows.map((b) => pick(b.name)),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        name: t('work.avgDays'),
        type: 'bar',
        data: rows.map((b) => b.avgDays),
        itemStyle: { color: '#1677ff' },
      },
      {
        name: t('work.maxDays'),
        type: 'bar',
        data: rows.map((b) => b.maxDays),
        itemStyle: { color: '#d4380d' },
      },
    ],
  };
  return (
    <div role="img" aria-label={t('work.bottleneckChart')}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height: Math.max(240, rows.length * 40 + 60) }}
        notMerge
      />
    </div>
  );
}
