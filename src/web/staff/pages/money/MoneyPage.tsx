import { App, Button, Card, Empty, Flex, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { answer, api } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { Project, StairwellDetail } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { PlanPanel } from './PlanPanel.tsx';
import { RunningCostsCard } from './RunningCostsCard.tsx';
import { SubsidyClaimCard } from './SubsidyClaimCard.tsx';
import type { CostPlan } from './types.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { MoneyTag, PLAN_TONE, hiddenTitle } from './MoneyTag.tsx';
import { useWords } from './words.ts';
import './money.css';
import { NameCell, Yuan } from '../../components/cells.tsx';

/** A project's money: plan versions, what-if, the adopted plan with sign-offs and payments, the subsidy claim, running costs. */
export default function MoneyPage() {
  const { id = '' } = useParams();
  const project = $api.useQuery('get', '/api/v1/projects/{id}', { params: { path: { id } } });
  const plans = $api.useQuery('get', '/api/v1/projects/{id}/cost-plans', { params: { path: { id } } });
  const stairwellId = project.data?.stairwellId;
  const stairwell = $api.useQuery(
    'get',
    '/api/v1/stairwells/{id}',
    { params: { path: { id: stairwellId ?? '' } } },
    { enabled: Boolean(stairwellId) },
  );
  return (
    <QueryState
      isLoading={project.isLoading || plans.isLoading || stairwell.isLoading || !stairwell.data}
      error={project.error ?? plans.error ?? stairwell.error}
    >
      {() => <Money project={project.data!} plans={plans.data!.items} stairwell={stairwell.data!} />}
    </QueryState>
  );
}

function Money({
  project,
  plans,
  stairwell,
}: {
  project: Project;
  plans: CostPlan[];
  stairwell: StairwellDetail;
}) {
  const { menu } = useStaffWords();
  const w = useWords();
  const adopted = plans.find((p) => p.status === 'adopted');
  // ?tab=claim opens the subsidy claim (the works tab's acceptance card links there)
  const [search] = useSearchParams();
  const [tab, setTab] = useState(search.get('tab') ?? (adopted ? 'plan' : 'whatif'));
  const [viewing, setViewing] = useState<string | null>(null);
  const shown = plans.find((p) => p.id === viewing) ?? adopted;
  const canEdit = useSession().canWorkOn(project);
  return (
    <div className="jw-money">
      <PageHeader
        title={w.moneyOf(project.name)}
        crumbs={[
          { label: menu.projects, to: '/projects' },
          { label: project.name, to: `/projects/${project.id}` },
          { label: w.money },
        ]}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {w.intro}
        </Typography.Paragraph>
      </PageHeader>
      <Flex vertical gap={16}>
        <Versions
          canEdit={canEdit}
          plans={plans}
          viewing={shown?.id ?? null}
          onView={(id) => {
            setViewing(id);
            setTab('plan');
          }}
          onAdopted={(id) => {
            setViewing(id);
            setTab('plan');
          }}
        />
        {/* short labels close together: on a phone all four fit, with no "more" menu (antd puts
            its button inside the tablist, which screen readers then misread) */}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          tabBarGutter={16}
          items={[
            {
              key: 'plan',
              label:
                shown && shown.status !== 'adopted'
                  ? `${w.version(shown.version)} · ${w.status[shown.status]}`
                  : w.adoptedPlan,
              children: shown ? (
                <PlanPanel planId={shown.id} stairwell={stairwell} canEdit={canEdit} />
              ) : (
                <Empty description={w.noAdopted} />
              ),
            },
            {
              key: 'whatif',
              label: w.whatIf,
              children: <WhatIfPanel projectId={project.id} stairwell={stairwell} canEdit={canEdit} />,
            },
            {
              key: 'claim',
              label: w.claim,
              children: (
                <SubsidyClaimCard projectId={project.id} hasPlan={Boolean(adopted)} canEdit={canEdit} />
              ),
            },
            {
              key: 'running',
              label: w.running,
              children: <RunningCostsCard projectId={project.id} stairwell={stairwell} canEdit={canEdit} />,
            },
          ]}
        />
      </Flex>
    </div>
  );
}

function Versions({
  canEdit,
  plans,
  viewing,
  onView,
  onAdopted,
}: {
  canEdit: boolean;
  plans: CostPlan[];
  viewing: string | null;
  onView: (id: string) => void;
  onAdopted: (id: string) => void;
}) {
  const w = useWords();
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const adopt = useApiMutation((id: string) =>
    answer(api.POST('/api/v1/cost-plans/{id}/adopt', { params: { path: { id } } })),
  );
  const confirmAdopt = (p: CostPlan) =>
    modal.confirm({
      title: w.adoptTitle,
      content: (
        <>
          <p>
            <strong>
              {w.version(p.version)} {p.name}
            </strong>
          </p>
          <p>{w.adoptText}</p>
        </>
      ),
      okText: w.adopt,
      onOk: () =>
        adopt.mutateAsync(p.id).then(() => {
          void message.success(w.adopted);
          onAdopted(p.id);
        }),
    });
  return (
    <Card size="small" title={<h2 className="jw-card-title">{w.versions}</h2>}>
      {plans.length === 0 ? (
        <Typography.Text>{w.noPlans}</Typography.Text>
      ) : (
        <Table<CostPlan>
          rowKey="id"
          size="small"
          dataSource={plans}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="plan-versions"
          columns={[
            { key: 'v', title: '#', render: (_, p) => w.version(p.version) },
            { key: 'name', title: w.planName, render: (_, p) => <NameCell name={p.name} /> },
            {
              key: 'status',
              title: w.claimStatus,
              render: (_, p) => <MoneyTag tone={PLAN_TONE[p.status]}>{w.status[p.status]}</MoneyTag>,
            },
            { key: 'kind', title: w.kind, render: (_, p) => w.kinds[p.scheme.kind] },
            {
              key: 'amount',
              title: `${w.amountToShare}（${w.yuan}）`,
              align: 'right',
              render: (_, p) => <Yuan fen={p.amountToShareFen} />,
            },
            {
              key: 'when',
              title: hiddenTitle(w.note),
              render: (_, p) => (
                <Typography.Text type="secondary">
                  {p.adoptedAt && p.adoptedByName
                    ? w.adoptedBy(p.adoptedByName, formatDateTime(p.adoptedAt, lang))
                    : w.createdBy(p.createdByName, formatDateTime(p.createdAt, lang))}
                </Typography.Text>
              ),
            },
            {
              key: 'act',
              title: hiddenTitle(w.actions),
              render: (_, p) => (
                <Flex gap={8}>
                  <Button
                    size="small"
                    type={viewing === p.id ? 'primary' : 'default'}
                    aria-pressed={viewing === p.id}
                    onClick={() => onView(p.id)}
                    aria-label={`${w.view} ${w.version(p.version)}`}
                  >
                    {w.view}
                  </Button>
                  {canEdit && p.status === 'draft' && (
                    <Button size="small" onClick={() => confirmAdopt(p)} data-testid={`adopt-${p.version}`}>
                      {w.adopt}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
