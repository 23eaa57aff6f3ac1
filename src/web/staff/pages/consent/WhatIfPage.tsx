import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Flex, Form, List, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CONSENT_RULES } from '../../../../core/consent/rules.ts';
import { answer, api, type Body } from '../../../shared/api.ts';
import { ElevationDiagram } from '../../../shared/ElevationDiagram.tsx';
import type { StairwellDetail, Unit } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useErrorText } from '../../data.ts';
import { useRegistryCrumbs } from '../registry/crumbs.ts';
import { useWords as useRegistryWords } from '../registry/words.ts';
import { BALLOT_COLORS, ballotLegend } from './ballotColors.ts';
import type { Choice } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';

type Pick = Choice | 'none';
const PICKS: Pick[] = ['agree', 'disagree', 'abstain', 'none'];

/** Units of one owner set vote once: the what-if keys every choice by the owner group. */
const groupKey = (u: Unit) =>
  u.owners.length ? [...new Set(u.owners.map((o) => o.id))].sort().join('|') : 'unsold';

/** A what-if on a real stairwell: assume each household's choice, see whether a rule would pass. */
export default function WhatIfPage() {
  const { id = '' } = useParams();
  const query = $api.useQuery('get', '/api/v1/stairwells/{id}', { params: { path: { id } } });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => <WhatIf stairwell={query.data!} />}
    </QueryState>
  );
}

function WhatIf({ stairwell: s }: { stairwell: StairwellDetail }) {
  const w = useWords();
  const registryWords = useRegistryWords();
  const { pick } = useLang();
  const errorText = useErrorText();
  const crumbs = useRegistryCrumbs();
  const [ruleId, setRuleId] = useState('sh-801-building');
  const [choices, setChoices] = useState<Record<string, Pick>>({});
  const title = `${s.estateName} ${s.buildingName} ${s.name}`;
  const choiceOf = (u: Unit): Pick => choices[groupKey(u)] ?? 'none';
  const setChoice = (u: Unit, value: Pick) => setChoices((c) => ({ ...c, [groupKey(u)]: value }));
  const setAll = (value: Pick) => setChoices(Object.fromEntries(s.units.map((u) => [groupKey(u), value])));

  const body: Body<'/api/v1/tools/consent'> = {
    rule: ruleId,
    units: s.units.map((u) => {
      const choice = choiceOf(u);
      return {
        id: u.id,
        areaM2: u.areaM2,
        owners: u.owners.map((o) => o.id),
        ballot: choice === 'none' ? null : choice,
      };
    }),
  };
  const result = useQuery({
    queryKey: ['what-if', body],
    queryFn: () => answer(api.POST('/api/v1/tools/consent', { body })),
    enabled: s.units.length > 0,
  });
  const r = result.data;
  const roomOf = new Map(s.units.map((u) => [u.id, u.room]));
  const sorted = [...s.units].sort(
    (a, b) => b.floor - a.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
  );
  const pickOptions = PICKS.map((p) => ({
    value: p,
    label: p === 'none' ? w.noBallot : w.ballot[p],
  }));

  return (
    <>
      <PageHeader
        title={w.whatIfTitle(title)}
        crumbs={crumbs(
          {
            committeeId: s.committeeId,
            committeeName: s.committeeName,
            estateId: s.estateId,
            estateName: s.estateName,
            buildingId: s.buildingId,
            buildingName: s.buildingName,
          },
          s.name,
        )}
      >
        <Typography.Paragraph type="secondary">{w.whatIfIntro}</Typography.Paragraph>
      </PageHeader>
      <Flex vertical gap={16}>
        <Card size="small">
          <Form layout="vertical">
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item label={w.rule} htmlFor="what-if-rule" style={{ marginBottom: 8 }}>
                  <Select
                    id="what-if-rule"
                    value={ruleId}
                    onChange={setRuleId}
                    options={CONSENT_RULES.map((rule) => ({ value: rule.id, label: pick(rule.name) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={w.setAll} htmlFor="what-if-all" style={{ marginBottom: 8 }}>
                  <Select
                    id="what-if-all"
                    value={null}
                    placeholder={w.setAll}
                    onChange={(v: Pick) => setAll(v)}
                    options={pickOptions}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={w.result}>
              {result.error && <Alert type="error" showIcon title={errorText(result.error)} />}
              {r && (
                <div aria-live="polite">
                  <Typography.Paragraph
                    className={r.passed ? 'jw-consent-met' : 'jw-consent-unmet'}
                    style={{ fontSize: 20 }}
                    data-testid="what-if-outcome"
                  >
                    {r.passed ? w.passed : w.notPassed}
                  </Typography.Paragraph>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'p',
                        label: w.participationThreshold,
                        children: r.participationMet ? w.met : w.notMet,
                      },
                      {
                        key: 'a',
                        label: w.approvalThreshold,
                        children: r.approvalMet ? w.met : w.notMet,
                      },
                      {
                        key: 'heads',
                        label: w.headsCol,
                        children: `${w.participating} ${r.heads.participating} · ${w.agreeing} ${r.heads.agreeing} / ${r.heads.total}`,
                      },
                      {
                        key: 'area',
                        label: w.areaCol,
                        children: `${w.participating} ${r.areaM2.participating} · ${w.agreeing} ${r.areaM2.agreeing} / ${r.areaM2.total}`,
                      },
                    ]}
                  />
                  <p className="jw-consent-needed" style={{ marginTop: 12 }}>
                    {r.additionalAgreeNeeded === null
                      ? w.needImpossible
                      : r.additionalAgreeNeeded === 0
                        ? w.needNone
                        : w.needMore(r.additionalAgreeNeeded)}
                  </p>
                  {r.candidates.length > 0 && (
                    <List
                      size="small"
                      header={w.candidates}
                      dataSource={r.candidates}
                      renderItem={(g) => (
                        <List.Item>
                          {g.units.map((u) => roomOf.get(u) ?? u).join('、')} · {g.areaM2} m²
                        </List.Item>
                      )}
                    />
                  )}
                </div>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={w.diagramTitle}>
              <ElevationDiagram
                floors={s.floors}
                units={s.units}
                caption={w.diagramCaption(title)}
                cellColor={(u) => BALLOT_COLORS[choiceOf(u)]}
                cellNote={(u) => (choiceOf(u) === 'none' ? w.noBallot : w.ballot[choiceOf(u) as Choice])}
                legend={ballotLegend((st) => w.ballot[st]).filter((l) => l.key !== 'pending')}
              />
            </Card>
          </Col>
        </Row>
        <Card size="small" title={registryWords.unitsTitle}>
          <Table<Unit>
            rowKey="id"
            size="small"
            dataSource={sorted}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'room', title: registryWords.room, dataIndex: 'room' },
              { key: 'area', title: registryWords.areaM2, dataIndex: 'areaM2', align: 'right' },
              {
                key: 'owners',
                title: registryWords.owners,
                render: (_, u) => u.owners.map((o) => o.name).join('、') || w.unsold,
              },
              {
                key: 'choice',
                title: w.choice,
                render: (_, u) => (
                  <Select
                    size="small"
                    style={{ width: 110 }}
                    value={choiceOf(u)}
                    onChange={(v: Pick) => setChoice(u, v)}
                    options={pickOptions}
                    aria-label={`${u.room} ${w.choice}`}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
