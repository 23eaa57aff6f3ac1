import { Alert, Card, Descriptions, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLang } from '../../../shared/i18n.ts';
import type { Project } from '../../../shared/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { BallotsPanel } from './BallotsPanel.tsx';
import { CertificatePanel, LedgerPanel } from './LedgerPanel.tsx';
import { CodesPanel } from './CodesPanel.tsx';
import { OpenCloseButton } from './OpenCloseButton.tsx';
import { StatusTag } from './StatusTag.tsx';
import { SurveyResultsPanel } from './SurveyResultsPanel.tsx';
import { TallyPanel } from './TallyPanel.tsx';
import { useTally } from './tally.ts';
import type { Consultation, Tally } from './types.ts';

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
  const { t } = useTranslation();
  const { pick } = useLang();
  const { canWrite } = useSession();
  const dateTime = (v: string | null) => (v ? new Date(v).toLocaleString() : '—');
  const overview =
    c.kind === 'vote' ? <TallyPanel tally={tally} /> : <SurveyResultsPanel consultation={c} tally={tally} />;
  const tabs = [
    {
      key: 'tally',
      label: c.kind === 'vote' ? t('consent.tallyTab') : t('consent.resultsTab'),
      children: overview,
    },
    ...(canWrite && c.status !== 'draft'
      ? [
          { key: 'codes', label: t('consent.codesTab'), children: <CodesPanel consultation={c} /> },
          {
            key: 'ballots',
            label: t('consent.ballotsTab'),
            children: <BallotsPanel consultation={c} tally={tally} />,
          },
        ]
      : []),
    ...(c.status !== 'draft'
      ? [
          { key: 'ledger', label: t('consent.ledgerTab'), children: <LedgerPanel consultation={c} /> },
          {
            key: 'certificate',
            label: t('consent.certificateTab'),
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
          { label: t('menu.projects'), to: '/projects' },
          ...(project ? [{ label: project.name, to: `/projects/${project.id}` }] : []),
          { label: t('consent.title'), to: `/projects/${c.projectId}/consultations` },
          { label: c.title },
        ]}
        actions={canWrite && <OpenCloseButton consultation={c} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'status', label: t('consent.status'), children: <StatusTag status={c.status} /> },
            { key: 'kind', label: t('consent.kind'), children: t(`consent.kinds.${c.kind}`) },
            { key: 'scope', label: t('consent.scope'), children: t(`consent.scopes.${c.scopeKind}`) },
            {
              key: 'dates',
              label: t('consent.dates'),
              children: `${c.opensOn ?? '—'} ~ ${c.closesOn ?? '—'}`,
            },
            ...(c.openedAt
              ? [{ key: 'openedAt', label: t('consent.openedAt'), children: dateTime(c.openedAt) }]
              : []),
            ...(c.closedAt
              ? [{ key: 'closedAt', label: t('consent.closedAt'), children: dateTime(c.closedAt) }]
              : []),
            ...(c.rule ? [{ key: 'rule', label: t('consent.rule'), children: pick(c.rule.name) }] : []),
            {
              key: 'double',
              label: t('consent.doubleEntryShort'),
              children: c.doubleEntry ? t('consent.yes') : t('consent.no'),
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
              {t('consent.documentsSummary')}：{c.documentsSummary}
            </Typography.Paragraph>
          )}
        </Card>
        {c.status === 'draft' && <Alert type="info" showIcon title={t('consent.notOpenYet')} />}
        <Tabs items={tabs} destroyOnHidden />
      </Flex>
    </>
  );
}
