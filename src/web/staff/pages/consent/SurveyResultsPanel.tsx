import { Card, Col, Empty, Flex, List, Row, Typography } from 'antd';
import { StaffChart } from '../../components/StaffChart.tsx';
import { useLang } from '../../../shared/words.ts';
import { $api } from '../../data.ts';
import { TallyDiagrams } from './TallyPanel.tsx';
import type { Consultation, Tally } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';

/** Survey replies per question as bar charts (with the numbers as text too), and the free texts. */
export function SurveyResultsPanel({ consultation: c, tally }: { consultation: Consultation; tally: Tally }) {
  const w = useWords();
  const { pick, lang } = useLang();
  const results = $api.useQuery(
    'get',
    '/api/v1/consultations/{id}/survey-results',
    { params: { path: { id: c.id } } },
    { enabled: c.status !== 'draft' },
  );
  const data = results.data;
  return (
    <Flex vertical gap={16}>
      {data && (
        <>
          <Typography.Paragraph style={{ margin: 0 }}>{w.replies(data.replies)}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {data.questions.map((q) =>
              q.kind === 'text' ? (
                <Col xs={24} key={q.id}>
                  <Card size="small" title={pick(q.text)}>
                    {q.texts.length ? (
                      <List
                        size="small"
                        dataSource={q.texts}
                        renderItem={(text) => <List.Item>{text}</List.Item>}
                      />
                    ) : (
                      <Empty description={w.noTexts} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                    )}
                  </Card>
                </Col>
              ) : (
                <Col xs={24} lg={12} key={q.id}>
                  <Card size="small" title={pick(q.text)}>
                    <QuestionChart
                      labels={(q.options ?? []).map((o) => pick(o))}
                      values={(q.options ?? []).map((o) => q.counts[o.id] ?? 0)}
                      name={w.count}
                      description={`${pick(q.text)} ${w.count}${lang === 'en' ? ': ' : '：'}${(q.options ?? []).map((o) => `${pick(o)} ${q.counts[o.id] ?? 0}`).join(lang === 'en' ? ', ' : '，')}`}
                    />
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {(q.options ?? []).map((o) => `${pick(o)} ${q.counts[o.id] ?? 0}`).join(' · ')}
                    </Typography.Paragraph>
                  </Card>
                </Col>
              ),
            )}
          </Row>
        </>
      )}
      <TallyDiagrams tally={tally} />
    </Flex>
  );
}

function QuestionChart({
  labels,
  values,
  name,
  description,
}: {
  labels: string[];
  values: number[];
  name: string;
  description: string;
}) {
  const option = {
    // ECharts' own description of a horizontal bar chart reads out (value, index) pairs, not the counts
    aria: { enabled: true, label: { description } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: [
      {
        type: 'bar',
        name,
        data: values,
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'right' },
      },
    ],
  };
  // the chart keeps its drawn width until ECharts resizes it: clip it, so a narrowed window never scrolls sideways
  return (
    <StaffChart option={option} className="jw-consent-chart" height={Math.max(120, labels.length * 44)} />
  );
}
