import { Alert, Card, Descriptions, Flex, Tabs, Typography } from 'antd';
import { useParams } from 'react-router';
import type { Project } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { BallotsPanel } from './BallotsPanel.tsx';
import { CertificatePanel, LedgerPanel } from './LedgerPanel.tsx';
import { CodesPanel } from './CodesPanel.tsx';
import { MaterialsCard } from './MaterialsCard.tsx';
import { OpenCloseButton } from './OpenCloseButton.tsx';
import { StatusTag } from './StatusTag.tsx';
import { SurveyResultsPanel } from './SurveyResultsPanel.tsx';
import { TallyPanel } from './TallyPanel.tsx';
import { useTally } from './tally.ts';
import type { Consultation, Tally } from './types.ts';
import { useWords } from './words.ts';

/** One consultation: the live tally (or survey results), codes and letters, paper ballots, ledger, certificate. */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const consultation = $api.useQuery('get', '/api/v1/consultations/{id}', { params: { path: { id } } });
  const live = consultation.data?.status === 'open';
  const tally = useTally(id, live);
  const projectId = consultation.data?.projectId;
  const project = $api.useQuery(
    'get',
    '/api/v1/projects/{id}',
    { params: { path: { id: projectId ?? '' } } },
    { enabled: Boolean(projectId) },
  );
  return (
    <QueryState
      isLoading={consultation.isLoading || tally.isLoading}
      error={consultation.error ?? tally.error}
    >
      {() => (
        <ConsultationView consultation={consultation.data!} tally={tally.data!} project={project.data} />
      )}
    </QueryState>
  );
}

function ConsultationView({
  consultation: c,
  tally,
  project,
}: {
  consultation: Consultation;
  tally: Tally;
  project: Project | undefined;
}) {
  const { menu } = useStaffWords();
  const w = useWords();
  const { pick } = useLang();
  const { canWrite } = useSession();
  const dateTime = (v: string | null) => (v ? new Date(v).toLocaleString() : '—');
  const overview =
    c.kind === 'vote' ? <TallyPanel tally={tally} /> : <SurveyResultsPanel consultation={c} tally={tally} />;
  const tabs = [
    {
      key: 'tally',
      label: c.kind === 'vote' ? w.tallyTab : w.resultsTab,
      children: overview,
    },
    ...(canWrite && c.status !== 'draft'
      ? [
          { key: 'codes', label: w.codesTab, children: <CodesPanel consultation={c} /> },
          {
            key: 'ballots',
            label: w.ballotsTab,
            children: <BallotsPanel consultation={c} tally={tally} />,
          },
        ]
      : []),
    ...(c.status !== 'draft'
      ? [
          { key: 'ledger', label: w.ledgerTab, children: <LedgerPanel consultation={c} /> },
          {
            key: 'certificate',
            label: w.certificateTab,
            children: <CertificatePanel consultation={c} />,
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={c.title}
        crumbs={[
          { label: menu.projects, to: '/projects' },
          ...(project ? [{ label: project.name, to: `/projects/${project.id}` }] : []),
          { label: w.title, to: `/projects/${c.projectId}/consultations` },
          { label: c.title },
        ]}
        actions={canWrite && <OpenCloseButton consultation={c} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'status', label: w.status, children: <StatusTag status={c.status} /> },
            { key: 'kind', label: w.kind, children: w.kinds[c.kind] },
            { key: 'scope', label: w.scope, children: w.scopes[c.scopeKind] },
            {
              key: 'dates',
              label: w.dates,
              children: `${c.opensOn ?? '—'} ~ ${c.closesOn ?? '—'}`,
            },
            ...(c.openedAt ? [{ key: 'openedAt', label: w.openedAt, children: dateTime(c.openedAt) }] : []),
            ...(c.closedAt ? [{ key: 'closedAt', label: w.closedAt, children: dateTime(c.closedAt) }] : []),
            ...(c.rule ? [{ key: 'rule', label: w.rule, children: pick(c.rule.name) }] : []),
            {
              key: 'double',
              label: w.doubleEntryShort,
              children: c.doubleEntry ? w.yes : w.no,
            },
          ]}
        />
      </PageHeader>
      <Flex vertical gap={16}>
        <Card size="small">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {c.question}
          </Typography.Paragraph>
          {c.documentsSummary && (
            <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>
              {w.documentsSummary}：{c.documentsSummary}
            </Typography.Paragraph>
          )}
        </Card>
        <MaterialsCard consultation={c} />
        {c.status === 'draft' && <Alert type="info" showIcon title={w.notOpenYet} />}
        <Tabs className="jw-tabs-wrap" items={tabs} destroyOnHidden />
      </Flex>
    </>
  );
}
