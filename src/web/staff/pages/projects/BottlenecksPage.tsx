import { Card, Flex, Table, Typography } from 'antd';
import { StaffChart } from '../../components/StaffChart.tsx';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import type { Answer, ItemOf } from '../../../shared/api.ts';
import { $api } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import { useWords } from './words.ts';
import './work.css';

type Bottleneck = ItemOf<Answer<'/api/v1/approvals/bottlenecks'>>;

/** Across the projects in scope: average and slowest days per approval step, slowest first. */
export default function BottlenecksPage() {
  const { menu } = useStaffWords();
  const w = useWords();
  const { pick } = useLang();
  const query = $api.useQuery('get', '/api/v1/approvals/bottlenecks');
  return (
    <>
      <PageHeader title={menu.bottlenecks} />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => {
          const items = query.data!.items;
          return (
            <Flex vertical gap={16}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {w.bottleneckHint}
              </Typography.Paragraph>
              <Card size="small" title={<h2 className="jw-card-title">{w.bottleneckTable}</h2>}>
                <Table<Bottleneck>
                  size="small"
                  rowKey="key"
                  pagination={false}
                  // no sideways scroll box: four short numbers fit a phone with their headings
                  // wrapped, and a scroll box holding nothing focusable is out of a keyboard's reach
                  dataSource={items}
                  aria-label={w.bottleneckTable}
                  columns={[
                    { title: w.step, key: 'name', render: (_, b) => pick(b.name) },
                    { title: w.avgDays, dataIndex: 'avgDays', align: 'right' },
                    { title: w.maxDays, dataIndex: 'maxDays', align: 'right' },
                    { title: w.doneSteps, dataIndex: 'done', align: 'right' },
                    { title: w.openSteps, dataIndex: 'inProgress', align: 'right' },
                  ]}
                />
              </Card>
              {items.length > 0 && (
                <Card size="small" title={<h2 className="jw-card-title">{w.bottleneckChart}</h2>}>
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
  const w = useWords();
  const { pick } = useLang();
  // slowest at the top of a horizontal bar chart: ECharts draws the category axis bottom-up
  const rows = [...items].reverse();
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: w.days },
    yAxis: {
      type: 'category',
      data: rows.map((b) => pick(b.name)),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        name: w.avgDays,
        type: 'bar',
        data: rows.map((b) => b.avgDays),
        itemStyle: { color: '#1677ff' },
      },
      {
        name: w.maxDays,
        type: 'bar',
        data: rows.map((b) => b.maxDays),
        itemStyle: { color: '#d4380d' },
      },
    ],
  };
  return (
    <div role="img" aria-label={w.bottleneckChart}>
      <StaffChart option={option} height={Math.max(240, rows.length * 40 + 60)} />
    </div>
  );
}
